import Link from "next/link";
import { pageActor } from "@/lib/auth/session";
import { InvalidCursorError, reviewQueuePage } from "@/lib/db/review-queue";
import { BULK_STATUSES, describeReviewFilter, parseReviewQuery, REVIEW_SORTS, REVIEW_STATUSES, reviewQueryParams, type ReviewQuery } from "@/lib/core/console/review-query";
import { PERSONA_PRIORITY, PERSONAS, type PersonaId } from "@/lib/core/personas";
import type { ReviewQueueItem } from "@/lib/types/views";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DecisionForm } from "@/components/operator/decision-form";
import { Pager } from "@/components/operator/pager";
import { BulkDecision } from "@/components/operator/bulk-decision";
import { StatusBadge } from "@/components/operator/persona-badge";

export const metadata = { title: "Review queue · SpendSense operator" };

const SORT_LABEL = { oldest: "Oldest first", newest: "Newest first", user: "By customer" } as const;
const personaName = (id: string) => PERSONAS[id as PersonaId]?.name ?? id;
const href = (q: Partial<ReviewQuery>) => {
  const s = reviewQueryParams(q).toString();
  return s ? `/operator/review?${s}` : "/operator/review";
};

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor(["operator"], "/operator/review");
  const parsed = parseReviewQuery(await searchParams);
  if (!parsed.ok) return <BadQuery message={`The address asks for a list this page cannot show (${parsed.error}).`} />;
  const q = parsed.query;
  let page;
  try {
    page = await reviewQueuePage(actor, q);
  } catch (e) {
    if (e instanceof InvalidCursorError) return <BadQuery message={`The page position in the address is not valid (${e.message}).`} />;
    throw e;
  }
  const filter = { status: q.status, kind: q.kind, window: q.window, persona: q.persona, user: q.user };
  // Beyond the exact count there are more than BULK_DECISION_MAX items: narrow the filter to decide them together.
  const bulk = (BULK_STATUSES as readonly string[]).includes(q.status) && page.total > 0 && !page.more;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Review queue</h1>
        <nav aria-label="Status filter" className="flex flex-wrap gap-1 text-sm">
          {REVIEW_STATUSES.map((s) => (
            <Link
              key={s}
              href={href({ ...q, status: s, after: undefined })}
              aria-current={s === q.status ? "page" : undefined}
              className={s === q.status ? "rounded bg-teal-700 px-3 py-1 text-white" : "rounded px-3 py-1 text-slate-700 hover:bg-slate-100"}
            >
              {s}
            </Link>
          ))}
        </nav>
      </div>
      <QueueFilters q={q} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="queue-count">
          {page.more ? "More than " : ""}
          {page.total.toLocaleString("en-US")} {q.status} {page.total === 1 && !page.more ? "recommendation" : "recommendations"} match
          {page.prev ? " (a later page)" : ""}
        </p>
        {bulk ? <BulkDecision filter={filter} count={page.total} viewedAt={page.viewedAt} scope={describeReviewFilter(filter, { persona: personaName, user: page.items[0]?.userName })} /> : null}
      </div>
      <ul className="space-y-3">
        {page.items.map((r) => (
          <QueueItem key={r.id} r={r} />
        ))}
        {page.items.length === 0 ? <li className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">Nothing here. All caught up.</li> : null}
      </ul>
      <Pager
        label="Pages"
        first={page.prev ? href({ ...q, after: undefined, before: undefined }) : null}
        prev={page.prev ? href({ ...q, after: undefined, before: page.prev }) : null}
        next={page.next ? href({ ...q, before: undefined, after: page.next }) : null}
      />
    </div>
  );
}

function BadQuery({ message }: { message: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Review queue</h1>
      <p role="alert" className="rounded border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800">
        {message}
      </p>
      <Link href="/operator/review" className="text-teal-800 hover:underline">
        Show the pending queue
      </Link>
    </div>
  );
}

const field = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal";

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: readonly (readonly [string, string])[] }) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={field}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function QueueFilters({ q }: { q: ReviewQuery }) {
  return (
    <form role="search" aria-label="Filter the queue" action="/operator/review" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
      {q.status !== "pending" ? <input type="hidden" name="status" value={q.status} /> : null}
      <Select name="kind" label="Kind" value={q.kind} options={[["", "Any"], ["education", "Education"], ["offer", "Offer"]]} />
      <Select name="window" label="Window" value={q.window} options={[["", "Any"], ["30d", "30 days"], ["180d", "180 days"]]} />
      <Select name="persona" label="Persona" value={q.persona} options={[["", "Any"], ...PERSONA_PRIORITY.map((id) => [id, PERSONAS[id].name] as const), ["none", "No persona"]]} />
      <label className="text-sm font-medium">
        Customer id
        <input name="user" defaultValue={q.user ?? ""} className={field} />
      </label>
      <Select name="sort" label="Sort" value={q.sort} options={REVIEW_SORTS.map((s) => [s, SORT_LABEL[s]] as const)} />
      <Button type="submit" size="sm">
        Apply
      </Button>
    </form>
  );
}

function QueueItem({ r }: { r: ReviewQueueItem }) {
  return (
    <li>
      <article aria-labelledby={`q-${r.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <header className="flex flex-wrap items-center gap-2">
          <h2 id={`q-${r.id}`} className="font-semibold">
            {r.title}
          </h2>
          <Badge tone={r.kind === "offer" ? "violet" : "sky"}>{r.kind}</Badge>
          <Badge>{r.window === "30d" ? "30 days" : "180 days"}</Badge>
          {r.changed ? <Badge tone="amber">changed since decided</Badge> : null}
          <span className="text-xs text-slate-500">
            as of {r.asOf} · {r.generator === "template" ? "written from the template" : `written by ${r.generator}`}
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
  );
}
