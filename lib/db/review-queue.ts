/**
 * Operators: the review queue at any size. Keyset pages (the sort key of the last row shown, never
 * OFFSET), the true count of what the filter matches, filters (status, kind, window, persona, user)
 * and three sorts, each read through its own index (migration 0007_review_queue; the EXPLAIN test
 * checks them on Postgres). SQL text comes from reviewListSql/reviewCountSql so the test explains
 * exactly what the page runs.
 */
import "server-only";
import { db } from "./client";
import { assertOperator, type Actor } from "./actor";
import { cappedCountSql, currentDialect, decodePosition, keySelect, keysetPage, orderBy, positionCondition, readDirection, SqlParams, type Dialect, type KeyColumn, type PagePosition, type SqlQuery } from "./console-sql";
import { COUNT_EXACT_UP_TO, type ReviewFilter, type ReviewQuery, type ReviewSort } from "../core/console/review-query";
import type { ReviewQueueItem } from "../types/views";

export const REVIEW_PAGE_SIZE = 50;

const CREATED: KeyColumn = { expr: "r.created_at", type: "s", pgText: "r.created_at::text", sqliteText: "(r.created_at || '')", pgCast: "timestamp(3)" };
const ID: KeyColumn = { expr: "r.id", type: "s" };
const SORTS: Record<ReviewSort, { dir: "ASC" | "DESC"; cols: KeyColumn[] }> = {
  oldest: { dir: "ASC", cols: [CREATED, ID] },
  newest: { dir: "DESC", cols: [CREATED, ID] },
  // One customer's items together (both windows), in the order the pipeline ranked them.
  user: { dir: "ASC", cols: [{ expr: "r.user_id", type: "s" }, { expr: 'r."window"', type: "s" }, { expr: "r.rank", type: "n", pgCast: "int" }, ID] },
};

/** A page position that does not belong to the sort asked for (edited by hand, or from another sort). */
export class InvalidCursorError extends Error {
  constructor() {
    super("after/before: not a page position of this list (open the first page again)");
  }
}

/** The WHERE conditions of a filter (no page position): the same for the list, the count and a bulk decision. */
export function filterConditions(p: SqlParams, f: ReviewFilter): string[] {
  const where = [`r.status = ${p.bind(f.status)}`];
  if (f.kind) where.push(`r.kind = ${p.bind(f.kind)}`);
  if (f.window) where.push(`r."window" = ${p.bind(f.window)}`);
  if (f.user) where.push(`r.user_id = ${p.bind(f.user)}`);
  if (f.persona) {
    // The persona the customer has in the recommendation's own window and as-of date.
    const primary = f.persona === "none" ? 'pa."primary" IS NULL' : `pa."primary" = ${p.bind(f.persona)}`;
    where.push(`EXISTS (SELECT 1 FROM persona_assignments pa WHERE pa.user_id = r.user_id AND pa."window" = r."window" AND pa.as_of = r.as_of AND ${primary})`);
  }
  return where;
}

/** One page of the queue: up to `limit` rows from the position (after or before a decoded sort key), read in the position's direction. */
export function reviewListSql(d: Dialect, q: Pick<ReviewQuery, keyof ReviewFilter | "sort">, pos: PagePosition, limit: number): SqlQuery {
  const p = new SqlParams(d);
  const sort = SORTS[q.sort];
  const where = filterConditions(p, q);
  const at = positionCondition(p, sort.cols, pos, sort.dir);
  if (at) where.push(at);
  const sql = `SELECT r.id, r.user_id, u.name AS user_name, r."window", r.as_of, r.kind, r.title, r.rationale, r.status, r.generator,
      CASE WHEN r.changes_json IS NULL THEN 0 ELSE 1 END AS changed, ${keySelect(d, sort.cols)}
    FROM recommendations r JOIN users u ON u.id = r.user_id
    WHERE ${where.join(" AND ")}
    ORDER BY ${orderBy(sort.cols, readDirection(pos, sort.dir))}
    LIMIT ${p.bind(limit, "int")}`;
  return { sql, params: p.values };
}

/**
 * How many rows the filter matches: a count over the filter's index range (never the whole table);
 * with `cap`, it stops after cap + 1 rows (the page shows "more than cap").
 */
export function reviewCountSql(d: Dialect, f: ReviewFilter, cap?: number): SqlQuery {
  const p = new SqlParams(d);
  const from = `FROM recommendations r WHERE ${filterConditions(p, f).join(" AND ")}`;
  return cap === undefined ? { sql: `SELECT count(*) AS n ${from}`, params: p.values } : cappedCountSql(p, from, cap);
}

type Row = Record<string, unknown>;

/**
 * Operators: one page of the review queue, the total the filter matches (exact up to `countCap`;
 * `more` when more rows match than that, and `total` is then countCap), and the next and previous
 * pages' positions.
 */
export async function reviewQueuePage(
  actor: Actor,
  q: ReviewQuery,
  pageSize = REVIEW_PAGE_SIZE,
  countCap = COUNT_EXACT_UP_TO,
): Promise<{ items: ReviewQueueItem[]; total: number; more: boolean; next: string | null; prev: string | null; viewedAt: string }> {
  assertOperator(actor);
  const sort = SORTS[q.sort];
  const pos = decodePosition(q, sort.cols);
  if (pos === undefined) throw new InvalidCursorError();
  const d = currentDialect();
  const viewedAt = new Date().toISOString();
  const list = reviewListSql(d, q, pos, pageSize + 1);
  const count = reviewCountSql(d, q, countCap);
  const [rows, counted] = await Promise.all([
    db().$queryRawUnsafe<Row[]>(list.sql, ...list.params),
    db().$queryRawUnsafe<Row[]>(count.sql, ...count.params),
  ]);
  const { page, next, prev } = keysetPage(rows, pageSize, sort.cols, pos);
  const n = Number(counted[0]?.n ?? 0);
  return {
    items: page.map(toItem),
    total: Math.min(n, countCap),
    more: n > countCap,
    next,
    prev,
    viewedAt,
  };
}

function toItem(r: Row): ReviewQueueItem {
  return {
    id: String(r.id), userId: String(r.user_id), userName: String(r.user_name), window: String(r.window), asOf: String(r.as_of),
    kind: String(r.kind), title: String(r.title), rationale: String(r.rationale), status: String(r.status), generator: String(r.generator),
    changed: Number(r.changed) === 1,
  };
}

/** Operators: how many items a filter matches now, and when that was read (a customer's pending set on their page). */
export async function reviewCount(actor: Actor, f: ReviewFilter): Promise<{ count: number; viewedAt: string }> {
  assertOperator(actor);
  const viewedAt = new Date().toISOString();
  const q = reviewCountSql(currentDialect(), f);
  const [row] = await db().$queryRawUnsafe<Row[]>(q.sql, ...q.params);
  return { count: Number(row?.n ?? 0), viewedAt };
}
