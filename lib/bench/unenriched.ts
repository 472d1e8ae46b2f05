/**
 * `signals_unenriched`: the signal engine (in-process, both windows) on the same users as
 * `signals_in_process` (same seed, users, months, as-of) generated with `--enrichment none` (no
 * personal_finance_category, no merchant_name: every row goes through the descriptor rules), beside
 * the enriched feed of those users measured in the same run, rounds interleaved; medians.
 */
import { bundleToUserData } from "../core/normalize";
import { benchSignals } from "../core/signals";
import { generateBundle, type GenerateOptions } from "../generator";
import { emit, median } from "./util";

/** Interleaved measuring rounds per feed, and the minimum time of each. */
const ROUNDS = 3;
const ROUND_MS = 1000;

export function runUnenrichedSignalsBench(opts: { generate: GenerateOptions; ctx: Record<string, unknown> }): void {
  const users = (enrichment: "full" | "none") => [...bundleToUserData(generateBundle({ ...opts.generate, enrichment }).bundle).values()];
  const full = users("full");
  const none = users("none");
  const rates = { full: [] as number[], none: [] as number[] };
  let transactions = 0;
  for (let i = 0; i < ROUNDS; i++) {
    rates.full.push(benchSignals(full, opts.generate.asOf, { minMs: ROUND_MS }).tx_per_second);
    const r = benchSignals(none, opts.generate.asOf, { minMs: ROUND_MS });
    rates.none.push(r.tx_per_second);
    transactions = r.transactions;
  }
  const base = { users: full.length, transactions, rounds: ROUNDS, ...opts.ctx };
  emit("signals_unenriched", median(rates.none), "transactions/s", { ...base, note: "same users as signals_in_process, --enrichment none" });
  emit("signals_unenriched_enriched_same_run", median(rates.full), "transactions/s", { ...base, note: "the same users' enriched feed, rounds interleaved with signals_unenriched" });
  emit("signals_unenriched_ratio", median(rates.full) / median(rates.none), "x", { ...base, goal: "<= 1.5", note: "enriched / unenriched transactions/s, same users, same run" });
}
