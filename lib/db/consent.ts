import "server-only";
import { db } from "./client";
import { assertSelfOrOperator, NotFoundError, type Actor } from "./actor";

/** What an operator action's record says after its subject revoked consent. */
export const REDACTED = JSON.stringify({ redacted: "consent_revoked" });

export interface ConsentChange {
  granted: boolean;
  changed: boolean;
  /** On revocation: how many derived records were deleted (kept in the audit, without their content). */
  deleted?: { signal_snapshots: number; persona_assignments: number; recommendations: number; chat_turns: number; suggestion_feedback: number; operator_actions_redacted: number };
}

/**
 * Grants or revokes a customer's consent (the customer, or an operator on their behalf). Every
 * change is a ConsentEvent with its time and source. Revoking deletes, in the same transaction,
 * everything derived from the user's data (signals, personas, recommendations with their traces,
 * chat conversations, feedback on suggestions)
 * and leaves an AuditEvent that they existed, with counts only. Re-granting is followed by a
 * recompute by the caller (see lib/actions or the pipeline).
 */
export async function setConsent(actor: Actor, userId: string, granted: boolean, now: Date = new Date()): Promise<ConsentChange> {
  assertSelfOrOperator(actor, userId);
  const source = actor.id === userId ? "customer" : "operator";
  return db().$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: { role: true, consentGranted: true } });
    if (!u || u.role !== "customer") throw new NotFoundError("no such customer");
    if (u.consentGranted === granted) return { granted, changed: false };
    await tx.consentEvent.create({ data: { userId, granted, source, actorId: actor.id, at: now } });
    await tx.user.update({ where: { id: userId }, data: { consentGranted: granted, consentAt: now } });
    if (granted) return { granted, changed: true };
    // Feedback first: deleting the recommendations would only unlink it (SET NULL).
    const fb = await tx.suggestionFeedback.deleteMany({ where: { userId } });
    const [s, pa, r, chat] = await Promise.all([
      tx.signalSnapshot.deleteMany({ where: { userId } }),
      tx.personaAssignment.deleteMany({ where: { userId } }),
      tx.recommendation.deleteMany({ where: { userId } }),
      tx.chatTurn.deleteMany({ where: { userId } }),
    ]);
    // The operators' log keeps the fact and time of each action on this user, not what it was about.
    const redacted = await tx.operatorAction.updateMany({ where: { userId }, data: { note: null, beforeJson: null, afterJson: REDACTED } });
    const deleted = { signal_snapshots: s.count, persona_assignments: pa.count, recommendations: r.count, chat_turns: chat.count, suggestion_feedback: fb.count, operator_actions_redacted: redacted.count };
    await tx.auditEvent.create({
      data: { type: "consent_revoked_derived_data_deleted", actorId: actor.id, subjectId: userId, detailsJson: JSON.stringify({ source, deleted }), at: now },
    });
    return { granted, changed: true, deleted };
  });
}
