/**
 * Ingest entry points: a whole body (POST /api/ingest) or a streamed file (the CLI). Both go
 * through the same scanner, validation and session; the database is chosen by DATABASE_URL.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { BundleScanner, BundleShapeError, BundleSyntaxError, scanBundle, type ScannedItem } from "./scan";
import { IngestSession, type IngestResult } from "./session";
import { SqliteSink } from "./sqlite-sink";
import { PostgresSink } from "./postgres-sink";
import type { IngestSink } from "./sink";
import { openRaw } from "../db/raw";
import { resolveDb, type DbTarget } from "../db/url";

export type { IngestResult } from "./session";
export type { FieldError } from "./validate";

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
  const batchSize = opts.batchSize ?? 2000;
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

/** Streams a bundle file: bounded memory whatever its size; onProgress gets (items, bytes read, total bytes). */
export async function ingestFile(
  file: string,
  opts: { sink?: IngestSink; onProgress?: (items: number, bytes: number, total: number) => void } = {},
): Promise<IngestResult> {
  const total = (await stat(file)).size;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  return run(scanBundle(stream), opts.sink ?? openSink(), (items) => opts.onProgress?.(items, stream.bytesRead, total));
}
