"use client";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { UTILIZATION_FLAGS } from "@/lib/core/signals/constants";

/** Colour of each utilization flag (UTILIZATION_FLAGS: 30%, 50%, 80%), and of a card under the first. */
const FLAG_COLORS = ["#d97706", "#ea580c", "#be123c"] as const;
const UNDER_FLAGS_COLOR = "#0f766e";

/** Utilization per card (percent), with a line at each flag of UTILIZATION_FLAGS. */
export function UtilizationChart({ cards }: { cards: { label: string; utilization: number }[] }) {
  const data = cards.map((c) => ({
    name: c.label,
    pct: Math.trunc(c.utilization * 1000) / 10,
    fill: FLAG_COLORS[UTILIZATION_FLAGS.filter((f) => c.utilization >= f).length - 1] ?? UNDER_FLAGS_COLOR,
  }));
  const max = Math.max(100, ...data.map((d) => d.pct));
  return (
    <figure aria-label="Utilization per card" className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, max]} unit="%" tick={{ fontSize: 11 }} width={44} />
          <Tooltip formatter={(v) => [`${v}%`, "Utilization"]} />
          {UTILIZATION_FLAGS.map((f, i) => (
            <ReferenceLine key={f} y={f * 100} stroke={FLAG_COLORS[i]} strokeDasharray="4 4" />
          ))}
          <Bar dataKey="pct" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.fill} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
