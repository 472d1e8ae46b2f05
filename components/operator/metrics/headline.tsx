import type { RunSummary } from "@/lib/eval/view";
import { Badge } from "@/components/ui/badge";

/** The headline against the brief's targets, the flagged fairness gaps, and the run's files. */
export function Headline({ s }: { s: RunSummary }) {
  return (
    <section aria-labelledby="headline-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="headline-title" className="text-base font-semibold">
        Headline, as of {s.asOf}
      </h2>
      <p className="mt-1 text-xs text-slate-500">
        Run {s.id} · {s.createdAt.slice(0, 19).replace("T", " ")} UTC · code {s.gitCommit ?? "unknown"}
      </p>
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Headline metrics">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Headline metrics against the brief&apos;s targets</caption>
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              {["Metric", "30 days", "180 days", "Target", "Met"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.headline.map((h) => (
              <tr key={h.metric} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 font-medium">
                  {h.metric}
                </th>
                <td className="px-3 py-2">{h.values["30d"]}</td>
                <td className="px-3 py-2">{h.values["180d"]}</td>
                <td className="px-3 py-2">{h.target}</td>
                <td className="px-3 py-2">
                  <Badge tone={h.met === "yes" ? "teal" : h.met === "no" ? "rose" : "neutral"}>{h.met}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Downloads of the last run" className="mt-3 flex flex-wrap gap-3 text-sm">
        {s.downloads.map((d) => (
          <a key={d.name} href={d.href} download={d.name} className="text-teal-800 underline hover:text-teal-950">
            {d.label}
          </a>
        ))}
      </nav>
    </section>
  );
}

function FlagList({ flags }: { flags: RunSummary["flags"] }) {
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {flags.map((f, i) => (
        <li key={i} className={f.unexplained ? "border-l-4 border-rose-600 pl-2" : "border-l-4 border-amber-400 pl-2"}>
          {f.sentence}
        </li>
      ))}
    </ul>
  );
}

/** Flagged gaps: the ones the data does not explain first and in full; the explained ones folded. */
export function FairnessFlags({ s }: { s: RunSummary }) {
  if (s.flags.length === 0) return null;
  const open = s.flags.filter((f) => f.unexplained);
  const explained = s.flags.filter((f) => !f.unexplained);
  return (
    <section aria-labelledby="flags-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="flags-title" className="text-base font-semibold">
        Fairness gaps over 10 points: {open.length} not explained, {explained.length} explained
      </h2>
      <FlagList flags={open} />
      {explained.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-slate-700">Explained gaps (by design, planted by the generator, or within chance)</summary>
          <FlagList flags={explained} />
        </details>
      ) : null}
    </section>
  );
}
