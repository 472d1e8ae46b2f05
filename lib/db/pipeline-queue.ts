/**
 * The pipeline's job queue on PostgreSQL (pg-boss, in its own schema "pgboss" of the app's
 * database): one job per user and as-of, singleton key "<user>@<as-of>" under the "stately"
 * policy, so a (user, as-of) is at most once queued and at most once running, whatever the number
 * of workers and machines. A worker takes jobs with SELECT ... FOR UPDATE SKIP LOCKED; a failed job
 * is retried with exponential backoff; a job left active by a dead worker expires and is retried.
 * The job's result is written by the pipeline store in one transaction: a job killed mid-way
 * leaves nothing behind, and running it again stores the same rows once.
 */
import "server-only";
import PgBoss from "pg-boss";
import { assertSystem, type Actor } from "./actor";
import { resolveDb } from "./url";

const QUEUE = "pipeline";
/** "retried with backoff": retries after the first attempt; the delay doubles from JOB_RETRY_DELAY_S each time. */
export const JOB_RETRY_LIMIT = 5;
/** First retry delay, seconds (pg-boss adds jitter and doubles it per retry). */
export const JOB_RETRY_DELAY_S = 2;
/** A job active this long is taken to be on a dead worker: it expires and is retried (PIPELINE_JOB_EXPIRE_SECONDS overrides). */
const JOB_EXPIRE_S = 300;
/** How often a worker runs the queue's upkeep (expiring, archiving) (PIPELINE_QUEUE_MAINTENANCE_SECONDS overrides). */
const MAINTENANCE_S = 30;

export interface PipelineJob {
  userId: string;
  asOf: string;
  signalsOnly?: boolean;
}
export interface TakenJob {
  id: string;
  data: PipelineJob;
  priority: number;
}

const seconds = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;
};

const g = globalThis as unknown as { __ssBoss?: Map<string, Promise<PgBoss>> };

function boss(): Promise<PgBoss> {
  const t = resolveDb();
  if (t.kind !== "postgres") throw new Error("the pipeline's job queue needs PostgreSQL (DATABASE_URL=postgres://...); on SQLite the pipeline runs in-process");
  g.__ssBoss ??= new Map();
  let b = g.__ssBoss.get(t.url);
  if (!b) {
    b = startBoss(t.url);
    g.__ssBoss.set(t.url, b);
  }
  return b;
}

async function startBoss(url: string): Promise<PgBoss> {
  const b = new PgBoss({ connectionString: url, schema: "pgboss", max: 3, schedule: false, maintenanceIntervalSeconds: seconds("PIPELINE_QUEUE_MAINTENANCE_SECONDS", MAINTENANCE_S) });
  b.on("error", (e: Error) => console.error(`job queue: ${e.message}`));
  await b.start();
  if (!(await b.getQueue(QUEUE))) {
    // Two processes may create it at once: the loser's error is harmless if the queue is there.
    await b.createQueue(QUEUE, { name: QUEUE, policy: "stately", retryLimit: JOB_RETRY_LIMIT, retryDelay: JOB_RETRY_DELAY_S, retryBackoff: true }).catch(async (e) => {
      if (!(await b.getQueue(QUEUE))) throw e;
    });
  }
  return b;
}

/** Queues the jobs (a (user, as-of) already queued is not queued twice); priority: taken before lower ones. */
export async function enqueuePipelineJobs(actor: Actor, jobs: PipelineJob[], opts: { priority?: number } = {}): Promise<void> {
  assertSystem(actor);
  if (!jobs.length) return;
  const b = await boss();
  const expireInSeconds = seconds("PIPELINE_JOB_EXPIRE_SECONDS", JOB_EXPIRE_S);
  const ENQUEUE_CHUNK = 5_000;
  for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) {
    await b.insert(
      jobs.slice(i, i + ENQUEUE_CHUNK).map((data) => ({
        name: QUEUE, data, singletonKey: `${data.userId}@${data.asOf}`, priority: opts.priority ?? 0,
        retryLimit: JOB_RETRY_LIMIT, retryDelay: JOB_RETRY_DELAY_S, retryBackoff: true, expireInSeconds,
      })),
    );
  }
}

/** Takes up to n queued jobs (marks them active for this worker). */
export async function takePipelineJobs(actor: Actor, n: number): Promise<TakenJob[]> {
  assertSystem(actor);
  const jobs = await (await boss()).fetch<PipelineJob>(QUEUE, { batchSize: n, includeMetadata: true });
  return jobs.map((j) => ({ id: j.id, data: j.data, priority: j.priority }));
}

export async function completePipelineJob(actor: Actor, id: string, output: object): Promise<void> {
  assertSystem(actor);
  await (await boss()).complete(QUEUE, id, output);
}

/** Marks a job failed: retried with backoff while it has retries left. */
export async function failPipelineJob(actor: Actor, id: string, error: Error): Promise<void> {
  assertSystem(actor);
  await (await boss()).fail(QUEUE, id, { message: error.message });
}

/** Jobs not finished yet: queued (or waiting for a retry) and active (on some worker). */
export async function pipelineQueueDepth(actor: Actor): Promise<{ waiting: number; active: number }> {
  assertSystem(actor);
  const b = await boss();
  const r = await b.getDb().executeSql(
    `SELECT count(*) FILTER (WHERE state < 'active') AS waiting, count(*) FILTER (WHERE state = 'active') AS active FROM pgboss.job WHERE name = $1`,
    [QUEUE],
  );
  return { waiting: Number(r.rows[0].waiting), active: Number(r.rows[0].active) };
}

/** Moves jobs whose worker died (active past their expiry) back to retry now, instead of at the next upkeep. */
export async function expireStalePipelineJobs(actor: Actor): Promise<void> {
  assertSystem(actor);
  await (await boss()).expire();
}

/** Every job of the queue, finished or not (tests and benchmarks start from an empty queue). */
export async function clearPipelineQueue(actor: Actor): Promise<void> {
  assertSystem(actor);
  const b = await boss();
  await b.getDb().executeSql(`DELETE FROM pgboss.job WHERE name = $1`, [QUEUE]);
  await b.getDb().executeSql(`DELETE FROM pgboss.archive WHERE name = $1`, [QUEUE]);
}

/** Jobs of the queue in the given states, with their output and retry count (tests, the CLI's summary). */
export async function listPipelineJobs(actor: Actor, states: string[]): Promise<{ userId: string; asOf: string; state: string; retries: number; output: unknown }[]> {
  assertSystem(actor);
  const cols = "data, state::text AS state, retry_count, output";
  const r = await (await boss()).getDb().executeSql(
    `SELECT ${cols} FROM pgboss.job WHERE name = $1 AND state::text = ANY($2) UNION ALL SELECT ${cols} FROM pgboss.archive WHERE name = $1 AND state::text = ANY($2)`,
    [QUEUE, states],
  );
  return r.rows.map((x: { data: PipelineJob; state: string; retry_count: number; output: unknown }) => ({ userId: x.data.userId, asOf: x.data.asOf, state: x.state, retries: x.retry_count, output: x.output }));
}

export async function closePipelineQueue(): Promise<void> {
  for (const b of g.__ssBoss?.values() ?? []) await (await b).stop({ graceful: false, close: true, wait: true });
  g.__ssBoss?.clear();
}

/** Completed jobs and the seconds from the first start to the last completion (the queue bench's users/s). */
export async function completedJobSpan(actor: Actor): Promise<{ jobs: number; seconds: number }> {
  assertSystem(actor);
  const r = await (await boss()).getDb().executeSql(
    `SELECT count(*) AS jobs, extract(epoch FROM max(completed_on) - min(started_on)) AS seconds FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
    [QUEUE],
  );
  return { jobs: Number(r.rows[0].jobs), seconds: Number(r.rows[0].seconds ?? 0) };
}

/** The server processes of PostgreSQL serving this database now (the queue bench reads their CPU time when the server is on this machine). */
export async function databaseBackendPids(actor: Actor): Promise<number[]> {
  assertSystem(actor);
  const r = await (await boss()).getDb().executeSql(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`, []);
  return r.rows.map((x: { pid: number }) => Number(x.pid));
}
