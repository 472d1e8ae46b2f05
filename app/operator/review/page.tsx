import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth";
import { reviewQueue } from "@/lib/db/review";
import { Badge } from "@/components/ui/badge";
import { DecisionForm } from "@/components/operator/decision-form";
import { StatusBadge } from "@/components/operator/persona-badge";

export const metadata = { title: "Review queue · SpendSense operator" };

const STATUSES = ["pending", "flagged", "approved", "rejected"] as const;
const Query = z.object({ status: z.enum(STATUSES).optional().catch(undefined) });

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  const status = Query.parse(await searchParams).status ?? "pending";
  const recs = await reviewQueue(actor, { status });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Review queue</h1>
        <nav aria-label="Status filter" className="flex gap-1 text-sm">
          {STATUSES.map((s) => (
            <Link
              key={s}
              href={s === "pending" ? "/operator/review" : `/operator/review?status=${s}`}
              aria-current={s === status ? "page" : undefined}
              className={s === status ? "rounded bg-teal-700 px-3 py-1 text-white" : "rounded px-3 py-1 text-slate-700 hover:bg-slate-100"}
            >
              {s}
            </Link>
          ))}
        </nav>
      </div>
      <p className="text-sm text-slate-600">
        {recs.length} {status} {recs.length === 1 ? "recommendation" : "recommendations"}
        {recs.length === 100 ? " (the oldest 100 shown)" : ""}
      </p>
      <ul className="space-y-3">
        {recs.map((r) => (
          <li key={r.id}>
            <article aria-labelledby={`q-${r.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <header className="flex flex-wrap items-center gap-2">
                <h2 id={`q-${r.id}`} className="font-semibold">
                  {r.title}
                </h2>
                <Badge tone={r.kind === "offer" ? "violet" : "sky"}>{r.kind}</Badge>
                <Badge>{r.window}</Badge>
                <span className="text-xs text-slate-500">
                  as of {r.asOf} · {r.generator}
                </span>
                <span className="ml-auto">
                  <StatusBadge status={r.status} />
                </span>
              </header>
              <p className="mt-1 text-sm text-slate-600">
                For{" "}
                <Link href={`/operator/users/${encodeURIComponent(r.userId)}`} className="text-teal-800 hover:underline">
                  {r.userName}
                </Link>
              </p>
              <p className="mt-2 text-sm">{r.rationale}</p>
              <div className="mt-3">
                <DecisionForm recommendationId={r.id} title={r.title} compact />
              </div>
            </article>
          </li>
        ))}
        {recs.length === 0 ? <li className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">Nothing here. All caught up.</li> : null}
      </ul>
    </div>
  );
}
