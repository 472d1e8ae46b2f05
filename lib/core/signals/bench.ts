/**
 * Micro-benchmark of the signal engine (both windows per user), for scripts/bench.
 * The only clock read in lib/core, and it is injectable; signal code never reads it.
 */
import type { CoreUserData } from "../types";
import { clearSignalCaches } from "./caches";
import { computeSignals } from "./engine";

export interface BenchResult {
  /** Transactions processed per second (each user's rows x runs / elapsed seconds). */
  tx_per_second: number;
  users: number;
  transactions: number;
  runs: number;
  elapsed_ms: number;
  /** Mean milliseconds per user (both windows). */
  ms_per_user: number;
}

export function benchSignals(
  users: CoreUserData[],
  asOf: string,
  opts: {
    minMs?: number;
    warmupRuns?: number;
    now?: () => number;
    /** Empty the per-descriptor memos before every run: what a pipeline seeing each row once pays. */
    coldCaches?: boolean;
  } = {},
): BenchResult {
  const now = opts.now ?? (() => globalThis.performance.now());
  const minMs = opts.minMs ?? 500;
  let transactions = 0;
  for (const u of users) transactions += u.transactions.length;
  let sink = 0;
  for (let w = 0; w < (opts.warmupRuns ?? 2); w++) for (const u of users) sink += computeSignals(u, asOf).windows["30d"].lookback.transactions_read;
  let runs = 0;
  const t0 = now();
  let elapsed = 0;
  let cleared = 0;
  do {
    if (opts.coldCaches) {
      const c0 = now();
      clearSignalCaches();
      cleared += now() - c0;
    }
    for (const u of users) sink += computeSignals(u, asOf).windows["30d"].lookback.transactions_read;
    runs++;
    elapsed = now() - t0 - cleared;
  } while (elapsed < minMs);
  if (sink < 0) throw new Error("unreachable");
  const seconds = elapsed / 1000;
  return {
    tx_per_second: Math.round((transactions * runs) / seconds),
    users: users.length,
    transactions,
    runs,
    elapsed_ms: Math.round(elapsed),
    ms_per_user: users.length ? elapsed / (runs * users.length) : 0,
  };
}
