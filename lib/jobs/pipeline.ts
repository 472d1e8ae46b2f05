/**
 * The pipeline as jobs. On PostgreSQL, work goes through the job queue (lib/db/pipeline-queue):
 * anyone enqueues (the pipeline CLI, an ingest, a consent), any number of workers on any number of
 * machines take jobs. On SQLite the same calls run the users in this process, in turn, without a
 * queue (one writer at a time is what SQLite allows anyway).
 */
import "server-only";
import { ConsentRevoked, defaultAsOf, runPipelineForUser, type PipelineOutcome } from "../pipeline";
import { SYSTEM } from "../db/actor";
import { pipelineStore } from "../db/pipeline-store";
import { resolveDb } from "../db/url";
import {
  completePipelineJob, enqueuePipelineJobs, expireStalePipelineJobs, failPipelineJob, pipelineQueueDepth, takePipelineJobs,
  type PipelineJob, type TakenJob,
} from "../db/pipeline-queue";

/** Jobs a worker slot takes per fetch: one, so a job's expiry measures that job alone (a batch's last job would wait on the others) and a dead worker strands few. */
const JOBS_PER_FETCH = 1;
/** How long an idle worker waits before asking the queue again (ms). */
const IDLE_POLL_MS = 200;
/** Jobs a consent (a person waiting on the page) gets ahead of bulk work. */
const INTERACTIVE_PRIORITY = 10;

export const usesQueue = () => resolveDb().kind === "postgres";

/** One job: the pipeline for one user and as-of; a consent revoked meanwhile is a finished job (skipped). */
async function runJob(job: PipelineJob): Promise<PipelineOutcome> {
  try {
    return await runPipelineForUser(job.userId, job.asOf, { signalsOnly: job.signalsOnly });
  } catch (e) {
    if (!(e instanceof ConsentRevoked)) throw e;
    return { user_id: job.userId, status: "skipped", reason: "CONSENT_REVOKED" };
  }
}

async function settle(job: TakenJob, onJob?: (o: PipelineOutcome) => void): Promise<PipelineOutcome | null> {
  try {
    const o = await runJob(job.data);
    await completePipelineJob(SYSTEM, job.id, { status: o.status, reason: o.reason ?? null, worker: process.pid });
    onJob?.(o);
    return o;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    console.error(`worker ${process.pid}: job for ${job.data.userId} failed (retried with backoff): ${err.message}`);
    await failPipelineJob(SYSTEM, job.id, err);
    return null;
  }
}

export interface WorkOptions {
  /** Concurrent job loops in this process (overlap database waits with computing). */
  slots?: number;
  /** Stop once nothing is waiting or running anywhere; else work until `signal` aborts. */
  untilEmpty?: boolean;
  signal?: AbortSignal;
  onJob?: (o: PipelineOutcome) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Works the queue in this process; returns how many jobs it finished and how many failed (to be retried). */
export async function workQueue(opts: WorkOptions = {}): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const loop = async () => {
    while (!opts.signal?.aborted) {
      const jobs = await takePipelineJobs(SYSTEM, JOBS_PER_FETCH);
      if (!jobs.length) {
        if (opts.untilEmpty) {
          const depth = await pipelineQueueDepth(SYSTEM);
          if (depth.waiting === 0 && depth.active === 0) return;
          // Jobs active on a worker that died come back once their expiry passes.
          if (depth.waiting === 0) await expireStalePipelineJobs(SYSTEM);
        }
        await sleep(IDLE_POLL_MS);
        continue;
      }
      for (const j of jobs) {
        if (await settle(j, opts.onJob)) done++;
        else failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.slots ?? 1) }, loop));
  return { done, failed };
}

/**
 * Queues the pipeline for these users at this as-of ("all": every customer, or the one named by
 * `only` if it is a customer). On SQLite, runs
 * them here and now instead. Returns the users it queued or ran.
 */
export async function enqueuePipeline(users: string[] | "all", asOf: string, opts: { only?: string; signalsOnly?: boolean; onJob?: (o: PipelineOutcome) => void } = {}): Promise<string[]> {
  const ids = users === "all" ? await pipelineStore(SYSTEM).customerIds(opts.only) : users;
  if (usesQueue()) {
    await enqueuePipelineJobs(SYSTEM, ids.map((userId) => ({ userId, asOf, ...(opts.signalsOnly ? { signalsOnly: true } : {}) })));
    return ids;
  }
  for (const userId of ids) opts.onJob?.(await runJob({ userId, asOf, signalsOnly: opts.signalsOnly }));
  return ids;
}

/**
 * One user now, for a person waiting on the answer (consent granted): on PostgreSQL the job is
 * queued ahead of bulk work and this process takes it itself (a worker takes it if this process
 * dies); on SQLite it runs here. Returns the outcome, or null when another worker holds the job.
 */
export async function runUserNow(userId: string, asOf: string): Promise<PipelineOutcome | null> {
  if (!usesQueue()) return runJob({ userId, asOf });
  await enqueuePipelineJobs(SYSTEM, [{ userId, asOf }], { priority: INTERACTIVE_PRIORITY });
  // Jobs come out highest priority first: the first ones taken are consents, ours among them.
  for (;;) {
    const [job] = await takePipelineJobs(SYSTEM, 1);
    if (!job) return null;
    const o = await settle(job);
    if (job.data.userId === userId && job.data.asOf === asOf) return o;
    if (job.priority < INTERACTIVE_PRIORITY) return null; // ours is on another worker; back to bulk work is not this process's task
  }
}

/**
 * After an ingest: the users whose rows it inserted or changed (IngestResult.changedUsers), at the
 * current as-of (AS_OF, else the latest as-of the pipeline stored): queued on PostgreSQL (and, with
 * work: true, worked here until the queue is empty), run here on SQLite. Nothing before the
 * pipeline's first run (no as-of yet), nothing when the ingest changed nothing.
 */
export async function recomputeChanged(changedUsers: string[], opts: { work?: boolean; onJob?: (o: PipelineOutcome) => void } = {}): Promise<{ asOf: string | null; users: string[] }> {
  const asOf = changedUsers.length ? await defaultAsOf() : null;
  if (!asOf) return { asOf, users: [] };
  const users = await enqueuePipeline(changedUsers, asOf, { onJob: opts.onJob });
  if (opts.work && usesQueue()) await workQueue({ untilEmpty: true, onJob: opts.onJob });
  return { asOf, users };
}
