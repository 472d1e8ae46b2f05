/**
 * Operators: the console's list of customers at any size. Keyset pages in id order (never OFFSET),
 * search by name or email (any case, anywhere in the text: trigram indexes on Postgres; SQLite reads
 * the table), or an exact id; a persona filter; the true count. SQL text from userListSql and
 * userCountSql, explained by tests/console-explain.test.ts.
 */
import "server-only";
import { db } from "./client";
import { assertOperator, type Actor } from "./actor";
import { COUNT_EXACT_UP_TO } from "../core/console/review-query";
import { cappedCountSql, currentDialect, decodePosition, keySelect, keysetPage, orderBy, positionCondition, readDirection, SqlParams, type Dialect, type KeyColumn, type PagePosition, type SqlQuery } from "./console-sql";

export const PAGE_SIZE = 50;

export interface UserListFilter {
  q?: string;
  persona?: string;
}

const KEY: KeyColumn[] = [{ expr: "u.id", type: "s" }];

/** A page position that is not one of this list's. */
export class InvalidUserCursorError extends Error {
  constructor() {
    super("after/before: not a page position of this list (open the first page again)");
  }
}

function conditions(p: SqlParams, f: UserListFilter): string[] {
  const where = [`u.role = ${p.bind("customer")}`];
  if (f.q) where.push(`(${p.contains("u.name", f.q)} OR ${p.contains("u.email", f.q)} OR u.id = ${p.bind(f.q)})`);
  if (f.persona) {
    const primary = f.persona === "none" ? 'pa."primary" IS NULL' : `pa."primary" = ${p.bind(f.persona)}`;
    where.push(`EXISTS (SELECT 1 FROM persona_assignments pa WHERE pa.user_id = u.id AND ${primary})`);
  }
  return where;
}

export function userListSql(d: Dialect, f: UserListFilter, pos: PagePosition, limit: number): SqlQuery {
  const p = new SqlParams(d);
  const where = conditions(p, f);
  const at = positionCondition(p, KEY, pos, "ASC");
  if (at) where.push(at);
  return {
    sql: `SELECT u.id, u.name, u.email, u.consent_granted, ${keySelect(d, KEY)} FROM users u WHERE ${where.join(" AND ")} ORDER BY ${orderBy(KEY, readDirection(pos, "ASC"))} LIMIT ${p.bind(limit, "int")}`,
    params: p.values,
  };
}

/** How many customers the filter matches, reading at most cap + 1 of them. */
export function userCountSql(d: Dialect, f: UserListFilter, cap: number = COUNT_EXACT_UP_TO): SqlQuery {
  const p = new SqlParams(d);
  return cappedCountSql(p, `FROM users u WHERE ${conditions(p, f).join(" AND ")}`, cap);
}

type Row = { id: string; name: string; email: string; consent_granted: unknown; k0: string };

/**
 * Operators: one page of customers (with consent, latest personas and pending counts), the total
 * matching (exact up to `countCap`; `more` when more match, and `total` is then countCap), the next
 * and previous pages' positions.
 */
export async function listUsers(actor: Actor, opts: UserListFilter & { after?: string; before?: string } = {}, pageSize = PAGE_SIZE, countCap = COUNT_EXACT_UP_TO) {
  assertOperator(actor);
  const pos = decodePosition(opts, KEY);
  if (pos === undefined) throw new InvalidUserCursorError();
  const d = currentDialect();
  const list = userListSql(d, opts, pos, pageSize + 1);
  const count = userCountSql(d, opts, countCap);
  const [rows, counted] = await Promise.all([db().$queryRawUnsafe<Row[]>(list.sql, ...list.params), db().$queryRawUnsafe<{ n: unknown }[]>(count.sql, ...count.params)]);
  const { page, next, prev } = keysetPage(rows, pageSize, KEY, pos);
  const ids = page.map((r) => r.id);
  const [personas, pending] = await Promise.all([
    db().personaAssignment.findMany({ where: { userId: { in: ids } }, select: { userId: true, window: true, asOf: true, primary: true }, orderBy: { asOf: "asc" } }),
    db().recommendation.groupBy({ by: ["userId"], where: { userId: { in: ids }, status: "pending" }, _count: { _all: true } }),
  ]);
  const latest = new Map(personas.map((x) => [`${x.userId}|${x.window}`, x.primary]));
  const pendingBy = new Map(pending.map((x) => [x.userId, x._count._all]));
  const n = Number(counted[0]?.n ?? 0);
  return {
    total: Math.min(n, countCap),
    more: n > countCap,
    next,
    prev,
    users: page.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      consentGranted: Boolean(Number(u.consent_granted) || u.consent_granted === true),
      persona30d: latest.get(`${u.id}|30d`) ?? null,
      persona180d: latest.get(`${u.id}|180d`) ?? null,
      pendingCount: pendingBy.get(u.id) ?? 0,
    })),
  };
}
