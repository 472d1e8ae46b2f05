/**
 * Ingest entry points: a whole body (POST /api/ingest) or a streamed file (the CLI). Both go
 * through the same scanner, validation and session; the database is chosen by DATABASE_URL.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { WorkerMessage } from "./parse-worker";
import { stat } from "node:fs/promises";
import { BundleScanner, BundleShapeError, BundleSyntaxError, INGEST_BATCH_ITEMS, fileChunks, scanBundle, type ScannedItem } from "./scan";
import { IngestSession, type IngestResult } from "./session";
import { SqliteSink } from "./sqlite-sink";
import { PostgresSink } from "./postgres-sink";
import type { IngestSink } from "./sink";
import { openRaw } from "../db/raw";
import { resolveDb, type DbTarget } from "../db/url";

export type { IngestResult } from "./session";

export function openSink(target: DbTarget = resolveDb()): IngestSink {
  const raw = openRaw(target);
  return raw.kind === "sqlite" ? new SqliteSink(raw.db) : new PostgresSink(raw.pool);
}

async function run(source: AsyncIterable<ScannedItem[]>, sink: IngestSink, onBatch?: (items: number) => void): Promise<IngestResult> {
  const session = new IngestSession(sink);
  await session.begin();
  let items = 0;
  try {
    for await (const batch of source) {
      await session.processBatch(batch);
      items += batch.length;
      onBatch?.(items);
    }
  } catch (e) {
    if (e instanceof BundleSyntaxError) session.fail({ path: "(body)", reason: e.message });
    else if (e instanceof BundleShapeError) session.fail({ path: e.path, reason: e.reason });
    else {
      await session.abort();
      throw e;
    }
  }
  return session.finish();
}

/** Ingests a bundle given as JSON text (already size-checked by the caller). */
export async function ingestText(text: string, opts: { sink?: IngestSink; batchSize?: number } = {}): Promise<IngestResult> {
  const batchSize = opts.batchSize ?? INGEST_BATCH_ITEMS;
  async function* batches(): AsyncGenerator<ScannedItem[]> {
    const items: ScannedItem[] = [];
    const scanner = new BundleScanner((i) => items.push(i));
    scanner.feed(text);
    scanner.end();
    for (let i = 0; i < items.length; i += batchSize) yield items.slice(i, i + batchSize);
  }
  return run(batches(), opts.sink ?? openSink());
}

/** Ingests a bundle object (tests, the generator's in-memory output). */
export function ingestObject(bundle: unknown, opts: { sink?: IngestSink } = {}): Promise<IngestResult> {
  return ingestText(JSON.stringify(bundle), opts);
}

/**
 * Streams a bundle file: bounded memory whatever its size; onProgress gets (items, bytes read,
 * total bytes). With `parallel` (the CLI's default) a worker thread reads, parses and validates
 * while this thread cross-checks and writes.
 */
export async function ingestFile(
  file: string,
  opts: { sink?: IngestSink; onProgress?: (items: number, bytes: number, total: number) => void; parallel?: boolean } = {},
): Promise<IngestResult> {
  const total = (await stat(file)).size;
  if (opts.parallel) return ingestFileParallel(file, total, opts.sink ?? openSink(), opts.onProgress);
  const reader = chunkedFile(file);
  return run(scanBundle(reader.chunks()), opts.sink ?? openSink(), (items) => opts.onProgress?.(items, reader.bytesRead, total));
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

/** The bundled worker (scripts/build-worker.mjs) when present, else the TypeScript through tsx. */
function workerEntry(): URL {
  const bundled = new URL("./generated/parse-worker.mjs", import.meta.url);
  return existsSync(bundled) ? bundled : new URL("./parse-worker-boot.mjs", import.meta.url);
}

async function ingestFileParallel(
  file: string,
  total: number,
  sink: IngestSink,
  onProgress?: (items: number, bytes: number, total: number) => void,
): Promise<IngestResult> {
  const inFlight = new SharedArrayBuffer(4);
  const counter = new Int32Array(inFlight);
  const worker = new Worker(workerEntry(), {
    workerData: { file, inFlight, role: "spendsense-parse-worker" },
  });
  // Messages are queued as they arrive and consumed in order; the worker blocks when MAX_IN_FLIGHT wait.
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let crashed: Error | null = null;
  worker.on("message", (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (e) => {
    crashed = e;
    wake?.();
  });
  const next = async (): Promise<WorkerMessage> => {
    while (!queue.length) {
      if (crashed) throw crashed;
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
    return queue.shift()!;
  };
  const session = new IngestSession(sink);
  await session.begin();
  let items = 0;
  try {
    for (;;) {
      const m = await next();
      if (m.type === "batch") {
        await session.processValidated(m.items);
        Atomics.sub(counter, 0, 1);
        Atomics.notify(counter, 0);
        items += m.items.length;
        onProgress?.(items, m.bytesRead, total);
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
