/**
 * Worker threads of the ingest: the parse worker of a streamed file (./parse-worker) and the
 * worker that runs a whole API ingest off the request thread (./ingest-worker). Each runs from its
 * bundle (lib/ingest/generated, built by scripts/build-worker.mjs) or, without one, from the
 * TypeScript through tsx.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type TransferListItem } from "node:worker_threads";
import type { IngestResult } from "./session";
import type { IngestRunRecord } from "./run-record";

export type WorkerName = "parse-worker" | "ingest-worker";

function sourceDir(): string | null {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return null;
  }
}

// The paths are built at run time (turbopackIgnore: the Next build must not trace or bundle them).
function spawn(name: WorkerName, data: Record<string, unknown>, transferList: TransferListItem[]): Worker {
  const here = sourceDir();
  const candidates = [
    here && path.join(/* turbopackIgnore: true */ here, "generated", `${name}.mjs`),
    path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "ingest", "generated", `${name}.mjs`),
  ];
  const bundled = candidates.find((c): c is string => !!c && existsSync(c));
  if (bundled) return new Worker(bundled, { workerData: data, transferList });
  const dir = here ?? path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "ingest");
  const tsModule = pathToFileURL(path.join(/* turbopackIgnore: true */ dir, `${name}.ts`)).href;
  return new Worker(path.join(/* turbopackIgnore: true */ dir, "worker-boot.mjs"), { workerData: { ...data, tsModule }, transferList });
}

export interface WorkerChannel<M> {
  /** The next message, in order; throws if the worker failed or exited first. */
  next(): Promise<M>;
  terminate(): Promise<number>;
}

export function startWorker<M>(name: WorkerName, data: Record<string, unknown>, transferList: TransferListItem[] = []): WorkerChannel<M> {
  const worker = spawn(name, data, transferList);
  const queue: M[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on("message", (m: M) => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (e) => {
    failure = e;
    wake?.();
  });
  worker.on("exit", (code) => {
    failure ??= new Error(`${name} exited (code ${code}) before answering`);
    wake?.();
  });
  return {
    async next() {
      while (!queue.length) {
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        wake = null;
      }
      return queue.shift()!;
    },
    terminate: () => worker.terminate(),
  };
}

export type IngestWorkerMessage = { type: "result"; result: IngestResult } | { type: "error"; message: string };

/**
 * Runs a whole ingest (scan, validation, checks, database writes) in a worker thread, so that the
 * request thread keeps answering other requests meanwhile. The body's bytes move to the worker.
 * multipart: the body's Content-Type when it is multipart/form-data (CSV files), else JSON (a bundle,
 * or a /transactions/sync page of the customer syncUser: lib/ingest/sync.ts).
 */
export async function ingestInWorker(body: Uint8Array, opts: { run: IngestRunRecord; maxItems: number; multipart?: string | null; syncUser?: string | null }): Promise<IngestResult> {
  // A view of a larger (or pooled) buffer is copied: only a whole ArrayBuffer can move.
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : new Uint8Array(body);
  const worker = startWorker<IngestWorkerMessage>("ingest-worker", { body: own, run: opts.run, maxItems: opts.maxItems, multipart: opts.multipart ?? null, syncUser: opts.syncUser ?? null, role: "spendsense-ingest-worker" }, [
    own.buffer as ArrayBuffer,
  ]);
  try {
    const m = await worker.next();
    if (m.type === "error") throw new Error(`ingest worker: ${m.message}`);
    return m.result;
  } finally {
    await worker.terminate();
  }
}
