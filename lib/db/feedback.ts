/**
 * Customers' feedback on the suggestions they were shown: one verdict per suggestion (sending it
 * again replaces it), read back by the customer's dashboard and by operators.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import { assertOperator, ForbiddenError, NotFoundError, type Actor } from "./actor";
import type { FeedbackInput } from "../core/me/suggestion";
import type { FeedbackView } from "../types/views";

/**
 * Stores a customer's verdict on one of their own approved suggestions. Only the customer gives
 * feedback (an operator may not speak for them); a suggestion that is not theirs or not shown to
 * them is "not found" (its existence is not revealed).
 */
export async function recordFeedback(actor: Actor, input: FeedbackInput, now: Date = new Date()): Promise<FeedbackView> {
  if (actor.role !== "customer") throw new ForbiddenError("only the customer gives feedback on their suggestions");
  return db().$transaction(async (tx) => {
    const rec = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: { id: true, userId: true, status: true, itemId: true, title: true, window: true } });
    if (!rec || rec.userId !== actor.id || rec.status !== "approved") throw new NotFoundError("no such suggestion");
    const data = { helpful: input.helpful, note: input.note, updatedAt: now };
    const row = await tx.suggestionFeedback.upsert({
      where: { recommendationId: rec.id },
      create: { id: randomUUID(), userId: rec.userId, recommendationId: rec.id, itemId: rec.itemId, title: rec.title, window: rec.window, ...data, createdAt: now },
      update: data,
    });
    return toView(row);
  });
}

/** Operators: a customer's feedback, newest first. */
export async function listFeedback(actor: Actor, userId: string): Promise<FeedbackView[]> {
  assertOperator(actor);
  const rows = await db().suggestionFeedback.findMany({ where: { userId }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }] });
  return rows.map(toView);
}

function toView(r: { id: string; recommendationId: string | null; itemId: string; title: string; window: string; helpful: boolean; note: string | null; updatedAt: Date }): FeedbackView {
  return { id: r.id, recommendationId: r.recommendationId, itemId: r.itemId, title: r.title, window: r.window, helpful: r.helpful, note: r.note, at: r.updatedAt.toISOString() };
}
