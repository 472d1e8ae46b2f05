/**
 * The review queue's filters, sort and page position as URL search params, validated with zod.
 * Shared by the page (lib/db reads it) and the bulk-decision action (which acts on exactly what
 * the filter matches), so both read the same filter the same way.
 */
import { z } from "zod";
import { PERSONA_PRIORITY } from "../personas";

export const REVIEW_STATUSES = ["pending", "flagged", "approved", "rejected"] as const;
/** Statuses a bulk decision may act on: work still waiting for a person. */
export const BULK_STATUSES = ["pending", "flagged"] as const;
/** The most items one bulk decision changes (one transaction); a larger set is narrowed by a filter first. */
export const BULK_DECISION_MAX = 5000;

/**
 * The console's list counts are exact up to this many rows and "more than" it beyond (issue 12:
 * "counts that don't scan the whole table on every page view"): the count reads at most this many
 * index entries plus one, whatever the table's size. Above BULK_DECISION_MAX, so every set a
 * bulk decision can take is still counted exactly.
 */
export const COUNT_EXACT_UP_TO = 10_000;

export const REVIEW_SORTS = ["oldest", "newest", "user"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (i) => `"${String(i.input)}" is not one of ${values.join(", ")}` });

/** The filter part: what a bulk decision acts on. */
export const ReviewFilterSchema = z.object({
  status: choice(REVIEW_STATUSES).default("pending"),
  kind: choice(["education", "offer"] as const).optional(),
  window: choice(["30d", "180d"] as const).optional(),
  persona: choice(["none", ...PERSONA_PRIORITY] as const).optional(),
  user: z.string().trim().min(1, "is empty").max(200, "is longer than 200 characters").optional(),
});
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;

/** The whole query: filter, sort and the page's position (after a row going forward, or before a row for the previous page). */
export const ReviewQuerySchema = ReviewFilterSchema.extend({
  sort: choice(REVIEW_SORTS).default("oldest"),
  after: z.string().max(600, "is not a page position").optional(),
  before: z.string().max(600, "is not a page position").optional(),
}).refine((q) => !(q.after && q.before), { path: ["before"], message: "cannot be given together with after" });
export type ReviewQuery = z.infer<typeof ReviewQuerySchema>;

/** Search params (the last value of a repeated one; empty values are "not set") to a query, or what is wrong with them. */
export function parseReviewQuery(params: Record<string, string | string[] | undefined>): { ok: true; query: ReviewQuery } | { ok: false; error: string } {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    if (s !== undefined && s !== "") flat[k] = s;
  }
  const r = ReviewQuerySchema.safeParse(flat);
  if (r.success) return { ok: true, query: r.data };
  return { ok: false, error: r.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ") };
}

/** The query as search params, defaults left out (links keep the URL short and canonical). */
export function reviewQueryParams(q: Partial<ReviewQuery>): URLSearchParams {
  const sp = new URLSearchParams();
  if (q.status && q.status !== "pending") sp.set("status", q.status);
  for (const k of ["kind", "window", "persona", "user"] as const) if (q[k]) sp.set(k, q[k]);
  if (q.sort && q.sort !== "oldest") sp.set("sort", q.sort);
  if (q.after) sp.set("after", q.after);
  if (q.before) sp.set("before", q.before);
  return sp;
}

const KIND_WORDS = { education: "education", offer: "offers" } as const;

/** The filter in words, for the confirmation ("offers, 30-day window, customer Ana Diaz"). */
export function describeReviewFilter(f: ReviewFilter, names: { persona?: (id: string) => string; user?: string } = {}): string {
  const parts: string[] = [];
  if (f.kind) parts.push(KIND_WORDS[f.kind]);
  if (f.window) parts.push(f.window === "30d" ? "30-day window" : "180-day window");
  if (f.persona) parts.push(f.persona === "none" ? "customers with no persona" : `persona ${names.persona?.(f.persona) ?? f.persona}`);
  if (f.user) parts.push(`customer ${names.user ?? f.user}`);
  return parts.length ? parts.join(", ") : `every ${f.status} item in the queue`;
}
