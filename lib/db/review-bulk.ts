/**
 * Operators: approve or reject every item a review-queue filter matches, in one transaction, with
 * one OperatorAction per item (item id, title, window, as-of, status before and after). The
 * operator confirmed a number they saw at a moment: the decision acts only when the filter still
 * matches exactly that many items and none of them was written after that moment (a re-run that
 * changed or added an item, another operator's decision); otherwise nothing changes and the
 * caller is told what matches now.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import { assertOperator, type Actor } from "./actor";
import { currentDialect, SqlParams } from "./console-sql";
import { filterConditions, reviewCountSql } from "./review-queue";
import { BULK_DECISION_MAX, type ReviewFilter } from "../core/console/review-query";


export type BulkDecision = "approve" | "reject";
const STATUS: Record<BulkDecision, string> = { approve: "approved", reject: "rejected" };

export type BulkResult =
  | { ok: true; changed: number; users: number; status: string }
  | { ok: false; reason: "changed"; matching: number }
  | { ok: false; reason: "too_many"; matching: number };

interface Match {
  id: string;
  user_id: string;
  item_id: string;
  title: string;
  window: string;
  as_of: string;
  newer: unknown;
}

/** Thrown inside the transaction to roll it back when rows moved under it. */
class Moved extends Error {}

export async function decideMatching(
  actor: Actor,
  filter: ReviewFilter & { status: "pending" | "flagged" },
  decision: BulkDecision,
  seen: { count: number; viewedAt: Date },
  now: Date = new Date(),
): Promise<BulkResult> {
  assertOperator(actor);
  const p = new SqlParams(currentDialect());
  const newer = p.time(seen.viewedAt);
  const sql = `SELECT r.id, r.user_id, r.item_id, r.title, r."window", r.as_of, CASE WHEN r.updated_at > ${newer} THEN 1 ELSE 0 END AS newer
    FROM recommendations r WHERE ${filterConditions(p, filter).join(" AND ")} ORDER BY r.id LIMIT ${p.bind(BULK_DECISION_MAX + 1, "int")}`;
  const status = STATUS[decision];
  try {
    return await db().$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<Match[]>(sql, ...p.values);
        if (rows.length > BULK_DECISION_MAX) return { ok: false, reason: "too_many", matching: rows.length } as const;
        if (rows.length !== seen.count || rows.some((r) => Number(r.newer) === 1)) return { ok: false, reason: "changed", matching: rows.length } as const;
        const ids = rows.map((r) => r.id);
        const updated = await tx.recommendation.updateMany({ where: { id: { in: ids }, status: filter.status }, data: { status, updatedAt: now } });
        if (updated.count !== ids.length) throw new Moved();
        await tx.operatorAction.createMany({
          data: rows.map((r) => {
            const item = { item_id: r.item_id, title: r.title, window: r.window, as_of: r.as_of };
            return {
              id: randomUUID(), operatorId: actor.id, userId: r.user_id, recommendationId: r.id, action: decision, note: null,
              beforeJson: JSON.stringify({ ...item, status: filter.status }), afterJson: JSON.stringify({ ...item, status }), at: now,
            };
          }),
        });
        return { ok: true, changed: ids.length, users: new Set(rows.map((r) => r.user_id)).size, status } as const;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (!(e instanceof Moved)) throw e;
    const count = reviewCountSql(currentDialect(), filter);
    const [row] = await db().$queryRawUnsafe<{ n: unknown }[]>(count.sql, ...count.params);
    return { ok: false, reason: "changed", matching: Number(row?.n ?? 0) };
  }
}
