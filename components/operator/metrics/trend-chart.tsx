"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/eval/view";

const LINES: { key: keyof TrendPoint; name: string; color: string }[] = [
  { key: "coverage", name: "Coverage", color: "#0f766e" },
  { key: "explainability", name: "Explainability", color: "#1d4ed8" },
  { key: "auditability", name: "Auditability", color: "#7c3aed" },
  { key: "relevance", name: "Relevance", color: "#d97706" },
];

/** The 30-day headline shares of each finished run, oldest first. */
export function TrendChart({ data }: { data: TrendPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 24, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="run" tick={{ fontSize: 10 }} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} width={44} />
        <Tooltip formatter={(v) => `${v}%`} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {LINES.map((l) => (
          <Line key={l.key} type="monotone" dataKey={l.key} name={l.name} stroke={l.color} dot isAnimationActive={false} connectNulls />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
