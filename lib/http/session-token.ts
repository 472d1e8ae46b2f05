/** Reads the next-auth session (JWT) from a request's cookies, outside Next's request context. */
import { decode } from "next-auth/jwt";
import type { Actor } from "../db/actor";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function cookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return out;
}

export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const jar = cookies(req.headers.get("cookie"));
  for (const name of COOKIE_NAMES) {
    // next-auth splits large tokens into name.0, name.1, ...
    let token = jar.get(name);
    if (!token && jar.has(`${name}.0`)) {
      token = "";
      for (let i = 0; jar.has(`${name}.${i}`); i++) token += jar.get(`${name}.${i}`);
    }
    if (!token) continue;
    try {
      const t = await decode({ token, secret });
      if (t?.uid) return { id: String(t.uid), role: t.role === "operator" ? "operator" : "customer" };
    } catch {
      return null;
    }
  }
  return null;
}
