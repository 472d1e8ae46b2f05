"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SpendingChart as SpendingData } from "@/lib/core/me/charts";
import { formatMoney, formatPercent } from "@/lib/core/shared/format";
import { ChartFigure } from "@/components/ui/chart-figure";

/** Spending by category over the window the figures come from (named in the title). */
export function SpendingChart({ data }: { data: SpendingData }) {
  const rows = data.bars.map((b) => ({ label: b.label, dollars: b.cents / 100 }));
  return (
    <ChartFigure
      id="spending"
      title={`Spending by category, last ${data.days} days`}
      note={`${formatMoney(data.total_cents)} in total.`}
      table={{ columns: ["Category", "Spent", "Share"], rows: data.bars.map((b) => [b.label, formatMoney(b.cents), formatPercent(b.share)]) }}
      height="h-64"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatMoney(Math.round(v * 100))} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip formatter={(v) => [formatMoney(Math.round(Number(v) * 100)), "Spent"]} />
          <Bar dataKey="dollars" fill="#0f766e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
