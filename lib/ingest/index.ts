/**
 * Ingest entry points: bytes or text (the API, in a worker thread: see ./worker-client), a bundle
 * object (tests, demo data) or a streamed file (the CLI). All go through the same scanner,
 * validation and session; the database is chosen by DATABASE_URL.
 */
import { stat } from "node:fs/promises";
import { BundleScanner, BundleShapeError, BundleSyntaxError, BundleTooLarge, INGEST_BATCH_ITEMS, fileChunks, scanBundle, type ScannedItem } from "./scan";
import { IngestSession, type IngestResult } from "./session";
import { SqliteSink } from "./sqlite-sink";
import { PostgresSink } from "./postgres-sink";
import type { IngestSink } from "./sink";
import { startWorker, type WorkerChannel } from "./worker-client";
import type { WorkerMessage } from "./parse-worker";
import { openPgPool } from "../db/raw";
import { resolveDb, type DbTarget } from "../db/url";
import { directRun, type IngestRunRecord } from "./run-record";
import { ingestCsv } from "./csv";
import { csvDirSources, multipartSources } from "./csv-sources";

export type { IngestResult } from "./session";

export interface IngestOptions {
  sink?: IngestSink;
  /** What ingest_runs records, in the same transaction as the data (default: source "direct"). */
  run?: IngestRunRecord;
  /** Largest number of elements accepted (the API's INGEST_MAX_ITEMS); unlimited by default. */
  maxItems?: number;
}

export function openSink(target: DbTarget = resolveDb()): IngestSink {
  return target.kind === "sqlite" ? new SqliteSink(target.file) : new PostgresSink(openPgPool(target.url));
}

/** Records a scanner error (malformed body, too many elements) as the session's answer. */
function recordScanError(session: IngestSession, e: unknown): boolean {
  if (e instanceof BundleSyntaxError) session.fail({ path: "(body)", reason: e.message });
  else if (e instanceof BundleShapeError) session.fail({ path: e.path, reason: e.reason });
  else if (e instanceof BundleTooLarge) session.failTooLarge(e.limit);
  else return false;
  return true;
}

async function run(source: AsyncIterable<ScannedItem[]>, opts: IngestOptions, onBatch?: (items: number) => void): Promise<IngestResult> {
  const session = new IngestSession(opts.sink ?? openSink(), opts.run ?? directRun());
  await session.begin();
  let items = 0;
  try {
    for await (const batch of source) {
      await session.processBatch(batch);
      items += batch.length;
      onBatch?.(items);
    }
  } catch (e) {
    if (!recordScanError(session, e)) {
      await session.abort();
      throw e;
    }
  }
  return session.finish();
}

/** Ingests a bundle given as UTF-8 bytes or text (already size-checked by the caller). */
export async function ingestBytes(body: Uint8Array | string, opts: IngestOptions & { batchSize?: number } = {}): Promise<IngestResult> {
  const batchSize = opts.batchSize ?? INGEST_BATCH_ITEMS;
  async function* batches(): AsyncGenerator<ScannedItem[]> {
    const items: ScannedItem[] = [];
    const scanner = new BundleScanner((i) => items.push(i), opts.maxItems);
    scanner.feed(body);
    scanner.end();
    for (let i = 0; i < items.length; i += batchSize) yield items.slice(i, i + batchSize);
  }
  return run(batches(), opts);
}

/** Ingests a bundle given as JSON text. */
export const ingestText = (text: string, opts: IngestOptions = {}) => ingestBytes(text, opts);

/** Ingests a bundle object (tests, the generator's in-memory output). */
export function ingestObject(bundle: unknown, opts: IngestOptions = {}): Promise<IngestResult> {
  return ingestBytes(JSON.stringify(bundle), opts);
}

/**
 * Streams a bundle file: bounded memory whatever its size; onProgress gets (items, bytes read,
 * total bytes). With `parallel` (the CLI's default) a worker thread reads, parses and validates
 * while this thread cross-checks and stages.
 */
export async function ingestFile(
  file: string,
  opts: IngestOptions & { onProgress?: (items: number, bytes: number, total: number) => void; parallel?: boolean } = {},
): Promise<IngestResult> {
  const total = (await stat(file)).size;
  if (opts.parallel) return ingestFileParallel(file, total, opts);
  const reader = chunkedFile(file);
  return run(scanBundle(reader.chunks()), opts, (items) => opts.onProgress?.(items, reader.bytesRead, total));
}

/** A file's chunks as an async iterable that also counts the bytes read (for progress). */
function chunkedFile(file: string) {
  const state = { bytesRead: 0 };
  return {
    get bytesRead() {
      return state.bytesRead;
    },
    async *chunks(): AsyncGenerator<Buffer> {
      for (const chunk of fileChunks(file)) {
        state.bytesRead += chunk.length;
        yield chunk;
      }
    },
  };
}

async function ingestFileParallel(
  file: string,
  total: number,
  opts: IngestOptions & { onProgress?: (items: number, bytes: number, total: number) => void },
): Promise<IngestResult> {
  const inFlight = new SharedArrayBuffer(4);
  const counter = new Int32Array(inFlight);
  const worker: WorkerChannel<WorkerMessage> = startWorker("parse-worker", { file, inFlight, role: "spendsense-parse-worker" });
  const session = new IngestSession(opts.sink ?? openSink(), opts.run ?? directRun());
  await session.begin();
  let items = 0;
  try {
    for (;;) {
      const m = await worker.next();
      if (m.type === "batch") {
        await session.processValidated(m.items);
        Atomics.sub(counter, 0, 1);
        Atomics.notify(counter, 0);
        items += m.items.length;
        opts.onProgress?.(items, m.bytesRead, total);
      } else if (m.type === "syntax") session.fail({ path: "(body)", reason: m.message });
      else if (m.type === "shape") session.fail({ path: m.path, reason: m.reason });
      else if (m.type === "fatal") throw new Error(`parse worker: ${m.message}`);
      if (m.type !== "batch") break;
    }
  } catch (e) {
    await session.abort();
    throw e;
  } finally {
    await worker.terminate();
  }
  return session.finish();
}

/** Ingests a folder of CSV files (lib/ingest/csv.ts) in one transaction; onProgress gets rows read. */
export function ingestCsvDir(dir: string, opts: IngestOptions & { onProgress?: (items: number) => void } = {}): Promise<IngestResult> {
  return ingestCsv(csvDirSources(dir), { sink: opts.sink ?? openSink(), run: opts.run ?? directRun(), maxItems: opts.maxItems, onBatch: opts.onProgress });
}

/** Ingests the CSV files of a multipart/form-data body (the API; one part per file). */
export async function ingestMultipart(body: Uint8Array, contentType: string, opts: IngestOptions = {}): Promise<IngestResult> {
  let sources;
  try {
    sources = await multipartSources(body, contentType);
  } catch {
    return { ok: false, errors: [{ path: "(body)", reason: "is not a valid multipart/form-data body (one part per CSV file)" }], error_count: 1, items: 0 };
  }
  return ingestCsv(sources, { sink: opts.sink ?? openSink(), run: opts.run ?? directRun(), maxItems: opts.maxItems });
}
