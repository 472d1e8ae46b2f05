/**
 * `eval_users_per_s`: the whole evaluation (stored results read, each user re-run and timed,
 * metrics, files, traces, the EvaluationRun row) over the population the pipeline bench just
 * processed (DATABASE_URL, results already present), beside the pipeline's own users/s measured
 * on the same database in the same run.
 */
import path from "node:path";
import { rmSync } from "node:fs";
import { emit, median } from "./util";
import { runPipeline } from "../pipeline";
import { runEvaluation } from "../eval/run";
import { SYSTEM } from "../db/actor";
import { closeRaw } from "../db/raw";
import { disconnectDb } from "../db/client";

export async function runEvalBench(opts: { dir: string; asOf: string; ctx: Record<string, unknown>; runs?: number }): Promise<void> {
  const t0 = performance.now();
  const processed = (await runPipeline(opts.asOf)).filter((o) => o.status === "processed").length;
  const pipelinePerS = processed / ((performance.now() - t0) / 1000);
  const out = path.join(opts.dir, "eval-bench");
  const rates: number[] = [];
  let users = 0;
  for (let i = 0; i < (opts.runs ?? 3); i++) {
    rmSync(out, { recursive: true, force: true });
    const t = performance.now();
    const r = await runEvaluation({ asOf: opts.asOf, outDir: out, actor: SYSTEM, s3: null });
    if (r.metrics.population.pipeline_run_for !== 0) throw new Error("eval bench: results were missing; the pipeline bench must run first");
    users = r.metrics.population.consenting;
    rates.push(users / ((performance.now() - t) / 1000));
  }
  const base = { database: "sqlite", users, runs: rates.length, ...opts.ctx };
  emit("eval_users_per_s", median(rates), "users/s", { ...base, pipeline_users_per_s: Number(pipelinePerS.toPrecision(6)), note: "whole npm run eval over stored results: timed re-run, metrics, Parquet, report, traces" });
  emit("eval_pipeline_users_per_s", pipelinePerS, "users/s", { ...base, runs: 1, note: "the pipeline over the same users, same database, same run" });
  emit("eval_ratio_to_pipeline", pipelinePerS / median(rates), "x", base);
  await disconnectDb();
  await closeRaw();
}
