/**
 * report.html: the report model as one self-contained page (inline CSS and SVG charts, no scripts,
 * no fonts or files from elsewhere), laid out for one to two printed A4 pages.
 */
import { WINDOW_IDS, type WindowId } from "../core/signals";
import { FAIRNESS_FLAG_GAP } from "./constants";
import { pct, type ReportModel } from "./report";
import { barChart, esc } from "./svg";
import type { EvalMetrics } from "./types";

const WINDOW_COLOR: Record<WindowId, string> = { "30d": "#0f766e", "180d": "#64748b" };
const legend = WINDOW_IDS.map((id) => ({ label: id, color: WINDOW_COLOR[id] }));

function headlineChart(m: EvalMetrics): string {
  const keys = [["coverage", "Coverage"], ["explainability", "Explainability"], ["auditability", "Auditability"], ["relevance", "Relevance"]] as const;
  return barChart({
    title: "Coverage, explainability, auditability and relevance per window, against 100%",
    max: 1,
    reference: { at: 1, label: "100%" },
    legend,
    rows: keys.map(([k, label]) => ({
      label,
      values: WINDOW_IDS.map((id) => ({ value: m.windows[id][k].share ?? 0, color: WINDOW_COLOR[id], text: pct(m.windows[id][k].share) })),
    })),
  });
}

function personaChart(r: ReportModel): string {
  const max = Math.max(1, ...r.personas.flatMap((p) => WINDOW_IDS.map((id) => p.counts[id])));
  return barChart({
    title: "Users per primary persona, per window",
    max,
    legend,
    rows: r.personas.map((p) => ({ label: p.label, values: WINDOW_IDS.map((id) => ({ value: p.counts[id], color: WINDOW_COLOR[id], text: String(p.counts[id]) })) })),
  });
}

/** The largest parity difference of each field and window; flagged gaps in red (unexplained) or amber. */
function fairnessChart(m: EvalMetrics): string {
  const rows = WINDOW_IDS.flatMap((id) =>
    m.windows[id].fairness.fields.map((f) => {
      const top = f.comparisons.filter((c) => c.gap !== null).sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0))[0];
      const color = !top?.flagged ? "#0f766e" : top.explanation === "unexplained" || top.explanation === "not_planted" ? "#be123c" : "#d97706";
      return { label: `${f.field.split("_")[0]} ${id}: ${top?.label.replace("Offer: ", "offer ") ?? "n/a"}`, values: [{ value: top?.gap ?? 0, color, text: top?.gap === null || !top ? "n/a" : `${Math.round(top.gap! * 100)} pts` }] };
    }),
  );
  if (rows.length === 0) return "";
  return barChart({ title: "Largest demographic-parity difference per field and window", max: Math.max(0.5, ...rows.map((r) => r.values[0].value)), reference: { at: FAIRNESS_FLAG_GAP, label: "10 pts" }, rows });
}

const CSS = `@page{size:A4;margin:10mm}body{font:9pt/1.3 system-ui,sans-serif;color:#0f172a;max-width:190mm;margin:0 auto;padding:6px}
h1{font-size:14pt;margin:0 0 2px}h2{font-size:10.5pt;margin:8px 0 3px;border-bottom:1px solid #cbd5e1}p{margin:3px 0}p.sub{color:#475569;font-size:8pt;margin:0 0 6px}
table{border-collapse:collapse;width:100%;font-size:8.5pt}th,td{border:1px solid #e2e8f0;padding:1px 4px;text-align:left}th{background:#f1f5f9}
td.yes{color:#166534;font-weight:600}td.no{color:#be123c;font-weight:600}ul{margin:3px 0;padding-left:16px}li{margin:1px 0}
.row{display:flex;gap:10px;align-items:flex-start}.row>*{flex:1 1 0;min-width:0}svg{max-width:100%;height:auto}section{break-inside:avoid}`;

const table = (head: string[], rows: string[][], cls?: (r: string[], i: number) => string) =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls ? ` class="${cls(r, i)}"` : ""}>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
const list = (xs: string[]) => (xs.length ? `<ul>${xs.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : "");

export function renderHtml(r: ReportModel, m: EvalMetrics): string {
  const headline = table(
    ["metric", "30d", "180d", "target", "met"],
    r.headline.map((h) => [h.metric, h.values["30d"], h.values["180d"], h.target, h.met]),
    (row, i) => (i === 4 ? row[4] : ""),
  );
  const personas = table(["persona", "30d", "180d"], r.personas.map((p) => [p.label, String(p.counts["30d"]), String(p.counts["180d"])]));
  const fairness = list([...r.fairness.sentences, ...(r.fairness.more ? [`… ${r.fairness.more} more flags in metrics.csv.`] : [])]);
  const accuracy = r.accuracy ? `<section><h2>Accuracy against the generator's labels</h2>${table(["metric", "value"], r.accuracy.map((a) => [a.metric, a.value]))}</section>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>${CSS}</style></head>
<body><h1>${esc(r.title)}</h1><p class="sub">${esc(r.subtitle)}</p>
<section><h2>Headline</h2>${headline}</section>
<section class="row"><div>${headlineChart(m)}</div><div>${personaChart(r)}</div></section>
<section><h2>Personas</h2><div class="row"><div>${personas}</div><div>${r.uncovered.length ? `<p>Not covered:</p>${list(r.uncovered)}` : ""}</div></div></section>
<section><h2>Fairness</h2><div class="row"><div>${fairnessChart(m)}</div><div><p>${esc(r.fairness.summary)}</p></div></div>${fairness}</section>
<section><h2>Guardrails</h2>${list(r.guardrails)}</section>
${accuracy}
<section><h2>Limits</h2>${list(r.limits)}</section>
</body></html>
`;
}
