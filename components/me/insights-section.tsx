import type { Insight } from "@/lib/core/insights/insights";

export function InsightsSection({ insights, asOf }: { insights: Insight[]; asOf: string | null }) {
  return (
    <section aria-labelledby="insights-title" className="space-y-3">
      <h2 id="insights-title" className="text-lg font-semibold">
        Your insights
      </h2>
      {asOf === null ? (
        <p className="text-sm text-slate-600">Thanks for opting in. Your insights will appear after the next run.</p>
      ) : insights.length ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {insights.map((i) => (
            <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h3 className="font-medium">{i.title}</h3>
              <p className="mt-1 text-sm text-slate-700">{i.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">Nothing to highlight right now. We&apos;ll share insights here as your activity builds up.</p>
      )}
      {asOf ? <p className="text-xs text-slate-500">Based on your activity up to {asOf}.</p> : null}
    </section>
  );
}
