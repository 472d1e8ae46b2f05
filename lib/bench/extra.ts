/**
 * Benchmarks of the signal engine (in-process) and of the pipeline end to end through SQLite,
 * each beside its floor measured in the same run.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BundleSchema } from "../core/plaid";
import { bundleToUserData } from "../core/normalize";
import { benchSignals } from "../core/signals";
import { emit, median, percentile } from "./util";
import { freshSqlite } from "../db/fresh";
import { closeRaw, openSqlite } from "../db/raw";
import { disconnectDb, db } from "../db/client";
import { ingestFile } from "../ingest";
import { runPipelineForUser, computeUser } from "../pipeline";
import { addDays } from "../core/time";
import { PIPELINE_LOOKBACK_DAYS, loadSql } from "../db/pipeline-plan";

export async function runExtraBenches(opts: { dir: string; asOf: string; bundle100k: string; pgUrl: string | null; ctx: Record<string, unknown> }): Promise<void> {
  const { asOf, ctx } = opts;
  const bundle = BundleSchema.parse(JSON.parse(readFileSync(opts.bundle100k, "utf8")));
  const users = [...bundleToUserData(bundle).values()];

  // Signals in-process, one core.
  const s = benchSignals(users, asOf, { minMs: 2000 });
  emit("signals_in_process", s.tx_per_second, "transactions/s", { users: s.users, transactions: s.transactions, runs: s.runs, ms_per_user: s.ms_per_user, goal: ">= 1000000", ...ctx });

  // Whole computation (signals + personas + recommendations + guardrails + traces), in-process, no database.
  const computeMs: number[] = [];
  for (const u of users) {
    const t0 = performance.now();
    computeUser(u, asOf, `${asOf}T00:00:00.000Z`);
    computeMs.push(performance.now() - t0);
  }
  emit("compute_per_user_p50", median(computeMs), "ms", { users: users.length, note: "signals+personas+recommend+guardrails, no I/O", ...ctx });

  // Pipeline end to end through SQLite, beside the floor of merely reading the same rows with plain SQL.
  await disconnectDb();
  await closeRaw();
  const file = path.join(opts.dir, "pipeline.db");
  process.env.DATABASE_URL = freshSqlite(file);
  const r = await ingestFile(opts.bundle100k);
  if (!r.ok) throw new Error("pipeline bench: ingest failed");
  const ids = (await db().user.findMany({ where: { role: "customer", consentGranted: true }, select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
  const raw = openSqlite(file);
  const from = addDays(asOf, -PIPELINE_LOOKBACK_DAYS);
  // The floor reads the same rows with the same SQL the pipeline's load runs, nothing else.
  const sql = loadSql(() => "?");
  const qAcc = raw.prepare(sql.accounts);
  const qTx = raw.prepare(sql.txs);
  const qLiab = raw.prepare(sql.liabilities);
  const qApr = raw.prepare(sql.aprs);
  // warm up both paths once
  for (const id of ids.slice(0, 5)) {
    await runPipelineForUser(id, asOf);
    qAcc.all(id);
    qTx.all(id, from, asOf);
    qLiab.all(id);
    qApr.all(id);
  }
  // Signals stage alone (load, both windows, store), then the whole pipeline, each beside the read floor.
  const sigMs: number[] = [];
  for (const id of ids) {
    const a = performance.now();
    await runPipelineForUser(id, asOf, { signalsOnly: true });
    sigMs.push(performance.now() - a);
  }
  const pipeMs: number[] = [];
  const floorMs: number[] = [];
  const t0 = performance.now();
  for (const id of ids) {
    const a = performance.now();
    qAcc.all(id);
    qTx.all(id, from, asOf);
    qLiab.all(id);
    qApr.all(id);
    const b = performance.now();
    await runPipelineForUser(id, asOf);
    const c = performance.now();
    floorMs.push(b - a);
    pipeMs.push(c - b);
  }
  const total = (performance.now() - t0) / 1000;
  const base = { database: "sqlite", users: ids.length, ...ctx };
  emit("pipeline_signals_sqlite_p50", median(sigMs), "ms", { ...base, note: "load + signals (30d, 180d) + store" });
  emit("pipeline_signals_sqlite_p95", percentile(sigMs, 95), "ms", { ...base, goal: "< 25" });
  emit("pipeline_signals_sqlite_ratio_to_floor_p50", median(sigMs) / median(floorMs), "x", { ...base, goal: "<= 3" });
  emit("pipeline_sqlite_users_per_s", ids.length / total, "users/s", base);
  emit("pipeline_sqlite_p50", median(pipeMs), "ms", base);
  emit("pipeline_sqlite_p95", percentile(pipeMs, 95), "ms", { ...base, goal: "< 30", note: "signals, personas, recommendations (AI SDK, local template provider), guardrails, traces, stored" });
  emit("pipeline_sqlite_read_floor_p50", median(floorMs), "ms", { ...base, note: "plain SQL read of the same user's rows" });
  emit("pipeline_sqlite_read_floor_p95", percentile(floorMs, 95), "ms", base);
  emit("pipeline_sqlite_ratio_to_floor_p50", median(pipeMs) / median(floorMs), "x", { ...base, goal: "<= 4" });
  await disconnectDb();
  await closeRaw();
}
