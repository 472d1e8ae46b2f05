/**
 * Upload of a run's files to S3 (or any S3-protocol server) with @aws-sdk/client-s3: one PutObject
 * per small file, a multipart upload for large ones. Checksums only when the protocol requires them:
 * with the SDK's default (a streamed, checksummed body) S3-compatible servers such as s3rver store
 * the chunk framing with the object. Any failure names the endpoint and bucket.
 */
import { open, readFile } from "node:fs/promises";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";

export interface S3Settings {
  bucket: string;
  /** null = AWS's regional endpoint. */
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
  /** Keys are `<prefix>/<run-id>/<file>`. */
  prefix: string;
  /** Files at or above this size go up in parts. */
  multipartThreshold: number;
  partSize: number;
}

/** Files this large or larger are uploaded in parts (S3 allows single PUTs up to 5 GB; parts retry alone). */
export const S3_MULTIPART_THRESHOLD_BYTES = 16 * 1024 * 1024;
/** Part size of multipart uploads (S3's minimum part is 5 MiB). */
export const S3_PART_SIZE_BYTES = 8 * 1024 * 1024;
export const S3_DEFAULT_PREFIX = "spendsense-eval";

/** From S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE, S3_PREFIX; null when S3_BUCKET is unset. */
export function s3SettingsFromEnv(env: Record<string, string | undefined> = process.env): S3Settings | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT || null,
    region: env.S3_REGION || env.AWS_REGION || "us-east-1",
    forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? ""),
    prefix: (env.S3_PREFIX ?? S3_DEFAULT_PREFIX).replace(/^\/+|\/+$/g, ""),
    multipartThreshold: S3_MULTIPART_THRESHOLD_BYTES,
    partSize: S3_PART_SIZE_BYTES,
  };
}

export const endpointLabel = (s: S3Settings) => s.endpoint ?? `https://s3.${s.region}.amazonaws.com`;

export class S3UploadError extends Error {}

function cause(e: unknown): string {
  const x = e as { message?: string; code?: string; name?: string; errors?: { message?: string }[] } | null;
  return x?.message || x?.errors?.map((i) => i.message).join("; ") || x?.code || x?.name || String(e);
}

export function s3Client(s: S3Settings): S3Client {
  return new S3Client({
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    forcePathStyle: s.forcePathStyle,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
  });
}

async function multipart(client: S3Client, s: S3Settings, key: string, file: string, size: number, contentType: string): Promise<void> {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: s.bucket, Key: key, ContentType: contentType }));
  const fh = await open(file, "r");
  try {
    const parts: { ETag: string | undefined; PartNumber: number }[] = [];
    for (let offset = 0, n = 1; offset < size; offset += s.partSize, n++) {
      const buf = Buffer.alloc(Math.min(s.partSize, size - offset));
      await fh.read(buf, 0, buf.length, offset);
      const r = await client.send(new UploadPartCommand({ Bucket: s.bucket, Key: key, UploadId, PartNumber: n, Body: buf }));
      parts.push({ ETag: r.ETag, PartNumber: n });
    }
    await client.send(new CompleteMultipartUploadCommand({ Bucket: s.bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
  } catch (e) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: s.bucket, Key: key, UploadId })).catch(() => undefined);
    throw e;
  } finally {
    await fh.close();
  }
}

/** Uploads the files under `<prefix>/<runId>/`; returns the keys. Throws S3UploadError naming the endpoint. */
export async function uploadFiles(
  s: S3Settings,
  runId: string,
  files: { name: string; path: string; bytes: number; content_type: string }[],
  onFile: () => Promise<void> = async () => undefined,
): Promise<string[]> {
  const client = s3Client(s);
  const keys: string[] = [];
  try {
    for (const f of files) {
      const key = [s.prefix, runId, f.name].filter(Boolean).join("/");
      try {
        if (f.bytes >= s.multipartThreshold) await multipart(client, s, key, f.path, f.bytes, f.content_type);
        else await client.send(new PutObjectCommand({ Bucket: s.bucket, Key: key, Body: await readFile(f.path), ContentType: f.content_type }));
      } catch (e) {
        throw new S3UploadError(`S3 upload to ${endpointLabel(s)} failed (bucket "${s.bucket}", key "${key}"): ${cause(e)}`);
      }
      keys.push(key);
      await onFile();
    }
    return keys;
  } finally {
    client.destroy();
  }
}
