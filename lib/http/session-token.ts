/** The actor of a request's session cookie, outside Next's request context (route handlers tested directly). */
import type { Actor } from "../db/actor";
import { parseCookieHeader, sessionTokenFrom } from "../auth/cookie";
import { sessionFromToken } from "../auth/session";

export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const s = await sessionFromToken(sessionTokenFrom(parseCookieHeader(req.headers.get("cookie"))));
  return s.kind === "active" ? s.actor : null;
}
