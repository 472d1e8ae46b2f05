/**
 * metrics.csv: one row per metric, window and group. `window` is 30d, 180d or "all" (per user,
 * across windows); `group` is "all" or "<field>=<value>" (fairness rates) or "<field>" (a parity gap).
 */
import { WINDOW_IDS } from "../core/signals";
import type { EvalMetrics, FeedbackMetrics, Share, WindowMetrics } from "./types";

export interface MetricRow {
  metric: string;
  window: string;
  group: string;
  value: number | null;
  count: number | null;
  total: number | null;
  unit: "share" | "users" | "recommendations" | "count" | "ms" | "users/s" | "points";
  flagged: boolean | null;
}

const row = (metric: string, window: string, value: number | null, unit: MetricRow["unit"], extra: Partial<MetricRow> = {}): MetricRow => ({
  metric, window, group: "all", value, count: null, total: null, unit, flagged: null, ...extra,
});
const shareRow = (metric: string, window: string, s: Share, extra: Partial<MetricRow> = {}) => row(metric, window, s.share, "share", { count: s.count, total: s.total, ...extra });
/** feedback.<kind>.helpful / .not_helpful (counts) and .rate (helpful among the rated). */
const feedbackRows = (window: string, f: FeedbackMetrics | undefined): MetricRow[] =>
  Object.entries(f ?? {}).flatMap(([kind, c]) => [
    row(`feedback.${kind}.helpful`, window, c.helpful, "recommendations"),
    row(`feedback.${kind}.not_helpful`, window, c.not_helpful, "recommendations"),
    row(`feedback.${kind}.rate`, window, c.rate, "share", { count: c.helpful, total: c.helpful + c.not_helpful }),
  ]);
const counts = (prefix: string, window: string, m: Record<string, number>, unit: MetricRow["unit"]) => Object.entries(m).map(([k, v]) => row(`${prefix}.${k}`, window, v, unit));

function windowRows(w: WindowMetrics, id: string): MetricRow[] {
  const g = w.guardrails;
  return [
    row("users_with_results", id, w.users_with_results, "users"),
    shareRow("coverage", id, w.coverage),
    ...counts("coverage.behavior", id, w.coverage.behaviors, "users"),
    ...counts("persona", id, w.personas.distribution, "users"),
    row("recommendations", id, w.recommendations.total, "recommendations"),
    row("recommendations.education", id, w.recommendations.education, "recommendations"),
    row("recommendations.offers", id, w.recommendations.offers, "recommendations"),
    shareRow("explainability", id, w.explainability),
    shareRow("auditability", id, w.auditability),
    shareRow("relevance", id, w.relevance),
    shareRow("relevance.all_tags_notable", id, w.relevance.all_tags_notable),
    row("guardrails.tone_rejections", id, g.tone_rejections, "count"),
    ...counts("guardrails.drafts_rejected", id, g.drafts_rejected, "count"),
    row("guardrails.ineligible_offers", id, g.ineligible_offers, "count"),
    ...counts("guardrails.ineligible", id, g.ineligible_by_rule, "count"),
    row("guardrails.predatory_refused", id, g.predatory_refused, "count"),
    row("guardrails.model_texts_used", id, g.model_texts_used, "count"),
    row("guardrails.model_fallbacks", id, g.model_fallbacks, "count"),
    ...counts("guardrails.fallback", id, g.fallbacks_by_reason, "count"),
    ...feedbackRows(id, w.feedback),
    row("fairness.flags", id, w.fairness.flags, "count"),
    ...w.fairness.fields.flatMap((f) =>
      f.comparisons.flatMap((c) => [
        ...c.rates.map((r) => row(`fairness.rate.${c.metric}`, id, r.rate, "share", { group: `${f.field}=${r.group}`, count: r.count, total: r.n })),
        row(`fairness.gap.${c.metric}`, id, c.gap, "share", { group: f.field, flagged: c.flagged }),
      ]),
    ),
  ];
}

export function metricRows(m: EvalMetrics): MetricRow[] {
  const rows: MetricRow[] = [
    row("population.customers", "all", m.population.customers, "users"),
    row("population.consenting", "all", m.population.consenting, "users"),
    row("population.pipeline_run_for", "all", m.population.pipeline_run_for, "users"),
    row("consent.gated", "all", m.consent.gated, "users"),
    ...counts("consent.gated", "all", m.consent.by_reason as Record<string, number>, "users"),
  ];
  if (m.latency) {
    const l = m.latency;
    rows.push(row("latency.p50_ms", "all", l.p50_ms, "ms"), row("latency.p95_ms", "all", l.p95_ms, "ms"), row("latency.max_ms", "all", l.max_ms, "ms"));
    rows.push(row("latency.users_per_s", "all", l.users_per_s, "users/s", { count: l.users }));
  }
  for (const id of WINDOW_IDS) rows.push(...windowRows(m.windows[id], id));
  rows.push(...feedbackRows("all", m.feedback));
  const a = m.accuracy;
  if (a) {
    const s = a.subscriptions;
    rows.push(row("accuracy.subscriptions.precision", "180d", s.precision, "share", { count: s.tp, total: s.tp + s.fp }));
    rows.push(row("accuracy.subscriptions.recall", "180d", s.recall, "share", { count: s.tp, total: s.tp + s.fn }));
    rows.push(shareRow("accuracy.payroll_frequency", "180d", a.payroll), row("accuracy.payroll_false_detections", "180d", a.payroll.false_payroll, "users"));
    const mp = a.minimum_payment_only;
    rows.push(row("accuracy.minimum_payment_only.precision", "30d", mp.precision, "share", { count: mp.tp, total: mp.tp + mp.fp }));
    rows.push(row("accuracy.minimum_payment_only.recall", "30d", mp.recall, "share", { count: mp.tp, total: mp.tp + mp.fn }));
    for (const [w, p] of Object.entries(a.personas)) rows.push(shareRow("accuracy.persona.primary_agreement", w, p.primary_agreement), shareRow("accuracy.persona.set_match", w, p.set_match));
  }
  return rows;
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CSV_COLUMNS = ["metric", "window", "group", "value", "count", "total", "unit", "flagged"] as const;

export function toCsv(rows: MetricRow[]): string {
  return [CSV_COLUMNS.join(","), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}
