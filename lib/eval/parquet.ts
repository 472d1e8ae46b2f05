/**
 * Parquet files of a run (hyparquet-writer): per-user signals (one row per user and window, the
 * window's headline signals as columns), personas (primary, matched, behaviors, coverage) and
 * recommendations (the stored row plus what the evaluation found). Money is integer cents (INT64),
 * ratios are fractions (DOUBLE). Columns are declared once, with the signal path each one reads.
 */
import { fileWriter, parquetWriteRows, type BasicType } from "hyparquet-writer";
import type { WindowId, WindowSignals } from "../core/signals";
import type { EvalRecommendation, EvalUserRecord, RecommendationEval, UserEval } from "./types";

export interface ColumnSpec {
  name: string;
  type: BasicType;
}

/** Signal columns: name, type, and the path in WindowSignals (the stored data_json) it holds. */
export const SIGNAL_COLUMNS: (ColumnSpec & { path: string })[] = [
  { name: "start_date", type: "STRING", path: "start_date" },
  { name: "transactions_read", type: "INT32", path: "lookback.transactions_read" },
  { name: "recurring_merchant_count", type: "INT32", path: "subscriptions.recurring_merchant_count" },
  { name: "monthly_recurring_spend_cents", type: "INT64", path: "subscriptions.monthly_recurring_spend_cents" },
  { name: "total_spend_cents", type: "INT64", path: "subscriptions.total_spend_cents" },
  { name: "subscription_share_of_spend", type: "DOUBLE", path: "subscriptions.share_of_spend" },
  { name: "has_savings_account", type: "BOOLEAN", path: "savings.has_savings_account" },
  { name: "savings_net_inflow_cents", type: "INT64", path: "savings.net_inflow_cents" },
  { name: "savings_monthly_net_inflow_cents", type: "INT64", path: "savings.monthly_net_inflow_cents" },
  { name: "savings_growth_rate", type: "DOUBLE", path: "savings.growth_rate" },
  { name: "emergency_fund_months", type: "DOUBLE", path: "savings.emergency_fund_months" },
  { name: "card_count", type: "INT32", path: "credit.card_count" },
  { name: "max_utilization", type: "DOUBLE", path: "credit.max_utilization" },
  { name: "minimum_payment_only", type: "BOOLEAN", path: "credit.minimum_payment_only" },
  { name: "interest_charged_cents", type: "INT64", path: "credit.interest_charged_cents" },
  { name: "card_overdue", type: "BOOLEAN", path: "credit.overdue" },
  { name: "payroll_detected", type: "BOOLEAN", path: "income.payroll_detected" },
  { name: "pay_frequency", type: "STRING", path: "income.frequency" },
  { name: "median_pay_gap_days", type: "DOUBLE", path: "income.median_pay_gap_days" },
  { name: "pay_variability", type: "DOUBLE", path: "income.pay_variability" },
  { name: "monthly_income_cents", type: "INT64", path: "income.monthly_income_cents" },
  { name: "cash_flow_buffer_months", type: "DOUBLE", path: "income.cash_flow_buffer_months" },
  { name: "overdraft_fee_count", type: "INT32", path: "fees.overdraft_fee_count" },
  { name: "overdraft_fee_cents", type: "INT64", path: "fees.overdraft_fee_cents" },
];

const KEY_COLUMNS: ColumnSpec[] = [
  { name: "user_id", type: "STRING" },
  { name: "window", type: "STRING" },
  { name: "as_of", type: "STRING" },
];

export const PERSONA_COLUMNS: ColumnSpec[] = [
  ...KEY_COLUMNS,
  { name: "primary_persona", type: "STRING" },
  { name: "overridden", type: "BOOLEAN" },
  { name: "matched_personas", type: "JSON" },
  { name: "behaviors", type: "JSON" },
  { name: "behavior_count", type: "INT32" },
  { name: "covered", type: "BOOLEAN" },
  { name: "uncovered_reason", type: "STRING" },
];

export const RECOMMENDATION_COLUMNS: ColumnSpec[] = [
  { name: "id", type: "STRING" },
  ...KEY_COLUMNS,
  { name: "kind", type: "STRING" },
  { name: "item_id", type: "STRING" },
  { name: "offer_kind", type: "STRING" },
  { name: "rank", type: "INT32" },
  { name: "title", type: "STRING" },
  { name: "rationale", type: "STRING" },
  { name: "disclosure", type: "STRING" },
  { name: "status", type: "STRING" },
  { name: "generator", type: "STRING" },
  { name: "explainable", type: "BOOLEAN" },
  { name: "auditable", type: "BOOLEAN" },
  { name: "relevant", type: "BOOLEAN" },
  { name: "all_tags_notable", type: "BOOLEAN" },
];

export function valueAt(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

type Row = Record<string, unknown>;
const int64 = (v: unknown) => (typeof v === "number" ? BigInt(Math.round(v)) : null);

/** Collects the rows of the three files while users stream through the evaluation. */
export class ParquetRows {
  readonly signals: Row[] = [];
  readonly personas: Row[] = [];
  readonly recommendations: Row[] = [];

  add(rec: EvalUserRecord, ev: UserEval, asOf: string): void {
    for (const [window, w] of Object.entries(ev.windows) as [WindowId, NonNullable<UserEval["windows"][WindowId]>][]) {
      const stored = rec.windows[window];
      const key = { user_id: rec.user_id, window, as_of: asOf };
      if (stored?.signals) this.signals.push({ ...key, ...signalRow(stored.signals) });
      if (w.has_results) {
        this.personas.push({
          ...key, primary_persona: w.primary, overridden: w.overridden, matched_personas: w.matched, behaviors: w.behaviors,
          behavior_count: w.behaviors.length, covered: w.covered, uncovered_reason: w.uncovered_reason,
        });
      }
      const evals = new Map(w.recommendations.map((r) => [r.id, r]));
      for (const r of stored?.recommendations ?? []) this.recommendations.push(recommendationRow(r, evals.get(r.id), key));
    }
  }
}

function signalRow(s: WindowSignals): Row {
  const row: Row = {};
  for (const c of SIGNAL_COLUMNS) {
    const v = valueAt(s, c.path) ?? null;
    row[c.name] = c.type === "INT64" ? int64(v) : v;
  }
  return row;
}

function recommendationRow(r: EvalRecommendation, e: RecommendationEval | undefined, key: Row): Row {
  return {
    id: r.id, ...key, kind: r.kind, item_id: r.itemId, offer_kind: e?.offer_kind ?? null, rank: r.rank, title: r.title, rationale: r.rationale,
    disclosure: r.disclosure, status: r.status, generator: r.generator, explainable: e?.explainable ?? null, auditable: e?.auditable ?? null,
    relevant: e?.relevant ?? null, all_tags_notable: e?.all_tags_notable ?? null,
  };
}

export async function writeParquet(file: string, columns: ColumnSpec[], rows: Row[]): Promise<void> {
  const writer = fileWriter(file);
  await parquetWriteRows({ writer, rows, columns: columns.map((c) => ({ name: c.name, type: c.type, nullable: true })), createdBy: "spendsense eval" });
}

export const PARQUET_FILES = {
  "signals.parquet": (r: ParquetRows) => ({ columns: [...KEY_COLUMNS, ...SIGNAL_COLUMNS], rows: r.signals }),
  "personas.parquet": (r: ParquetRows) => ({ columns: PERSONA_COLUMNS, rows: r.personas }),
  "recommendations.parquet": (r: ParquetRows) => ({ columns: RECOMMENDATION_COLUMNS, rows: r.recommendations }),
} as const;
