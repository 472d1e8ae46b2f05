/**
 * Who is asking, checked on every request. The session token (next-auth's JWT cookie) names a user
 * and the session version it was issued under; the database must still hold that user, enabled,
 * at that version (lib/db/sessions.ts). Raising the version (sign-out, password change, disabling)
 * ends every session of the user at once, wherever its cookie is. The proxy only sees the token;
 * pages, route handlers and server actions all come through here.
 */
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode, type JWT } from "next-auth/jwt";
import type { Actor, Role } from "../db/actor";
import { currentSessionActor, type SessionClaim } from "../db/sessions";
import { sessionTokenFrom } from "./cookie";

/** No session cookie; a cookie whose session has ended (or that cannot be read); a live session. */
export type SessionState = { kind: "none" } | { kind: "ended" } | { kind: "active"; actor: Actor };

/** The claim a decoded token carries (uid, sv), or null when it carries none. */
export function claimOf(token: JWT | null): SessionClaim | null {
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  return { id: token.uid, sessionVersion: token.sv };
}

export async function sessionFromToken(token: string | null): Promise<SessionState> {
  if (!token) return { kind: "none" };
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return { kind: "ended" };
  let claim: SessionClaim | null;
  try {
    claim = claimOf(await decode({ token, secret }));
  } catch {
    return { kind: "ended" };
  }
  const actor = claim ? await currentSessionActor(claim) : null;
  return actor ? { kind: "active", actor } : { kind: "ended" };
}

/** The session of the current request (server components, actions, route handlers); once per request. */
export const sessionFromCookies = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  return sessionFromToken(sessionTokenFrom({ get: (name) => jar.get(name)?.value }));
});

/** The signed-in actor of the current request; null when signed out or the session has ended. */
export async function currentActor(): Promise<Actor | null> {
  const s = await sessionFromCookies();
  return s.kind === "active" ? s.actor : null;
}

/** A same-site path to come back to after signing in (anything else becomes "/"). */
export function safeCallbackPath(raw: string | null | undefined): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\") ? raw : "/";
}

/**
 * For pages: the actor, when they hold one of `roles`. Signed out → the sign-in page; a session
 * that has ended → /session-ended (clears the cookie, then sign-in); the wrong role → 403 page.
 */
export async function pageActor(roles: Role[], callbackPath: string): Promise<Actor> {
  const s = await sessionFromCookies();
  const back = encodeURIComponent(safeCallbackPath(callbackPath));
  if (s.kind === "none") redirect(`/signin?callbackUrl=${back}`);
  if (s.kind === "ended") redirect(`/session-ended?callbackUrl=${back}`);
  if (!(roles as string[]).includes(s.actor.role)) forbidden();
  return s.actor;
}
