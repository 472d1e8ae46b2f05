/**
 * The worker thread of an API ingest (see ingestInWorker): runs the whole ingest on its own
 * database connection and posts the result back. The request thread only reads the body.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ingestBytes, ingestMultipart, openSink } from "./index";
import { ingestSyncBytes, looksLikeSyncPage } from "./sync";
import type { IngestWorkerMessage } from "./worker-client";
import type { IngestRunRecord } from "./run-record";
import { closeRaw } from "../db/raw";

async function main() {
  const { body, run, maxItems, multipart, syncUser } = workerData as { body: Uint8Array; run: IngestRunRecord; maxItems: number; multipart: string | null; syncUser: string | null };
  const post = (m: IngestWorkerMessage) => parentPort!.postMessage(m);
  try {
    const result = multipart
      ? await ingestMultipart(body, multipart, { run, maxItems })
      : looksLikeSyncPage(body)
        ? await ingestSyncBytes(body, { userId: syncUser, sink: openSink(), run, maxItems })
        : await ingestBytes(body, { run, maxItems });
    post({ type: "result", result });
  } catch (e) {
    post({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    await closeRaw();
  }
}

if (parentPort && (workerData as { role?: string } | null)?.role === "spendsense-ingest-worker") void main();
