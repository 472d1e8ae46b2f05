// npm run worker -- [--concurrency N] [--until-empty]
// Takes pipeline jobs from the PostgreSQL job queue (lib/db/pipeline-queue.ts) and runs them.
// --concurrency N: N worker processes (default: one per core); start workers on as many machines
// as you like, all pointing at the same DATABASE_URL. --until-empty: exit once nothing is queued
// or running. SIGTERM/SIGINT: finish the jobs in hand, then exit.
import { availableParallelism } from "node:os";
import { workQueue, usesQueue } from "../lib/jobs/pipeline.ts";
import { closePipelineQueue } from "../lib/db/pipeline-queue.ts";
import { disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";
import { exited, spawnWorker } from "../lib/jobs/processes.ts";

/** Job loops per worker process: one computes while another waits on the database. */
const SLOTS_PER_PROCESS = 2;

const args = process.argv.slice(2);
const i = args.indexOf("--concurrency");
const n = i >= 0 ? Number(args[i + 1]) : availableParallelism();
if (!Number.isInteger(n) || n < 1) {
  console.error("usage: npm run worker -- [--concurrency N] [--until-empty]  (N: worker processes, a positive integer)");
  process.exit(2);
}
if (!usesQueue()) {
  console.error("worker: the job queue needs PostgreSQL (DATABASE_URL=postgres://...); on SQLite, npm run pipeline runs in-process");
  process.exit(2);
}
const untilEmpty = args.includes("--until-empty");

if (n > 1) {
  const children = Array.from({ length: n }, () => spawnWorker(untilEmpty ? ["--until-empty"] : []));
  for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => children.forEach((c) => c.kill("SIGTERM")));
  const codes = await Promise.all(children.map(exited));
  process.exit(codes.every((c) => c === 0) ? 0 : 1);
}

const stop = new AbortController();
for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => stop.abort());
const t0 = performance.now();
console.error(`worker ${process.pid}: taking pipeline jobs${untilEmpty ? " until the queue is empty" : ""}`);
const r = await workQueue({ slots: SLOTS_PER_PROCESS, untilEmpty, signal: stop.signal });
console.error(`worker ${process.pid}: ${r.done} jobs done, ${r.failed} failed (retried) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
await closePipelineQueue();
await disconnectDb();
await closeRaw();
