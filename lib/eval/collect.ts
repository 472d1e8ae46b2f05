/**
 * Streams the population through the metrics: a batch of users' stored results at a time, each user
 * re-run and timed, evaluated, its Parquet rows kept and its trace written (traces/<user_id>.json, the
 * profile format of DESIGN.md with every decision trace); only the small per-user results stay in memory.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { canProcess } from "../core/guardrails";
import { WINDOW_IDS } from "../core/signals";
import type { Actor } from "../db/actor";
import { loadStoredResults, transactionDates, type EvalCustomer } from "../db/evaluation";
import type { UserLabels } from "../generator/labels";
import { buildProfile } from "../core/profile-json";
import { EVAL_BATCH_SIZE } from "./constants";
import { evaluateUser, type EvalContext } from "./metrics";
import { ParquetRows } from "./parquet";
import { timedRerun } from "./rerun";
import type { EvalUserRecord, UserEval } from "./types";

export interface CollectOptions {
  actor: Actor;
  asOf: string;
  customers: EvalCustomer[];
  labels: Map<string, UserLabels> | null;
  tracesDir: string;
  ctx: EvalContext;
  onUser: () => Promise<void>;
}

export interface Collected {
  users: UserEval[];
  rows: ParquetRows;
  /** Summed time of the timed re-runs (they run one at a time). */
  rerunMs: number;
  traces: number;
}

/** A user id as a file name: kept when it is plainly safe, else percent-encoded (dots too, so never ".."). */
export function traceFileName(userId: string): string {
  const safe = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/.test(userId) ? userId : encodeURIComponent(userId).replace(/\./g, "%2E");
  return `${safe}.json`;
}

async function writeTrace(dir: string, r: EvalUserRecord, asOf: string): Promise<void> {
  const profile = buildProfile({
    user_id: r.user_id,
    as_of: asOf,
    consent: r.consent,
    signals: Object.fromEntries(WINDOW_IDS.flatMap((w) => (r.windows[w]?.signals ? [[w, r.windows[w]!.signals!]] : []))),
    personas: Object.fromEntries(WINDOW_IDS.flatMap((w) => (r.windows[w]?.persona ? [[w, r.windows[w]!.persona!]] : []))),
    recommendations: WINDOW_IDS.flatMap((w) => r.windows[w]?.recommendations ?? []),
    includeTrace: true,
  });
  await writeFile(path.join(/* turbopackIgnore: true */ dir, traceFileName(r.user_id)), JSON.stringify(profile) + "\n");
}

const allowed = (c: EvalCustomer) => canProcess(c.consent.at ? c.consent : null).allowed;

export async function collect(o: CollectOptions): Promise<Collected> {
  // Traces are this run's only: a reused folder must not keep a revoked user's file.
  await rm(o.tracesDir, { recursive: true, force: true });
  await mkdir(o.tracesDir, { recursive: true });
  const out: Collected = { users: [], rows: new ParquetRows(), rerunMs: 0, traces: 0 };
  // One untimed re-run first: the first user otherwise pays for loading and compiling the code.
  const first = o.customers.find(allowed);
  if (first) await timedRerun(o.actor, first.id, o.asOf);
  for (let i = 0; i < o.customers.length; i += EVAL_BATCH_SIZE) {
    const batch = o.customers.slice(i, i + EVAL_BATCH_SIZE);
    const stored = await loadStoredResults(o.actor, o.asOf, batch.filter(allowed).map((c) => c.id));
    for (const c of batch) {
      const consenting = allowed(c);
      const labels = consenting ? (o.labels?.get(c.id) ?? null) : null;
      const record: EvalUserRecord = {
        user_id: c.id,
        consent: c.consent,
        demographics: c.demographics,
        windows: consenting ? (stored.get(c.id) ?? {}) : {},
        rerun: consenting ? await timedRerun(o.actor, c.id, o.asOf) : null,
        labels,
        label_dates: labels ? await transactionDates(o.actor, c.id, labels.streams.flatMap((s) => s.transaction_ids)) : {},
      };
      const ev = evaluateUser(record, o.ctx);
      out.users.push(ev);
      out.rows.add(record, ev, o.asOf);
      out.rerunMs += record.rerun?.ms ?? 0;
      if (Object.keys(record.windows).length) {
        await writeTrace(o.tracesDir, record, o.asOf);
        out.traces++;
      }
      await o.onUser();
    }
  }
  return out;
}
