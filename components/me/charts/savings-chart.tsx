"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SavingsHistory } from "@/lib/core/me/history";
import { savingsSentence } from "@/lib/core/me/copy";
import { formatDayMonth } from "@/lib/core/chat/facts";
import { formatMoney } from "@/lib/core/shared/format";
import { ChartEmpty, ChartFigure } from "@/components/ui/chart-figure";

/** The savings balance over the window, one point a week; without a known balance, the sentence says why (never a line at $0). */
export function SavingsChart({ history }: { history: SavingsHistory }) {
  const title = `Savings balance, last ${history.days} days`;
  if (history.status !== "known") return <ChartEmpty id="savings" title={title} sentence={savingsSentence(history)} />;
  const rows = history.points.map((p) => ({ label: formatDayMonth(p.date), dollars: p.cents / 100 }));
  return (
    <ChartFigure id="savings" title={title} note={savingsSentence(history)} table={{ columns: ["Date", "Balance"], rows: history.points.map((p) => [formatDayMonth(p.date), formatMoney(p.cents)]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis width={72} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatMoney(Math.round(v * 100))} />
          <Tooltip formatter={(v) => [formatMoney(Math.round(Number(v) * 100)), "Balance"]} />
          <Line type="stepAfter" dataKey="dollars" stroke="#0f766e" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
