/**
 * EXPLAIN (ANALYZE, BUFFERS) of every console query at the bench's volume (part of --scale-console):
 * one line per query, console_explain_ms = the plan's execution time, with the gist in its context
 * (indexes read, node types, rows, buffers, any sequential scan). The list and count SQL is the very
 * text the pages run (userListSql, reviewListSql, the capped counts, ...); the user page's Prisma reads are written out
 * as the equivalent SQL (same tables, filters and order).
 */
import { emit } from "./util";
import { db } from "../db/client";
import { reviewCountSql, reviewListSql } from "../db/review-queue";
import { userCountSql, userListSql } from "../db/user-list";
import { COUNT_EXACT_UP_TO, parseReviewQuery, type ReviewQuery } from "../core/console/review-query";
import type { SqlQuery } from "../db/console-sql";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

const review = (params: Record<string, string>): ReviewQuery => {
  const r = parseReviewQuery(params);
  if (!r.ok) throw new Error(r.error);
  return r.query;
};

const sql = (text: string, ...params: unknown[]): SqlQuery => ({ sql: text, params });

/** Each query the console pages run, with parameters taken from the filled database. */
async function cases(): Promise<[string, SqlQuery][]> {
  const [mid] = await db().$queryRawUnsafe<{ id: string }[]>("SELECT id FROM users WHERE role = 'customer' ORDER BY id OFFSET (SELECT count(*) / 2 FROM users WHERE role = 'customer') LIMIT 1");
  const [deep] = await db().$queryRawUnsafe<{ k0: string; id: string }[]>(
    "SELECT created_at::text AS k0, id FROM recommendations WHERE status = 'pending' ORDER BY created_at, id OFFSET (SELECT count(*) / 2 FROM recommendations WHERE status = 'pending') LIMIT 1",
  );
  const [named] = await db().$queryRawUnsafe<{ name: string; as_of: string }[]>("SELECT u.name, s.as_of FROM users u JOIN signal_snapshots s ON s.user_id = u.id WHERE u.id = $1 LIMIT 1", mid.id);
  const q = named.name.split(" ")[0].slice(0, 4);
  const ids = (await db().$queryRawUnsafe<{ id: string }[]>("SELECT id FROM users WHERE role = 'customer' AND id > $1 ORDER BY id LIMIT 50", mid.id)).map((r) => r.id);
  const u = mid.id;
  return [
    ["users: first page", userListSql("postgres", {}, null, 51)],
    ["users: page in the middle", userListSql("postgres", {}, { after: [u] }, 51)],
    ["users: the page before the middle", userListSql("postgres", {}, { before: [u] }, 51)],
    ["users: count", userCountSql("postgres", {})],
    [`users: search "${q}"`, userListSql("postgres", { q }, null, 51)],
    [`users: search count "${q}"`, userCountSql("postgres", { q })],
    ["users: persona filter", userListSql("postgres", { persona: "high_utilization" }, null, 51)],
    ["users: persona count", userCountSql("postgres", { persona: "high_utilization" })],
    ["users: page's personas (50 ids)", sql(`SELECT user_id, "window", as_of, "primary" FROM persona_assignments WHERE user_id = ANY($1) ORDER BY as_of`, ids)],
    ["users: page's pending counts (50 ids)", sql("SELECT user_id, count(*) FROM recommendations WHERE user_id = ANY($1) AND status = 'pending' GROUP BY user_id", ids)],
    ["review: first page", reviewListSql("postgres", review({}), null, 51)],
    ["review: page in the middle", reviewListSql("postgres", review({}), { after: [deep.k0, deep.id] }, 51)],
    ["review: the page before the middle", reviewListSql("postgres", review({}), { before: [deep.k0, deep.id] }, 51)],
    ["review: count pending", reviewCountSql("postgres", review({}), COUNT_EXACT_UP_TO)],
    ["review: newest first", reviewListSql("postgres", review({ sort: "newest" }), null, 51)],
    ["review: by customer", reviewListSql("postgres", review({ sort: "user" }), null, 51)],
    ["review: kind + window", reviewListSql("postgres", review({ kind: "offer", window: "180d" }), null, 51)],
    ["review: count kind + window", reviewCountSql("postgres", review({ kind: "offer", window: "180d" }), COUNT_EXACT_UP_TO)],
    ["review: persona", reviewListSql("postgres", review({ persona: "high_utilization" }), null, 51)],
    ["review: count persona", reviewCountSql("postgres", review({ persona: "high_utilization" }), COUNT_EXACT_UP_TO)],
    ["review: approved", reviewListSql("postgres", review({ status: "approved" }), null, 51)],
    ["detail: latest as-of", sql("SELECT as_of FROM signal_snapshots WHERE user_id = $1 ORDER BY as_of DESC LIMIT 1", u)],
    ["detail: accounts", sql("SELECT * FROM accounts WHERE user_id = $1 ORDER BY id", u)],
    ["detail: signals", sql("SELECT \"window\", data_json FROM signal_snapshots WHERE user_id = $1 AND as_of = $2", u, named.as_of)],
    ["detail: personas", sql("SELECT \"window\", \"primary\", matched_json FROM persona_assignments WHERE user_id = $1 AND as_of = $2", u, named.as_of)],
    ["detail: recommendations", sql(`SELECT * FROM recommendations WHERE user_id = $1 AND as_of = $2 ORDER BY "window", kind, rank`, u, named.as_of)],
    ["detail: consent events", sql("SELECT granted, source, at FROM consent_events WHERE user_id = $1 ORDER BY at DESC", u)],
    ["detail: operator actions", sql("SELECT * FROM operator_actions WHERE user_id = $1 ORDER BY at DESC LIMIT 100", u)],
    ["detail: pending count", reviewCountSql("postgres", review({ user: u }))],
    ["detail: feedback", sql("SELECT * FROM suggestion_feedback WHERE user_id = $1 ORDER BY created_at DESC", u)],
    ["detail: chat transcript", sql("SELECT * FROM chat_turns WHERE user_id = $1 ORDER BY created_at", u)],
  ];
}

export async function explainConsoleQueries(ctx: Record<string, unknown>): Promise<void> {
  for (const [query, q] of await cases()) {
    const [row] = await db().$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }[]>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, ...q.params);
    const { Plan, "Execution Time": ms } = row["QUERY PLAN"][0];
    const all = nodes(Plan);
    const seq = all.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"]);
    emit("console_explain_ms", ms, "ms", {
      query,
      indexes: [...new Set(all.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])))],
      nodes: [...new Set(all.map((n) => n["Node Type"]))],
      rows: Plan["Actual Rows"],
      buffers: { hit: Plan["Shared Hit Blocks"], read: Plan["Shared Read Blocks"] },
      seq_scans: seq,
      ...ctx,
    });
  }
}
