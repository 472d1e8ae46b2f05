import type { RunSummary, TrendPoint } from "@/lib/eval/view";
import { HBarChart } from "./bar-chart";
import { ChartFigure } from "@/components/ui/chart-figure";
import { TrendChart } from "./trend-chart";

const WINDOWS = [
  { key: "30d", name: "30 days", color: "#0f766e" },
  { key: "180d", name: "180 days", color: "#64748b" },
];
const n = (v: number | null) => (v === null ? null : v);
const ms = (v: number) => `${v.toFixed(1)} ms`;

export function PersonaFigure({ s }: { s: RunSummary }) {
  return (
    <ChartFigure id="personas" title="Persona distribution per window" table={{ columns: ["Persona", "30 days", "180 days"], rows: s.personas.map((p) => [p.persona, p["30d"], p["180d"]]) }}>
      <HBarChart data={s.personas} category="persona" series={WINDOWS} />
    </ChartFigure>
  );
}

export function RatesFigure({ s }: { s: RunSummary }) {
  return (
    <ChartFigure
      id="rates"
      title="Coverage, explainability, auditability and relevance"
      note="Share of consenting users (coverage) or of recommendations (the others), per window; the brief's target is 100%."
      table={{ columns: ["Metric", "30 days (%)", "180 days (%)"], rows: s.rates.map((r) => [r.metric, n(r["30d"]), n(r["180d"])]) }}
    >
      <HBarChart data={s.rates} category="metric" series={WINDOWS} unit="%" max={100} reference={{ at: 100, label: "target" }} />
    </ChartFigure>
  );
}

export function LatencyFigure({ s }: { s: RunSummary }) {
  const l = s.latency;
  if (!l) return null;
  const data = [
    { stat: "p50", ms: Math.round(l.p50 * 10) / 10 },
    { stat: "p95", ms: Math.round(l.p95 * 10) / 10 },
    { stat: "max", ms: Math.round(l.max * 10) / 10 },
  ];
  return (
    <ChartFigure
      id="latency"
      title="Latency per user"
      note={`${l.users} users re-run in memory, ${l.usersPerS.toFixed(1)} users/s; the brief's target is under 5 seconds per user.`}
      table={{ columns: ["Statistic", "Milliseconds"], rows: [["p50", ms(l.p50)], ["p95", ms(l.p95)], ["max", ms(l.max)], ["users per second", l.usersPerS.toFixed(1)]] }}
      height="h-40"
    >
      <HBarChart data={data} category="stat" series={[{ key: "ms", name: "ms", color: "#0f766e" }]} unit=" ms" />
    </ChartFigure>
  );
}

/** Parity gaps per field: flagged gaps in amber (explained) or red (not explained), the 10-point line. */
export function FairnessFigures({ s }: { s: RunSummary }) {
  return (
    <>
      {s.fairness.map((f) => {
        const rows = f.rows.slice(0, 10);
        return (
          <ChartFigure
            key={f.field}
            id={`fairness-${f.field.replace(/\s/g, "-")}`}
            title={`Fairness by ${f.field}: largest gaps between groups`}
            note="Points between the highest and lowest group rate. Red: over 10 points and not explained; amber: over 10 points, explained (by design, planted, or chance)."
            table={{
              columns: ["Rate", "30-day gap (points)", "30-day flag", "180-day gap (points)", "180-day flag"],
              rows: rows.map((r) => [r.label, r["30d"], r.tone30, r["180d"], r.tone180]),
            }}
            height="h-72"
          >
            <HBarChart
              data={rows}
              category="label"
              series={[
                { key: "30d", name: "30 days (upper bar)", color: "#94a3b8", toneKey: "tone30" },
                { key: "180d", name: "180 days (lower bar)", color: "#94a3b8", toneKey: "tone180" },
              ]}
              unit=" pts"
              reference={{ at: 10, label: "10 pts" }}
            />
          </ChartFigure>
        );
      })}
    </>
  );
}

export function TrendFigure({ points }: { points: TrendPoint[] }) {
  return (
    <ChartFigure
      id="trend"
      title="Trend across evaluation runs (30-day window)"
      table={{ columns: ["Run", "As of", "Coverage (%)", "Explainability (%)", "Auditability (%)", "Relevance (%)"], rows: points.map((p) => [p.run, p.asOf, p.coverage, p.explainability, p.auditability, p.relevance]) }}
    >
      <TrendChart data={points} />
    </ChartFigure>
  );
}
