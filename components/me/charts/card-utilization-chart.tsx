"use client";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { UTILIZATION_LINE, type CardUtilization } from "@/lib/core/me/charts";
import { formatMoney, formatPercent } from "@/lib/core/shared/format";
import { overLimitSentence } from "@/lib/core/me/copy";
import { ChartFigure } from "@/components/ui/chart-figure";

const LEVEL_COLOR = { under_line: "#0f766e", over_line: "#d97706", over_limit: "#be123c" } as const;
const LEVEL_WORDS = { under_line: `under ${formatPercent(UTILIZATION_LINE)}`, over_line: `${formatPercent(UTILIZATION_LINE)} or more`, over_limit: "over the limit" } as const;

/** Each card's balance as a share of its limit, against the 30% line; a card over its limit stands out. */
export function CardUtilizationChart({ cards }: { cards: CardUtilization[] }) {
  const rows = cards.map((c) => ({ label: c.label, pct: Math.trunc(c.utilization * 1000) / 10, level: c.level }));
  const max = Math.max(100, ...rows.map((r) => r.pct));
  const over = cards.filter((c) => c.level === "over_limit");
  return (
    <ChartFigure
      id="utilization"
      title="How much of each card's limit is in use"
      note={
        <>
          The dashed line marks {formatPercent(UTILIZATION_LINE)} of the limit.
          {over.map((c) => (
            <strong key={c.label} className="mt-1 block text-rose-700">
              {overLimitSentence(c)}
            </strong>
          ))}
        </>
      }
      table={{ columns: ["Card", "In use", "Balance", "Limit", "Compared with the line"], rows: cards.map((c) => [c.label, formatPercent(c.utilization), formatMoney(c.balance_cents), formatMoney(c.limit_cents), LEVEL_WORDS[c.level]]) }}
      height={cards.length > 3 ? "h-64" : "h-44"}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, max]} unit="%" tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip formatter={(v) => [`${v}%`, "In use"]} />
          <ReferenceLine x={UTILIZATION_LINE * 100} stroke="#475569" strokeDasharray="4 4" />
          <Bar dataKey="pct" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.label} fill={LEVEL_COLOR[r.level]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
