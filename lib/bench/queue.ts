/**
 * Issue 12's queue figures on PostgreSQL (BENCH_PG_URL, wiped):
 * - pipeline_pg_users_per_s_1 / _2: users/s with 1 and 2 worker processes on the same queue and
 *   data, from the first job's start to the last job's completion (process start-up excluded);
 *   beside them the floors: the pipeline's pure compute (no database) on one core, same users; the
 *   same users' pipeline run in turn in this process without the queue, with the CPU it cost here
 *   and in PostgreSQL's backends, and the 2-to-1 ratio those two costs allow on this machine's cores.
 * - incremental_after_small_ingest_ms: from the end of an ingest touching 10 users of a 10,000-user
 *   database to their results stored (queued, worked by one in-process worker).
 */
import { loadavg } from "node:os";
import { emit, time } from "./util";
import { freshPostgres } from "../db/fresh";
import { closeRaw } from "../db/raw";
import { disconnectDb } from "../db/client";
import { SYSTEM } from "../db/actor";
import { pipelineStore } from "../db/pipeline-store";
import { clearPipelineQueue, closePipelineQueue, completedJobSpan } from "../db/pipeline-queue";
import { ingestFile, ingestObject } from "../ingest";
import { computeUser, runPipelineForUser } from "../pipeline";
import { enqueuePipeline, recomputeChanged } from "../jobs/pipeline";
import { generateBundle, writeBundle } from "../generator";
import { runWorkersUntilEmpty } from "../jobs/processes";
import { cpuSplit } from "./cpu";

interface Opts {
  dir: string;
  asOf: string;
  pgUrl: string;
  ctx: Record<string, unknown>;
  /** Users of the workers figure (default 300) and of the incremental figure's database (default 10,000). */
  workerUsers?: number;
  incrementalUsers?: number;
}

const load = () => loadavg().map((x) => Number(x.toFixed(2)));

/** Runs f with DATABASE_URL pointing at url (the pipeline and the queue read it), on fresh connections. */
export async function withDatabase<T>(url: string, f: () => Promise<T>): Promise<T> {
  const before = process.env.DATABASE_URL;
  const reset = async () => {
    await closePipelineQueue();
    await disconnectDb();
    await closeRaw();
  };
  await reset();
  process.env.DATABASE_URL = url;
  try {
    return await f();
  } finally {
    await reset();
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

async function freshWith(opts: Opts, users: number, months: number, file: string): Promise<void> {
  await freshPostgres(opts.pgUrl);
  await clearPipelineQueue(SYSTEM);
  await writeBundle({ users, seed: 42, months, asOf: opts.asOf, out: file });
  const r = await ingestFile(file);
  if (!r.ok) throw new Error(`queue bench: ingest failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
}

/** Users/s of n worker processes over every customer, from the queue's own timestamps. */
async function workersRate(asOf: string, n: number): Promise<{ rate: number; jobs: number; seconds: number }> {
  await clearPipelineQueue(SYSTEM);
  await enqueuePipeline("all", asOf);
  const codes = await runWorkersUntilEmpty(n);
  if (codes.some((c) => c !== 0)) throw new Error(`queue bench: a worker exited with ${codes.join(", ")}`);
  const span = await completedJobSpan(SYSTEM);
  return { rate: span.jobs / span.seconds, ...span };
}

/** The floor: load each user, then time computeUser alone (no database, one core). */
async function computeFloor(asOf: string): Promise<number> {
  const store = pipelineStore(SYSTEM);
  const ids = await store.customerIds();
  const data = await Promise.all(ids.map((id) => store.load(id, asOf)));
  const now = new Date().toISOString();
  const t = await time(() => data.forEach((d) => computeUser(d, asOf, now)));
  return ids.length / (t.ms / 1000);
}

/** Users already warm in this process before the in-process floor is timed (connections, prepared statements). */
const WARM_USERS = 10;

/** The same users' pipeline in turn in this process (no queue): users/s and CPU ms per user here and in PostgreSQL. */
async function inProcessSplit(asOf: string): Promise<{ rate: number; ownMs: number; postgresMs: number | null }> {
  const ids = await pipelineStore(SYSTEM).customerIds();
  for (const id of ids.slice(0, WARM_USERS)) await runPipelineForUser(id, asOf);
  const t = await time(() => cpuSplit(async () => {
    for (const id of ids) await runPipelineForUser(id, asOf);
  }));
  const s = t.value;
  return { rate: ids.length / (t.ms / 1000), ownMs: s.ownMs / ids.length, postgresMs: s.postgresMs === null ? null : s.postgresMs / ids.length };
}

function emitCpuSplit(split: Awaited<ReturnType<typeof inProcessSplit>>, base: Record<string, unknown>): void {
  const w = split.ownMs;
  const p = split.postgresMs;
  emit("pipeline_pg_in_process_users_per_s", split.rate, "users/s", {
    ...base, node_cpu_ms_per_user: Number(w.toFixed(2)), postgres_cpu_ms_per_user: p === null ? null : Number(p.toFixed(2)), loadavg: load(),
    note: "the same users' pipeline (consent, load, compute, store) in turn in one process, no queue; CPU of this process and of PostgreSQL's backends (/proc)",
  });
  if (p !== null)
    emit("pipeline_pg_workers_2_to_1_cpu_bound", (2 * w) / (w + p), "x", {
      ...base, note: "2w/(w+p): one worker is bound by its own CPU per user (w), two by the 2 cores shared with PostgreSQL (w + p per user); queue cost and start-up left out",
    });
}

export async function runQueueBenches(opts: Opts): Promise<void> {
  await withDatabase(opts.pgUrl, async () => {
    const users = opts.workerUsers ?? 300;
    await freshWith(opts, users, 12, `${opts.dir}/queue-bench.json`);
    const one = await workersRate(opts.asOf, 1);
    const two = await workersRate(opts.asOf, 2);
    const floor = await computeFloor(opts.asOf);
    const split = await inProcessSplit(opts.asOf);
    const base = { database: "postgres", users, months: 12, ...opts.ctx };
    const note = "first job started -> last job completed (pgboss timestamps); worker start-up excluded";
    emit("pipeline_pg_users_per_s_1", one.rate, "users/s", { ...base, workers: 1, jobs: one.jobs, seconds: one.seconds, loadavg: load(), note });
    emit("pipeline_pg_users_per_s_2", two.rate, "users/s", { ...base, workers: 2, jobs: two.jobs, seconds: two.seconds, loadavg: load(), note });
    emit("pipeline_pg_workers_2_to_1", two.rate / one.rate, "x", { ...base, goal: ">= 1.7", loadavg: load() });
    emit("pipeline_pg_compute_floor_users_per_s", floor, "users/s", { ...base, note: "computeUser alone on loaded data, one core, no database" });
    emitCpuSplit(split, base);
  });
  await runIncrementalBench(opts);
}

/** The first 10 users' data (the generator makes user i the same whatever the population) with one transaction each changed. */
function touchTen(asOf: string, months: number) {
  const { bundle } = generateBundle({ users: 10, seed: 42, months, asOf });
  const owner = new Map(bundle.accounts.map((a) => [a.account_id, a.user_id]));
  for (const u of bundle.users) {
    const t = bundle.transactions.find((x) => owner.get(x.account_id) === u.user_id);
    if (t) t.amount = Math.round(t.amount * 100 + 777) / 100;
  }
  return bundle;
}

async function runIncrementalBench(opts: Opts): Promise<void> {
  const users = opts.incrementalUsers ?? 10_000;
  const months = 1;
  await withDatabase(opts.pgUrl, async () => {
    await freshWith(opts, users, months, `${opts.dir}/incremental-bench.json`);
    // Results exist for an as-of (the pipeline has run before): here for the first 20 users only
    // (the whole population would take this machine most of an hour; a user's queries are per user).
    for (const id of (await pipelineStore(SYSTEM).customerIds()).slice(0, 20)) await runPipelineForUser(id, opts.asOf).catch(() => {});
    const ingest = await time(() => ingestObject(touchTen(opts.asOf, months)));
    if (!ingest.value.ok) throw new Error("incremental bench: ingest failed");
    const processed: string[] = [];
    const t = await time(() => recomputeChanged(ingest.value.ok ? ingest.value.changedUsers : [], { work: true, onJob: (o) => o.status === "processed" && processed.push(o.user_id) }));
    emit("incremental_after_small_ingest_ms", t.ms, "ms", {
      database: "postgres", users_total: users, months, changed_users: t.value.users.length, processed: processed.length, ingest_ms: Math.round(ingest.ms),
      goal: "< 2000", loadavg: load(), note: "end of the ingest -> changed users queued, taken and stored by one in-process worker", ...opts.ctx,
    });
  });
}
