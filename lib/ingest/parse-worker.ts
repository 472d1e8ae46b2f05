/**
 * The parse worker of a streamed file ingest: reads the file, scans it, validates every element,
 * and posts validated batches to the main thread, which does the cross-checks and the writes.
 * Parsing and writing then run on two cores. At most MAX_IN_FLIGHT batches wait unprocessed
 * (a shared counter), so memory stays bounded whatever the file's size.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BundleScanner, BundleShapeError, BundleSyntaxError, INGEST_BATCH_ITEMS, fileChunks, type ScannedItem } from "./scan";
import { validateBatch } from "./validate";

export const MAX_IN_FLIGHT = 4;

export type WorkerMessage =
  | { type: "batch"; items: ReturnType<typeof validateBatch>; bytesRead: number }
  | { type: "syntax"; message: string }
  | { type: "shape"; path: string; reason: string }
  | { type: "fatal"; message: string }
  | { type: "done" };

function main() {
  const { file, inFlight } = workerData as { file: string; inFlight: SharedArrayBuffer };
  const counter = new Int32Array(inFlight);
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  let pending: ScannedItem[] = [];
  let bytesRead = 0;
  const flush = () => {
    if (!pending.length) return;
    while (Atomics.load(counter, 0) >= MAX_IN_FLIGHT) Atomics.wait(counter, 0, Atomics.load(counter, 0), 1000);
    Atomics.add(counter, 0, 1);
    post({ type: "batch", items: validateBatch(pending), bytesRead });
    pending = [];
  };
  const scanner = new BundleScanner((item) => {
    pending.push(item);
    if (pending.length >= INGEST_BATCH_ITEMS) flush();
  });
  try {
    for (const chunk of fileChunks(file)) {
      bytesRead += chunk.length;
      scanner.feed(chunk);
    }
    scanner.end();
    flush();
    post({ type: "done" });
  } catch (e) {
    flush();
    if (e instanceof BundleSyntaxError) post({ type: "syntax", message: e.message });
    else if (e instanceof BundleShapeError) post({ type: "shape", path: e.path, reason: e.reason });
    else post({ type: "fatal", message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

if (parentPort && (workerData as { role?: string } | null)?.role === "spendsense-parse-worker") main();
