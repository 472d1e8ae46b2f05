/**
 * SQL text for the console's list and count queries, written once for both databases: the page
 * functions run it, and tests/console-explain.test.ts runs EXPLAIN on the very same text to check
 * each query reads through its named index (migration 0007_review_queue).
 */
import "server-only";
import { resolveDb } from "./url";
import { sqliteTime } from "./raw";

export type Dialect = "sqlite" | "postgres";
export const currentDialect = (): Dialect => resolveDb().kind;

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** `SELECT count(*) AS n` of the rows `from` (a FROM ... WHERE ... text) matches, reading at most cap + 1 of them. */
export function cappedCountSql(p: SqlParams, from: string, cap: number): SqlQuery {
  return { sql: `SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${p.bind(cap + 1, "int")}) capped`, params: p.values };
}

/** Collects bound values: `?` on SQLite, `$n` on Postgres (with a cast where the column needs one). */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(readonly dialect: Dialect) {}

  bind(v: unknown, pgCast?: string): string {
    this.values.push(v);
    return this.dialect === "postgres" ? `$${this.values.length}${pgCast ? `::${pgCast}` : ""}` : "?";
  }

  /** A point in time compared with a DateTime column (Prisma's text form on SQLite, timestamp(3) on Postgres). */
  time(d: Date): string {
    return this.dialect === "postgres" ? this.bind(d.toISOString(), "timestamp(3)") : this.bind(sqliteTime(d));
  }

  /** A "contains, any case" pattern: ILIKE on Postgres (trigram indexes), LIKE on SQLite (ASCII case-insensitive). */
  contains(column: string, text: string): string {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return `${column} ${this.dialect === "postgres" ? "ILIKE" : "LIKE"} ${this.bind(pattern)} ESCAPE '\\'`;
  }
}

/** A sort key column: how it is read back as a cursor value ("s" text, "n" integer) and compared. */
export interface KeyColumn {
  expr: string;
  type: "s" | "n";
  /** How the column is read as plain text for a cursor (Prisma turns a DateTime column's text into a Date), and on Postgres the cast that reads it back. */
  pgText?: string;
  sqliteText?: string;
  pgCast?: string;
}

/** `(a, b) > (x, y)` (row values: one index range on both databases), or `<` for a descending sort. */
function keysetCondition(p: SqlParams, cols: readonly KeyColumn[], after: readonly (string | number)[], dir: "ASC" | "DESC"): string {
  const values = cols.map((c, i) => p.bind(after[i], c.pgCast));
  return `(${cols.map((c) => c.expr).join(", ")}) ${dir === "ASC" ? ">" : "<"} (${values.join(", ")})`;
}

export function keySelect(d: Dialect, cols: readonly KeyColumn[]): string {
  return cols.map((c, i) => `${(d === "postgres" ? c.pgText : c.sqliteText) ?? c.expr} AS k${i}`).join(", ");
}

export function orderBy(cols: readonly KeyColumn[], dir: "ASC" | "DESC"): string {
  return cols.map((c) => `${c.expr} ${dir}`).join(", ");
}

/** The page position after a row: its sort key as an opaque URL-safe string. */
function encodeCursor(row: Record<string, unknown>, cols: readonly KeyColumn[]): string {
  const key = cols.map((c, i) => (c.type === "n" ? Number(row[`k${i}`]) : String(row[`k${i}`])));
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The sort key back, checked against the columns' types; null when it is not one. */
function decodeCursor(cursor: string, cols: readonly KeyColumn[]): (string | number)[] | null {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== cols.length) return null;
  const ok = v.every((x, i) => (cols[i].type === "n" ? Number.isSafeInteger(x) : typeof x === "string" && x.length <= 200));
  return ok ? (v as (string | number)[]) : null;
}

/** Where a page starts: after a row (forward), before a row (the previous page), or at the start. */
export type PagePosition = { after: readonly (string | number)[] } | { before: readonly (string | number)[] } | null;

/** The direction the query reads in: a previous page reads backwards from its position (then is put back in order). */
export function readDirection(pos: PagePosition, dir: "ASC" | "DESC"): "ASC" | "DESC" {
  return pos && "before" in pos ? (dir === "ASC" ? "DESC" : "ASC") : dir;
}

/** The position's condition in the read direction (none at the start). */
export function positionCondition(p: SqlParams, cols: readonly KeyColumn[], pos: PagePosition, dir: "ASC" | "DESC"): string | null {
  if (!pos) return null;
  return keysetCondition(p, cols, "before" in pos ? pos.before : pos.after, readDirection(pos, dir));
}

/** Decodes `after` / `before` (at most one) into a position; undefined when a cursor is not one of this list's. */
export function decodePosition(q: { after?: string; before?: string }, cols: readonly KeyColumn[]): PagePosition | undefined {
  if (q.after && q.before) return undefined;
  const raw = q.after ?? q.before;
  if (!raw) return null;
  const key = decodeCursor(raw, cols);
  if (!key) return undefined;
  return q.after ? { after: key } : { before: key };
}

/**
 * One page out of up to pageSize + 1 rows read in the read direction: the rows in list order, the
 * next page's position (`after` its last row) and the previous page's (`before` its first row).
 */
export function keysetPage<R extends Record<string, unknown>>(rows: R[], pageSize: number, cols: readonly KeyColumn[], pos: PagePosition): { page: R[]; next: string | null; prev: string | null } {
  const more = rows.length > pageSize;
  if (pos && "before" in pos) {
    const page = rows.slice(0, pageSize).reverse();
    return { page, next: page.length ? encodeCursor(page[page.length - 1], cols) : null, prev: more ? encodeCursor(page[0], cols) : null };
  }
  const page = rows.slice(0, pageSize);
  return { page, next: more ? encodeCursor(page[page.length - 1], cols) : null, prev: pos && page.length ? encodeCursor(page[0], cols) : null };
}
