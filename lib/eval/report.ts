/**
 * The readable report of a run: one model (headline against the brief's targets, personas, who is
 * not covered, fairness, guardrails, accuracy, limits), rendered as Markdown here and as HTML with
 * inline SVG charts in report-html.ts. Meant to fit one to two printed pages.
 */
import { PERSONA_PRIORITY, PERSONAS } from "../core/personas";
import { WINDOW_IDS, type WindowId } from "../core/signals";
import { AUDITABILITY_TARGET, COVERAGE_TARGET, EXPLAINABILITY_TARGET, FAIRNESS_FLAG_GAP, FAIRNESS_MIN_GROUP_SIZE, LATENCY_TARGET_MS } from "./constants";
import type { EvalMetrics, FairnessComparison, FeedbackMetrics, Share } from "./types";

export interface RunInfo {
  runId: string;
  gitCommit: string | null;
  generatedAt: string;
  labelsFile: string | null;
}

export interface HeadlineRow {
  metric: string;
  values: Record<WindowId, string>;
  target: string;
  met: "yes" | "no" | "n/a";
}

export interface ReportModel {
  title: string;
  subtitle: string;
  headline: HeadlineRow[];
  personas: { label: string; counts: Record<WindowId, number> }[];
  uncovered: string[];
  fairness: { summary: string; sentences: string[]; more: number };
  guardrails: string[];
  accuracy: { metric: string; value: string }[] | null;
  limits: string[];
}

/** Flags shown in the report; the rest are in metrics.csv and metrics.json. */
export const REPORT_MAX_FLAGS = 4;
export const REPORT_MAX_UNCOVERED = 4;

export const pct = (x: number | null): string => (x === null ? "n/a" : x === 1 ? "100%" : `${(Math.floor(x * 1000) / 10).toFixed(1)}%`);
const shareText = (s: Share) => (s.total === 0 ? "n/a" : `${pct(s.share)} (${s.count}/${s.total})`);
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const meets = (xs: (number | null)[], target: number): HeadlineRow["met"] => (xs.some((x) => x === null) ? "n/a" : xs.every((x) => (x as number) >= target) ? "yes" : "no");
/** "education 3/4 (75.0%), offers n/a (0/0)": helpful among the rated, by kind. */
const feedbackText = (f: FeedbackMetrics | undefined) =>
  !f
    ? "not counted in this run"
    : (["education", "offer"] as const).map((k) => `${k === "offer" ? "offers" : k} ${pct(f[k].rate)} (${f[k].helpful}/${f[k].helpful + f[k].not_helpful})`).join(", ");
const UNEXPLAINED = new Set(["unexplained", "not_planted"]);

function headline(m: EvalMetrics): HeadlineRow[] {
  const per = (f: (id: WindowId) => string) => Object.fromEntries(WINDOW_IDS.map((id) => [id, f(id)])) as Record<WindowId, string>;
  const w = m.windows;
  const shares = (k: "coverage" | "explainability" | "auditability" | "relevance") => WINDOW_IDS.map((id) => w[id][k].share);
  const flags = (id: WindowId) => w[id].fairness.fields.flatMap((f) => f.comparisons.filter((c) => c.flagged));
  const unexplained = WINDOW_IDS.reduce((n, id) => n + flags(id).filter((c) => UNEXPLAINED.has(c.explanation ?? "")).length, 0);
  const lat = m.latency;
  return [
    { metric: "Coverage (persona + ≥3 behaviors)", values: per((id) => shareText(w[id].coverage)), target: "100%", met: meets(shares("coverage"), COVERAGE_TARGET) },
    { metric: "Explainability (cites the user's own numbers)", values: per((id) => shareText(w[id].explainability)), target: "100%", met: meets(shares("explainability"), EXPLAINABILITY_TARGET) },
    { metric: "Auditability (complete decision trace)", values: per((id) => shareText(w[id].auditability)), target: "100%", met: meets(shares("auditability"), AUDITABILITY_TARGET) },
    { metric: "Relevance (persona and signal fit)", values: per((id) => shareText(w[id].relevance)), target: "none set", met: "n/a" },
    { metric: "Customer feedback (helpful / rated)", values: per((id) => feedbackText(w[id].feedback)), target: "none set", met: "n/a" },
    {
      metric: "Latency per user (p50 / p95 / max)",
      values: per(() => (lat ? `${ms(lat.p50_ms)} / ${ms(lat.p95_ms)} / ${ms(lat.max_ms)}` : "n/a")),
      target: `p95 < ${LATENCY_TARGET_MS / 1000} s`,
      met: lat ? (lat.p95_ms < LATENCY_TARGET_MS ? "yes" : "no") : "n/a",
    },
    {
      metric: `Fairness gaps over ${FAIRNESS_FLAG_GAP * 100} points (unexplained)`,
      values: per((id) => (w[id].fairness.skipped ? "skipped" : `${flags(id).length} (${flags(id).filter((c) => UNEXPLAINED.has(c.explanation ?? "")).length})`)),
      target: "none unexplained",
      met: WINDOW_IDS.some((id) => w[id].fairness.skipped) ? "n/a" : unexplained === 0 ? "yes" : "no",
    },
  ];
}

function fairnessSection(m: EvalMetrics): ReportModel["fairness"] {
  const w = m.windows["30d"].fairness;
  if (w.skipped) return { summary: `Skipped: ${w.skipped}.`, sentences: [], more: 0 };
  const flagged: FairnessComparison[] = WINDOW_IDS.flatMap((id) => m.windows[id].fairness.fields.flatMap((f) => f.comparisons.filter((c) => c.flagged)));
  // Unexplained gaps first, then the largest.
  flagged.sort((a, b) => Number(UNEXPLAINED.has(b.explanation ?? "")) - Number(UNEXPLAINED.has(a.explanation ?? "")) || (b.gap ?? 0) - (a.gap ?? 0));
  const fields = w.fields.map((f) => `${f.field.replace("_", " ")} (${f.groups.map((g) => `${g.group} ${g.n}`).join(", ")})`).join("; ");
  const byKind = (k: string) => flagged.filter((c) => c.explanation === k).length;
  const summary =
    `Persona and offer-kind rates compared across ${fields}; groups under ${FAIRNESS_MIN_GROUP_SIZE} users are not compared. ` +
    `${flagged.length} gaps over ${FAIRNESS_FLAG_GAP * 100} points across both windows: ${byKind("by_design")} by design, ${byKind("planted")} planted by the generator, ` +
    `${byKind("chance")} within chance, ${byKind("unexplained") + byKind("not_planted")} not explained.`;
  return { summary, sentences: flagged.slice(0, REPORT_MAX_FLAGS).map((c) => c.sentence ?? ""), more: Math.max(0, flagged.length - REPORT_MAX_FLAGS) };
}

function guardrailLines(m: EvalMetrics): string[] {
  const line = (id: WindowId) => {
    const g = m.windows[id].guardrails;
    const rules = Object.entries(g.ineligible_by_rule).map(([k, v]) => `${k} ${v}`).join(", ");
    const why = Object.entries(g.fallbacks_by_reason).map(([k, v]) => `${k} ${v}`).join(", ");
    return (
      `${id}: ${g.tone_rejections} tone rejections; ${g.ineligible_offers} ineligible offers blocked${rules ? ` (${rules})` : ""}; ` +
      `${g.predatory_refused} predatory items refused; ${g.model_fallbacks} model texts fell back to the template${why ? ` (${why})` : ""} of ${g.model_fallbacks + g.model_texts_used} phrased.`
    );
  };
  const reasons = Object.entries(m.consent.by_reason).map(([k, v]) => `${k} ${v}`).join(", ");
  return [`Consent: ${m.consent.gated} of ${m.population.customers} customers gated (nothing computed for them)${reasons ? `: ${reasons}` : ""}.`, ...WINDOW_IDS.map(line)];
}

function accuracyRows(m: EvalMetrics): ReportModel["accuracy"] {
  const a = m.accuracy;
  if (!a) return null;
  const s = a.subscriptions;
  const mp = a.minimum_payment_only;
  return [
    { metric: "Subscriptions, 180d (precision / recall)", value: `${pct(s.precision)} / ${pct(s.recall)} (TP ${s.tp}, FP ${s.fp}, FN ${s.fn})` },
    { metric: "Payroll frequency, 180d", value: `${shareText(a.payroll)}; ${a.payroll.false_payroll} false detections` },
    { metric: "Minimum-payment-only, 30d (precision / recall)", value: `${pct(mp.precision)} / ${pct(mp.recall)} (TP ${mp.tp}, FP ${mp.fp}, FN ${mp.fn})` },
    ...WINDOW_IDS.flatMap((id) => {
      const p = a.personas[id];
      return p ? [{ metric: `Persona agreement, ${id} (primary / whole set)`, value: `${shareText(p.primary_agreement)} / ${shareText(p.set_match)}` }] : [];
    }),
  ];
}

export function buildReport(m: EvalMetrics, info: RunInfo): ReportModel {
  const uncovered = WINDOW_IDS.flatMap((id) => m.windows[id].coverage.uncovered.items.map((u) => `${u.user_id} (${id}): ${u.reason}`));
  const notable = WINDOW_IDS.map((id) => `${id} ${pct(m.windows[id].relevance.all_tags_notable.share)}`).join(", ");
  return {
    title: `SpendSense evaluation, as of ${m.as_of}`,
    subtitle:
      `${m.population.customers} customers, ${m.population.consenting} consenting; pipeline run by the evaluation for ${m.population.pipeline_run_for}. ` +
      `Run ${info.runId}, code ${info.gitCommit ?? "unknown"}, ${info.generatedAt}${info.labelsFile ? `, labels ${info.labelsFile}` : ""}.`,
    headline: headline(m),
    personas: [...PERSONA_PRIORITY, "none"].map((p) => ({
      label: p === "none" ? "No persona" : PERSONAS[p as (typeof PERSONA_PRIORITY)[number]].name,
      counts: Object.fromEntries(WINDOW_IDS.map((id) => [id, m.windows[id].personas.distribution[p] ?? 0])) as Record<WindowId, number>,
    })),
    uncovered: [...uncovered.slice(0, REPORT_MAX_UNCOVERED), ...(uncovered.length > REPORT_MAX_UNCOVERED ? [`… ${uncovered.length - REPORT_MAX_UNCOVERED} more in metrics.json`] : [])],
    fairness: fairnessSection(m),
    guardrails: guardrailLines(m),
    accuracy: accuracyRows(m),
    limits: [
      "Synthetic data: accuracy is measured against the generator's own labels, and demographics are drawn by the generator (income follows age band).",
      `Latency is the evaluation's re-run of each user's load, compute and phrasing in memory (no write), one process on a shared machine; users/s is ${m.latency ? m.latency.users_per_s.toFixed(1) : "n/a"}.`,
      `Relevance asks whether items are about things the user has; the stricter share whose every signal tag is notable for the user is ${notable}.`,
      "Explainability checks that a rationale states one of the user's own numbers from its trace, not how well the sentence reads; auditability checks that traces are complete, not that each value is right.",
      `Fairness compares groups of at least ${FAIRNESS_MIN_GROUP_SIZE} users; with groups this small, gaps of 10 to 20 points arise by chance.`,
    ],
  };
}

export function renderMarkdown(r: ReportModel): string {
  const out: string[] = [`# ${r.title}`, "", r.subtitle, "", "## Headline", "", "| metric | 30d | 180d | target | met |", "|---|---|---|---|---|"];
  for (const h of r.headline) out.push(`| ${h.metric} | ${h.values["30d"]} | ${h.values["180d"]} | ${h.target} | ${h.met} |`);
  out.push("", "## Personas", "", "| persona | 30d | 180d |", "|---|---|---|");
  for (const p of r.personas) out.push(`| ${p.label} | ${p.counts["30d"]} | ${p.counts["180d"]} |`);
  if (r.uncovered.length) out.push("", "Not covered:", "", ...r.uncovered.map((u) => `- ${u}`));
  out.push("", "## Fairness", "", r.fairness.summary);
  if (r.fairness.sentences.length) out.push("", ...r.fairness.sentences.map((s) => `- ${s}`));
  if (r.fairness.more) out.push(`- … ${r.fairness.more} more flags in metrics.csv.`);
  out.push("", "## Guardrails", "", ...r.guardrails.map((g) => `- ${g}`));
  if (r.accuracy) {
    out.push("", "## Accuracy against the generator's labels", "", "| metric | value |", "|---|---|");
    for (const a of r.accuracy) out.push(`| ${a.metric} | ${a.value} |`);
  }
  out.push("", "## Limits", "", ...r.limits.map((l) => `- ${l}`), "");
  return out.join("\n");
}
