// Postgres: every console query reads through an index named in migration 0007_review_queue (or a
// key the schema already has), never a whole-table scan. EXPLAIN runs on the very SQL text the
// pages run (lib/db/review-queue.ts, lib/db/user-list.ts), on a few thousand users, with
// enable_seqscan off inside the transaction so the test shows an index is usable for each query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { reviewCountSql, reviewListSql } from "@/lib/db/review-queue";
import { userCountSql, userListSql } from "@/lib/db/user-list";
import { parseReviewQuery } from "@/lib/core/console/review-query";
import type { SqlQuery } from "@/lib/db/console-sql";
import { COUNT_EXACT_UP_TO } from "@/lib/core/console/review-query";

let client: pg.Client;

async function seed(c: pg.Client) {
  await c.query(`INSERT INTO users (id, name, email, role, consent_granted)
    SELECT 'u' || lpad(i::text, 5, '0'), (ARRAY['Ana','Ben','Chen','Dara','Eli'])[1 + i % 5] || ' ' || CASE WHEN i % 400 = 0 THEN 'Smithson' ELSE 'Person' || i END,
           'user' || i || '@example.com', 'customer', true FROM generate_series(1, 3000) i`);
  await c.query(`INSERT INTO persona_assignments (user_id, "window", as_of, "primary", matched_json)
    SELECT u.id, w, '2026-11-01', (ARRAY['high_utilization','savings_builder','subscription_heavy',NULL])[1 + (hashtext(u.id) & 3)], '[]'
    FROM users u CROSS JOIN (VALUES ('30d'), ('180d')) v(w)`);
  await c.query(`INSERT INTO recommendations (id, user_id, "window", as_of, kind, item_id, title, rationale, disclosure, status, rank, generator, trace_json, created_at, updated_at)
    SELECT u.id || '-' || w || '-' || k, u.id, w, '2026-11-01', CASE WHEN k < 3 THEN 'education' ELSE 'offer' END, 'item' || k, 'T', 'r', 'd',
           (ARRAY['pending','pending','pending','approved','rejected','flagged'])[1 + (hashtext(u.id || k) & 7) % 6], k, 'template', '{}',
           timestamp '2026-11-01' + (hashtext(u.id) & 1023) * interval '1 minute', now()
    FROM users u CROSS JOIN (VALUES ('30d'), ('180d')) v(w) CROSS JOIN generate_series(0, 4) k`);
  // Autovacuum's work on a live database: statistics, and the visibility map that lets counts read only the index.
  await c.query("VACUUM ANALYZE");
}

async function plan(q: SqlQuery): Promise<string> {
  await c().query("BEGIN");
  try {
    await c().query("SET LOCAL enable_seqscan = off");
    const r = await c().query<{ "QUERY PLAN": string }>(`EXPLAIN ${q.sql}`, q.params);
    return r.rows.map((x) => x["QUERY PLAN"]).join("\n");
  } finally {
    await c().query("ROLLBACK");
  }
}
const c = () => client;

const review = (params: Record<string, string>) => {
  const r = parseReviewQuery(params);
  if (!r.ok) throw new Error(r.error);
  return r.query;
};

/** Each console query and the index (one of) it must read through. */
const CASES: [string, () => SqlQuery, RegExp][] = [
  ["queue, oldest first", () => reviewListSql("postgres", review({}), null, 51), /recommendations_queue_created_idx/],
  ["queue, newest first, a later page", () => reviewListSql("postgres", review({ sort: "newest" }), { after: ["2026-11-01 05:00:00", "u00010-30d-1"] }, 51), /Index Scan Backward using recommendations_queue_created_idx/],
  ["queue, oldest first, the previous page", () => reviewListSql("postgres", review({}), { before: ["2026-11-01 05:00:00", "u00010-30d-1"] }, 51), /Index Scan Backward using recommendations_queue_created_idx/],
  ["queue, by customer", () => reviewListSql("postgres", review({ sort: "user" }), { after: ["u00100", "30d", 2, "u00100-30d-2"] }, 51), /recommendations_queue_user_idx/],
  ["queue, one kind", () => reviewListSql("postgres", review({ kind: "offer" }), null, 51), /recommendations_queue_(kind|created)_idx/],
  ["queue, kind and window", () => reviewListSql("postgres", review({ kind: "education", window: "180d" }), null, 51), /recommendations_queue_kind_idx/],
  ["queue, one window", () => reviewListSql("postgres", review({ window: "30d" }), null, 51), /recommendations_queue_(window|created)_idx/],
  ["queue, one customer", () => reviewListSql("postgres", review({ user: "u00042", sort: "user" }), null, 51), /recommendations_queue_user_idx|recommendations_user_id_window_as_of_item_id_key/],
  ["queue, one persona", () => reviewListSql("postgres", review({ persona: "savings_builder" }), null, 51), /persona_assignments_user_id_window_as_of_key|persona_assignments_primary_user_idx/],
  ["queue count", () => reviewCountSql("postgres", review({}), COUNT_EXACT_UP_TO), /Index Only Scan using recommendations_queue_\w+_idx/],
  ["queue count, one kind", () => reviewCountSql("postgres", review({ kind: "offer" }), COUNT_EXACT_UP_TO), /Index Only Scan using recommendations_queue_kind_idx/],
  ["queue count, one window", () => reviewCountSql("postgres", review({ window: "180d" }), COUNT_EXACT_UP_TO), /Index Only Scan using recommendations_queue_window_idx/],
  ["queue count, one customer", () => reviewCountSql("postgres", review({ user: "u00042" })), /recommendations_queue_(user|persona)_idx/],
  ["users, first page", () => userListSql("postgres", {}, null, 51), /users_role_id_idx|users_pkey/],
  ["users, a later page", () => userListSql("postgres", {}, { after: ["u01500"] }, 51), /users_role_id_idx|users_pkey/],
  ["users, the previous page", () => userListSql("postgres", {}, { before: ["u01500"] }, 51), /Index (Only )?Scan Backward using (users_role_id_idx|users_pkey)/],
  ["users, search by name or email", () => userListSql("postgres", { q: "smithson" }, null, 51), /users_name_trgm_idx[\s\S]*users_email_trgm_idx/],
  ["users, one persona", () => userListSql("postgres", { persona: "high_utilization" }, null, 51), /persona_assignments_primary_user_idx/],
  ["users count", () => userCountSql("postgres", {}), /Index Only Scan using users_role_id_idx/],
  ["users count, search", () => userCountSql("postgres", { q: "smithson" }), /users_name_trgm_idx/],
];

describe.skipIf(dbKind !== "postgres")("console queries use their indexes (postgres)", () => {
  beforeAll(async () => {
    const url = await freshDatabase();
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await seed(client);
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await closeDatabase();
  });

  it.each(CASES)("%s", async (_name, query, index) => {
    const text = await plan(query());
    expect(text).toMatch(index);
    expect(text).not.toMatch(/Seq Scan/);
  });
});
