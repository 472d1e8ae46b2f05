// npm run pipeline -- --as-of YYYY-MM-DD [--user ID] [--json] [--signals-only] [--workers N] [--enqueue-only]
// Computes and stores signals (30d, 180d), personas and recommendations for every consenting
// customer (or one). Users without consent are skipped: nothing is computed for them.
// On PostgreSQL: queues one job per user (lib/db/pipeline-queue.ts), then works the queue in this
// process until it is empty (--workers N: in N worker processes instead; --enqueue-only: leave the
// jobs to `npm run worker` on any machine). On SQLite: runs the users in this process.
// --json prints one profile JSON per processed user (JSON lines) on stdout.
import { runPipeline, type PipelineOutcome } from "../lib/pipeline.ts";
import { enqueuePipeline, usesQueue, workQueue } from "../lib/jobs/pipeline.ts";
import { closePipelineQueue } from "../lib/db/pipeline-queue.ts";
import { getProfile } from "../lib/db/profiles.ts";
import { SYSTEM } from "../lib/db/actor.ts";
import { disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";
import { isIsoDate } from "../lib/core/time.ts";
import { runWorkersUntilEmpty } from "../lib/jobs/processes.ts";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const asOf = arg("--as-of");
const workers = Number(arg("--workers") ?? 1);
const asJson = args.includes("--json");
if (!asOf || !isIsoDate(asOf) || !Number.isInteger(workers) || workers < 1 || (asJson && workers > 1)) {
  console.error("usage: npm run pipeline -- --as-of YYYY-MM-DD [--user ID] [--json] [--signals-only] [--workers N] [--enqueue-only]");
  console.error("  (--as-of is required: nothing depends on today's date; --json needs the in-process worker, not --workers N)");
  process.exit(2);
}
const userId = arg("--user");
const signalsOnly = args.includes("--signals-only");
const t0 = performance.now();
const outcomes: PipelineOutcome[] = [];
const onJob = (o: PipelineOutcome) => {
  outcomes.push(o);
  if (!asJson && outcomes.length % 100 === 0) console.error(`pipeline: ${outcomes.length} users…`);
};
let queued = 0;
if (usesQueue()) {
  const ids = await enqueuePipeline("all", asOf, { only: userId, signalsOnly });
  queued = ids.length;
  console.error(`pipeline: queued ${queued} job(s) for as of ${asOf}`);
  if (args.includes("--enqueue-only")) queued = -1;
  else if (workers > 1) await runWorkersUntilEmpty(workers);
  else await workQueue({ slots: 2, untilEmpty: true, onJob });
} else await runPipeline(asOf, { userId, signalsOnly, onUser: onJob });

if (userId && outcomes.length === 0 && queued === 0) {
  console.error(`pipeline: no customer "${userId}"`);
  process.exit(1);
}
if (asJson) {
  for (const o of outcomes) if (o.status === "processed") console.log(JSON.stringify(await getProfile(SYSTEM, o.user_id, asOf)));
}
const secs = (performance.now() - t0) / 1000;
const processed = outcomes.filter((o) => o.status === "processed").length;
if (queued === -1) console.error(`pipeline: jobs left to the workers (npm run worker)`);
else if (workers > 1) console.error(`pipeline: as of ${asOf}: ${queued} jobs worked by ${workers} worker processes in ${secs.toFixed(2)} s`);
else console.error(`pipeline: as of ${asOf}: ${processed} processed, ${outcomes.length - processed} skipped (no consent or not a customer) in ${secs.toFixed(2)} s`);
for (const o of outcomes.filter((x) => x.status === "skipped").slice(0, 5)) console.error(`  skipped ${o.user_id}: ${o.reason}`);
if (usesQueue()) await closePipelineQueue();
await disconnectDb();
await closeRaw();
