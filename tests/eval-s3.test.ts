/**
 * The evaluation's S3 upload against a real S3-protocol server (s3rver) started here on 127.0.0.1:
 * objects arrive under <prefix>/<run-id>/ and read back byte-identical (a large file in parts);
 * with the server down the run fails naming the endpoint, and the local files stay whole.
 */
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { SYSTEM } from "@/lib/db/actor";
import { getEvaluationRun } from "@/lib/db/evaluation-runs";
import { runEvaluation } from "@/lib/eval/run";
import { s3Client, s3SettingsFromEnv, uploadFiles, type S3Settings } from "@/lib/eval/s3";
import { smallBundle } from "./fixtures/bundle";

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)("s3rver") as new (o: object) => S3rverInstance;

const AS_OF = "2026-11-01";
const dir = path.resolve("tmp", `eval-s3-${process.pid}`);
const BUCKET = "spendsense-eval-test";

describe(`evaluation upload to S3 (s3rver, ${dbKind})`, () => {
  let server: S3rverInstance;
  let settings: S3Settings;

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(dir, "s3"), configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    settings = s3SettingsFromEnv({ S3_BUCKET: BUCKET, S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "true", S3_PREFIX: "evals" })!;
    await freshDatabase();
    await ingestObject(smallBundle());
  });
  afterAll(async () => {
    await server.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await closeDatabase();
  });

  const fetchObject = async (s: S3Settings, key: string) => {
    const client = s3Client(s);
    try {
      const r = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: key }));
      return Buffer.from(await r.Body!.transformToByteArray());
    } finally {
      client.destroy();
    }
  };

  it("uploads a run's files under <prefix>/<run-id>/ and they read back byte-identical", async () => {
    const out = path.join(dir, "run");
    const r = await runEvaluation({ asOf: AS_OF, outDir: out, actor: SYSTEM, s3: settings });
    expect(r.artifacts.s3).toMatchObject({ endpoint: settings.endpoint, bucket: BUCKET, prefix: `evals/${r.runId}/` });
    const client = s3Client(settings);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `evals/${r.runId}/` }));
    client.destroy();
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(r.artifacts.files.map((f) => `evals/${r.runId}/${f.name}`).sort());
    for (const f of r.artifacts.files) expect((await fetchObject(settings, `evals/${r.runId}/${f.name}`)).equals(readFileSync(f.path)), f.name).toBe(true);
    expect((await getEvaluationRun(SYSTEM, r.runId))?.artifacts?.s3?.keys).toHaveLength(r.artifacts.files.length);
  });

  it("sends a large file in parts and it reads back byte-identical", async () => {
    const big = path.join(dir, "big.bin");
    const bytes = randomBytes(11 * 1024 * 1024 + 123);
    writeFileSync(big, bytes);
    const small: S3Settings = { ...settings, multipartThreshold: 6 * 1024 * 1024, partSize: 5 * 1024 * 1024 };
    const keys = await uploadFiles(small, "multipart-run", [{ name: "big.bin", path: big, bytes: bytes.length, content_type: "application/octet-stream" }]);
    expect(keys).toEqual(["evals/multipart-run/big.bin"]);
    expect((await fetchObject(settings, keys[0])).equals(bytes)).toBe(true);
  });

  it("with the server down: fails naming the endpoint, keeps the local files whole, records the failure", async () => {
    await server.close();
    const out = path.join(dir, "down");
    const err = await runEvaluation({ asOf: AS_OF, outDir: out, actor: SYSTEM, s3: settings }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`S3 upload to ${settings.endpoint} failed (bucket "${BUCKET}"`);
    const metrics = JSON.parse(readFileSync(path.join(out, "metrics.json"), "utf8"));
    expect(metrics.as_of).toBe(AS_OF);
    for (const name of ["signals.parquet", "personas.parquet", "recommendations.parquet"]) {
      const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path.join(out, name)) });
      expect(rows.length, name).toBeGreaterThan(0);
    }
    expect(readFileSync(path.join(out, "report.html"), "utf8")).toMatch(/<\/html>\n$/);
    const run = await getEvaluationRun(SYSTEM, metrics.run_id);
    expect(run).toMatchObject({ status: "failed", error: expect.stringContaining(settings.endpoint!) });
    expect(run?.metrics?.as_of).toBe(AS_OF);
  });
});
