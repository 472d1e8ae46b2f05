import "server-only";
import { db } from "./client";
import { NotFoundError, type Actor } from "./actor";
import { hashPassword, verifyPassword } from "../auth/password";

/** The current password did not match: nothing changed. */
export class WrongPasswordError extends Error {}

/**
 * A person changes their own password: the current one must match. The new hash (own salt) and a
 * raised session version are written together, so every session of the user, this one included,
 * ends; an audit event records the change (no hash).
 */
export async function changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string, now: Date = new Date()): Promise<void> {
  const p = db();
  const u = await p.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, disabledAt: true } });
  if (!u || u.disabledAt) throw new NotFoundError("no such user");
  if (!(await verifyPassword(currentPassword, u.passwordHash))) throw new WrongPasswordError("current password does not match");
  const passwordHash = await hashPassword(newPassword);
  await p.$transaction([
    p.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } }),
    p.auditEvent.create({ data: { type: "password_changed", actorId: actor.id, subjectId: actor.id, detailsJson: JSON.stringify({ sessions_ended: true }), at: now } }),
  ]);
}
