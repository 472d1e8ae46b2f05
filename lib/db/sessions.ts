import "server-only";
import { db } from "./client";
import { assertSelfOrOperator, type Actor } from "./actor";

/** What a session token claims: whose it is and the session version it was issued under. */
export interface SessionClaim {
  id: string;
  sessionVersion: number;
}

/**
 * The actor behind a session token, read on every request: the user must still exist, not be
 * disabled, and carry the token's session version (raised by sign-out, a password change or
 * disabling). The role comes from the database, not the token. Null = the session has ended.
 * The claimant asks about itself, so the claim is the only check.
 */
export async function currentSessionActor(claim: SessionClaim): Promise<Actor | null> {
  const u = await db().user.findUnique({ where: { id: claim.id }, select: { id: true, role: true, sessionVersion: true, disabledAt: true } });
  if (!u || u.disabledAt || u.sessionVersion !== claim.sessionVersion) return null;
  return { id: u.id, role: u.role === "operator" ? "operator" : "customer" };
}

/** Ends every session of `userId` at once (sign-out ends them on every device). The user or an operator. */
export async function endSessions(actor: Actor, userId: string): Promise<void> {
  assertSelfOrOperator(actor, userId);
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
