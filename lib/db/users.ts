import "server-only";
import { db } from "./client";
import { verifyPassword } from "../auth/password";
import type { Role } from "./actor";

/** Sign-in: the user's id and role when the password matches; null otherwise. */
export async function verifyCredentials(email: string, password: string): Promise<{ id: string; name: string; email: string; role: Role } | null> {
  const u = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, u?.passwordHash);
  if (!u || !ok) return null;
  return { id: u.id, name: u.name, email: u.email, role: u.role === "operator" ? "operator" : "customer" };
}
