"use client";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Utilization per card (percent), with the 30 / 50 / 80% lines. */
export function UtilizationChart({ cards }: { cards: { label: string; utilization: number }[] }) {
  const data = cards.map((c) => ({ name: c.label, pct: Math.trunc(c.utilization * 1000) / 10 }));
  const max = Math.max(100, ...data.map((d) => d.pct));
  return (
    <figure aria-label="Utilization per card" className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, max]} unit="%" tick={{ fontSize: 11 }} width={44} />
          <Tooltip formatter={(v) => [`${v}%`, "Utilization"]} />
          <ReferenceLine y={30} stroke="#d97706" strokeDasharray="4 4" />
          <ReferenceLine y={50} stroke="#ea580c" strokeDasharray="4 4" />
          <ReferenceLine y={80} stroke="#be123c" strokeDasharray="4 4" />
          <Bar dataKey="pct" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.pct >= 80 ? "#be123c" : d.pct >= 50 ? "#ea580c" : d.pct >= 30 ? "#d97706" : "#0f766e"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
