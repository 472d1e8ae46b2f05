import "server-only";
import { db } from "./client";
import { verifyPassword } from "../auth/password";
import type { Role } from "./actor";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
}

/**
 * Sign-in: the user when the password matches and the account is enabled; null otherwise. Every
 * call costs one password hash, whether the email is known, unknown, without a password or
 * disabled, so the answer's timing does not tell them apart.
 */
export async function verifyCredentials(email: string, password: string): Promise<SignedInUser | null> {
  const u = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  });
  const ok = await verifyPassword(password, u?.passwordHash);
  if (!u || !ok || u.disabledAt) return null;
  return { id: u.id, name: u.name, email: u.email, role: u.role === "operator" ? "operator" : "customer", sessionVersion: u.sessionVersion };
}
