import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import { assertOperator, NotFoundError, type Actor } from "./actor";

/** Operators: whether a customer's account is disabled, and since when. */
export async function customerAccess(actor: Actor, userId: string): Promise<{ disabledAt: Date | null }> {
  assertOperator(actor);
  const u = await db().user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!u || u.role !== "customer") throw new NotFoundError("no such customer");
  return { disabledAt: u.disabledAt };
}

/**
 * Operators: disable a customer's account (no sign-in; every session ends at once, as the session
 * version is raised in the same write) or enable it again. Recorded as an operator action
 * ("disable" / "enable") with the note. Operators' own accounts are not disabled here.
 */
export async function setCustomerDisabled(actor: Actor, userId: string, disabled: boolean, note: string | undefined, now: Date = new Date()): Promise<{ changed: boolean }> {
  assertOperator(actor);
  return db().$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
    if (!u || u.role !== "customer") throw new NotFoundError("no such customer");
    if ((u.disabledAt !== null) === disabled) return { changed: false };
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: now, sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    await tx.operatorAction.create({
      data: {
        id: randomUUID(), operatorId: actor.id, userId, action: disabled ? "disable" : "enable", note: note || null,
        beforeJson: JSON.stringify({ disabled: !disabled }), afterJson: JSON.stringify({ disabled }), at: now,
      },
    });
    return { changed: true };
  });
}
