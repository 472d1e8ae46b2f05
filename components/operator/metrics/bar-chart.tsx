"use client";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarSeries {
  key: string;
  name: string;
  color: string;
  /** A field of each row naming its tone; bars then take TONE_COLORS[tone] instead of `color`. */
  toneKey?: string;
}

/** Flagged gaps stand out: red when not explained, amber when explained (by design, planted, chance). */
export const TONE_COLORS: Record<string, string> = { ok: "#94a3b8", explained: "#d97706", unexplained: "#be123c" };

/** Horizontal bars, one row per category, one bar per series. */
export function HBarChart({
  data,
  category,
  series,
  unit = "",
  max,
  reference,
}: {
  data: Record<string, string | number | null>[];
  category: string;
  series: BarSeries[];
  unit?: string;
  max?: number;
  reference?: { at: number; label: string };
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, max ?? "auto"]} unit={unit} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey={category} width={170} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip formatter={(v) => `${v}${unit}`} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
        {reference ? <ReferenceLine x={reference.at} stroke="#be123c" strokeDasharray="4 4" label={{ value: reference.label, fontSize: 10, position: "top" }} /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false}>
            {s.toneKey ? data.map((d, i) => <Cell key={i} fill={TONE_COLORS[String(d[s.toneKey!])] ?? s.color} />) : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
