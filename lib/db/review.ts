import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import { assertOperator, NotFoundError, type Actor } from "./actor";
import { PERSONA_PRIORITY } from "../core/personas";

export type Decision = "approve" | "reject" | "flag";
const STATUS: Record<Decision, string> = { approve: "approved", reject: "rejected", flag: "flagged" };

/**
 * Approve, reject or flag a recommendation; every decision is an OperatorAction that says what was
 * decided (item id, title, window, as-of) and the status before and after.
 */
export async function decideRecommendation(actor: Actor, recommendationId: string, decision: Decision, note?: string, now: Date = new Date()) {
  assertOperator(actor);
  return db().$transaction(async (tx) => {
    const rec = await tx.recommendation.findUnique({
      where: { id: recommendationId },
      select: { id: true, userId: true, status: true, itemId: true, title: true, window: true, asOf: true },
    });
    if (!rec) throw new NotFoundError("no such recommendation");
    const status = STATUS[decision];
    await tx.recommendation.update({ where: { id: rec.id }, data: { status, updatedAt: now } });
    const item = { item_id: rec.itemId, title: rec.title, window: rec.window, as_of: rec.asOf };
    await tx.operatorAction.create({
      data: {
        id: randomUUID(), operatorId: actor.id, userId: rec.userId, recommendationId: rec.id, action: decision, note: note || null,
        beforeJson: JSON.stringify({ ...item, status: rec.status }), afterJson: JSON.stringify({ ...item, status }), at: now,
      },
    });
    return { id: rec.id, userId: rec.userId, itemId: rec.itemId, status };
  });
}

/** Override the primary persona of a user's window (null = no persona); recorded with the reason. */
export async function overridePersona(actor: Actor, userId: string, window: "30d" | "180d", asOf: string, primary: string | null, note: string, now: Date = new Date()) {
  assertOperator(actor);
  if (primary !== null && !(PERSONA_PRIORITY as readonly string[]).includes(primary)) throw new Error(`unknown persona "${primary}"`);
  return db().$transaction(async (tx) => {
    const pa = await tx.personaAssignment.findUnique({ where: { userId_window_asOf: { userId, window, asOf } }, select: { id: true, primary: true } });
    if (!pa) throw new NotFoundError("no persona assignment for that window and date");
    await tx.personaAssignment.update({ where: { id: pa.id }, data: { primary, overriddenBy: actor.id } });
    await tx.operatorAction.create({
      data: {
        id: randomUUID(), operatorId: actor.id, userId, action: "override", note,
        beforeJson: JSON.stringify({ window, as_of: asOf, primary: pa.primary }), afterJson: JSON.stringify({ window, as_of: asOf, primary }), at: now,
      },
    });
    return { window, primary };
  });
}
