/**
 * `npm run bench -- --scale` (not part of CI): issue 12's large figures on PostgreSQL (BENCH_PG_URL, wiped).
 * - scale_10k_end_to_end_s: generate, ingest, pipeline (one worker process per core), eval of
 *   --scale-users users (default 10,000) x 12 months, each stage its own line (scale_10k_stage_s).
 * - console_*_data_p95_ms: the console's data functions (warm, p95 of 40 calls) over that database
 *   (the server-rendered console_*_p95_ms at 100,000 users: --scale-console, lib/bench/console.ts).
 *   The functions are reached through CONSOLE_QUERIES only: point it at other implementations
 *   (keyset paging, search indexes) to compare them on the same data.
 */
import path from "node:path";
import { availableParallelism, loadavg } from "node:os";
import { rmSync } from "node:fs";
import { emit, percentile, time } from "./util";
import { withDatabase } from "./queue";
import { freshPostgres } from "../db/fresh";
import { db } from "../db/client";
import { SYSTEM, type Actor } from "../db/actor";
import { clearPipelineQueue } from "../db/pipeline-queue";
import { listUsers } from "../db/user-list";
import { reviewQueuePage } from "../db/review-queue";
import { parseReviewQuery, type ReviewQuery } from "../core/console/review-query";
import { getUserDetail } from "../db/user-detail";
import { ingestFile } from "../ingest";
import { enqueuePipeline } from "../jobs/pipeline";
import { writeBundle } from "../generator";
import { runEvaluation } from "../eval/run";
import { runWorkersUntilEmpty } from "../jobs/processes";

/**
 * The console pages' data calls, as the pages make them (app/operator/page.tsx, review/page.tsx,
 * users/[id]/page.tsx): the list pages walk forward by their keyset cursor, as an operator clicking
 * "Next page" does, and start again at the first page when the list ends.
 */
const cursors: { users?: string; review?: string } = {};
const pendingQuery = (after?: string): ReviewQuery => {
  const parsed = parseReviewQuery(after ? { status: "pending", after } : { status: "pending" });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.query;
};
export const CONSOLE_QUERIES = {
  users_page: async (actor: Actor) => {
    const page = await listUsers(actor, { after: cursors.users });
    cursors.users = page.next ?? undefined;
    return page;
  },
  users_search: (actor: Actor, i: number, names: string[]) => listUsers(actor, { q: names[i % names.length] }),
  review_page: async (actor: Actor) => {
    const page = await reviewQueuePage(actor, pendingQuery(cursors.review));
    cursors.review = page.next ?? undefined;
    return page;
  },
  user_detail: (actor: Actor, i: number, ids: string[]) => getUserDetail(actor, ids[i % ids.length]),
};

const CALLS = 40;
const WARM = 3;

interface Opts {
  dir: string;
  asOf: string;
  pgUrl: string;
  ctx: Record<string, unknown>;
  users: number;
}

/** Generate `users` x `months` (streamed to `file`), wipe the database and ingest it; each stage's seconds. */
export async function generateAndIngest(o: { pgUrl: string; asOf: string }, users: number, months: number, file: string): Promise<{ generate: number; ingest: number }> {
  const generate = (await time(() => writeBundle({ users, seed: 42, months, asOf: o.asOf, out: file }))).ms / 1000;
  await freshPostgres(o.pgUrl);
  await clearPipelineQueue(SYSTEM);
  const ingest = await time(() => ingestFile(file));
  if (!ingest.value.ok) throw new Error("scale bench: ingest failed");
  return { generate, ingest: ingest.ms / 1000 };
}

/** Everyone's pipeline on the job queue, one worker process per core; seconds. */
export async function pipelineStage(asOf: string): Promise<number> {
  const run = await time(async () => {
    await enqueuePipeline("all", asOf);
    await runWorkersUntilEmpty(availableParallelism());
  });
  return run.ms / 1000;
}

async function stages(o: Opts): Promise<Record<string, number>> {
  const out: Record<string, number> = await generateAndIngest(o, o.users, 12, path.join(o.dir, `scale-${o.users}.json`));
  out.pipeline = await pipelineStage(o.asOf);
  const evalDir = path.join(o.dir, "scale-eval");
  rmSync(evalDir, { recursive: true, force: true });
  out.eval = (await time(() => runEvaluation({ asOf: o.asOf, outDir: evalDir, actor: SYSTEM, s3: null }))).ms / 1000;
  return out;
}

/** Customers spread over the whole population (md5 order: deterministic, not the first ids), and a name prefix of each for search. */
export async function consoleSample(): Promise<{ ids: string[]; names: string[]; users: number; recommendations: number }> {
  const sample = await db().$queryRawUnsafe<{ id: string; name: string }[]>("SELECT id, name FROM users WHERE role = 'customer' ORDER BY md5(id) LIMIT 200");
  return {
    ids: sample.map((u) => u.id),
    names: sample.map((u) => u.name.split(" ")[0].slice(0, 4)),
    users: await db().user.count({ where: { role: "customer" } }),
    recommendations: await db().recommendation.count(),
  };
}

/** The console's data functions (CONSOLE_QUERIES) in this process, warm: console_*_data_p95_ms (the query cost without the render). */
export async function consoleDataFigures(ctx: Record<string, unknown>): Promise<void> {
  const operator: Actor = { id: "bench-operator", role: "operator" };
  const { ids, names, users, recommendations } = await consoleSample();
  const run: Record<keyof typeof CONSOLE_QUERIES, (i: number) => Promise<unknown>> = {
    users_page: () => CONSOLE_QUERIES.users_page(operator),
    users_search: (i) => CONSOLE_QUERIES.users_search(operator, i, names),
    review_page: () => CONSOLE_QUERIES.review_page(operator),
    user_detail: (i) => CONSOLE_QUERIES.user_detail(operator, i, ids),
  };
  for (const [name, f] of Object.entries(run)) {
    for (let i = 0; i < WARM; i++) await f(i);
    const ms: number[] = [];
    for (let i = 0; i < CALLS; i++) ms.push((await time(() => f(i))).ms);
    emit(`console_${name}_data_p95_ms`, percentile(ms, 95), "ms", {
      database: "postgres", users, recommendations, calls: CALLS, p50_ms: Number(percentile(ms, 50).toFixed(2)), goal: "< 200", loadavg: loadavg().map((x) => Number(x.toFixed(2))),
      note: "lib/db functions the page calls (CONSOLE_QUERIES), in the bench process, warm: no render, no HTTP", ...ctx,
    });
  }
}

export async function runScaleBenches(o: Opts): Promise<void> {
  await withDatabase(o.pgUrl, async () => {
    const s = await stages(o);
    const total = Object.values(s).reduce((a, b) => a + b, 0);
    for (const [stage, seconds] of Object.entries(s))
      emit("scale_10k_stage_s", seconds, "s", { stage, users: o.users, months: 12, per_user_ms: Number(((seconds * 1000) / o.users).toFixed(3)), workers: availableParallelism(), ...o.ctx });
    emit("scale_10k_end_to_end_s", total, "s", { users: o.users, months: 12, stages: s, loadavg: loadavg().map((x) => Number(x.toFixed(2))), note: o.users === 10_000 ? "" : `run at ${o.users} users, not 10,000`, ...o.ctx });
    await consoleDataFigures(o.ctx);
  });
}
