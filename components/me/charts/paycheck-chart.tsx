"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PaycheckHistory } from "@/lib/core/me/history";
import { paycheckSentence } from "@/lib/core/me/copy";
import { formatDayMonth } from "@/lib/core/chat/facts";
import { formatMoney } from "@/lib/core/shared/format";
import { ChartEmpty, ChartFigure } from "@/components/ui/chart-figure";

/** Each paycheck of the window as a bar on its date; without any, the sentence says so. */
export function PaycheckChart({ history }: { history: PaycheckHistory }) {
  const title = `Paychecks, last ${history.days} days`;
  if (!history.points.length) return <ChartEmpty id="paychecks" title={title} sentence={paycheckSentence(history)} />;
  const rows = history.points.map((p) => ({ label: formatDayMonth(p.date), dollars: p.cents / 100 }));
  return (
    <ChartFigure id="paychecks" title={title} note={paycheckSentence(history)} table={{ columns: ["Date", "Amount"], rows: history.points.map((p) => [formatDayMonth(p.date), formatMoney(p.cents)]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis width={72} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatMoney(Math.round(v * 100))} />
          <Tooltip formatter={(v) => [formatMoney(Math.round(Number(v) * 100)), "Paycheck"]} />
          <Bar dataKey="dollars" fill="#0f766e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
