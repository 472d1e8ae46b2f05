/**
 * What the operator metrics page shows, as plain data for its charts and their text alternatives:
 * built from stored runs (the same metrics the CLI wrote), so the page computes nothing of its own.
 */
import { WINDOW_IDS, type WindowId } from "../core/signals";
import type { EvaluationRunView } from "../db/evaluation-runs";
import { buildReport, type HeadlineRow } from "./report";
import type { EvalMetrics } from "./types";

const UNEXPLAINED = new Set(["unexplained", "not_planted"]);
const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export type GapTone = "ok" | "explained" | "unexplained";

export interface FairnessChartData {
  field: string;
  rows: { label: string; "30d": number | null; "180d": number | null; tone30: GapTone; tone180: GapTone }[];
}

export interface RunSummary {
  id: string;
  asOf: string;
  createdAt: string;
  gitCommit: string | null;
  headline: HeadlineRow[];
  personas: { persona: string; "30d": number; "180d": number }[];
  rates: { metric: string; "30d": number | null; "180d": number | null }[];
  latency: { p50: number; p95: number; max: number; usersPerS: number; users: number } | null;
  fairness: FairnessChartData[];
  flags: { sentence: string; unexplained: boolean }[];
  downloads: { name: string; label: string; href: string }[];
}

export interface TrendPoint {
  run: string;
  asOf: string;
  coverage: number | null;
  explainability: number | null;
  auditability: number | null;
  relevance: number | null;
}

const DOWNLOADS: [string, string][] = [
  ["report.html", "Report (HTML)"],
  ["report.md", "Report (Markdown)"],
  ["metrics.csv", "Metrics (CSV)"],
  ["metrics.json", "Metrics (JSON)"],
  ["signals.parquet", "Signals (Parquet)"],
  ["personas.parquet", "Personas (Parquet)"],
  ["recommendations.parquet", "Recommendations (Parquet)"],
];

export const downloadHref = (runId: string, name: string) => `/api/operator/evaluations/${encodeURIComponent(runId)}/files/${encodeURIComponent(name)}`;

function fairnessData(m: EvalMetrics): FairnessChartData[] {
  const fields = m.windows["30d"].fairness.fields.map((f) => f.field);
  return fields.map((field) => {
    const per = Object.fromEntries(WINDOW_IDS.map((id) => [id, m.windows[id].fairness.fields.find((f) => f.field === field)?.comparisons ?? []])) as Record<WindowId, EvalMetrics["windows"]["30d"]["fairness"]["fields"][number]["comparisons"]>;
    const tone = (c: (typeof per)["30d"][number] | undefined): GapTone => (!c?.flagged ? "ok" : UNEXPLAINED.has(c.explanation ?? "") ? "unexplained" : "explained");
    const rows = per["30d"]
      .map((c) => {
        const c180 = per["180d"].find((x) => x.metric === c.metric);
        return { label: c.label, "30d": percent(c.gap), "180d": percent(c180?.gap ?? null), tone30: tone(c), tone180: tone(c180) };
      })
      .filter((r) => r["30d"] !== null || r["180d"] !== null)
      .sort((a, b) => Math.max(b["30d"] ?? 0, b["180d"] ?? 0) - Math.max(a["30d"] ?? 0, a["180d"] ?? 0));
    return { field: field.replace("_", " "), rows };
  });
}

export function runSummary(run: EvaluationRunView): RunSummary | null {
  const m = run.metrics;
  if (!m) return null;
  const report = buildReport(m, { runId: run.id, gitCommit: run.gitCommit, generatedAt: run.createdAt, labelsFile: run.artifacts?.labels_file ?? null });
  const keys = [["coverage", "Coverage"], ["explainability", "Explainability"], ["auditability", "Auditability"], ["relevance", "Relevance"]] as const;
  const flagged = WINDOW_IDS.flatMap((id) => m.windows[id].fairness.fields.flatMap((f) => f.comparisons.filter((c) => c.flagged)));
  const available = new Set(run.artifacts?.files.map((f) => f.name) ?? []);
  return {
    id: run.id,
    asOf: run.asOf,
    createdAt: run.createdAt,
    gitCommit: run.gitCommit,
    headline: report.headline,
    personas: report.personas.map((p) => ({ persona: p.label, "30d": p.counts["30d"], "180d": p.counts["180d"] })),
    rates: keys.map(([k, label]) => ({ metric: label, "30d": percent(m.windows["30d"][k].share), "180d": percent(m.windows["180d"][k].share) })),
    latency: m.latency ? { p50: m.latency.p50_ms, p95: m.latency.p95_ms, max: m.latency.max_ms, usersPerS: m.latency.users_per_s, users: m.latency.users } : null,
    fairness: fairnessData(m),
    flags: flagged
      .map((c) => ({ sentence: c.sentence ?? "", unexplained: UNEXPLAINED.has(c.explanation ?? "") }))
      .sort((a, b) => Number(b.unexplained) - Number(a.unexplained)),
    downloads: DOWNLOADS.filter(([name]) => available.has(name)).map(([name, label]) => ({ name, label, href: downloadHref(run.id, name) })),
  };
}

/** Finished runs, oldest first, with their 30-day headline shares in percent. */
export function trend(runs: EvaluationRunView[]): TrendPoint[] {
  return runs
    .filter((r) => r.status === "done" && r.metrics)
    .slice()
    .reverse()
    .map((r) => {
      const w = r.metrics!.windows["30d"];
      return {
        run: r.createdAt.slice(0, 16).replace("T", " "),
        asOf: r.asOf,
        coverage: percent(w.coverage.share),
        explainability: percent(w.explainability.share),
        auditability: percent(w.auditability.share),
        relevance: percent(w.relevance.share),
      };
    });
}

/** The run in progress (newest "running" row with a fresh heartbeat), and the newest that ended. */
export function runStates(runs: EvaluationRunView[], staleAfterMs: number, now: number = Date.now()) {
  const state = (r: EvaluationRunView) => ({ id: r.id, status: r.status, stage: r.stage, done: r.progressDone, total: r.progressTotal, error: r.error, at: r.finishedAt ?? r.updatedAt });
  const active = runs.find((r) => r.status === "running" && now - Date.parse(r.updatedAt) <= staleAfterMs);
  const last = runs.find((r) => r.status !== "running");
  return { active: active ? state(active) : null, last: last ? state(last) : null };
}
