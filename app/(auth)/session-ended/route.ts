/**
 * GET /session-ended: where a page sends a browser whose session cookie no longer holds a live
 * session (signed out elsewhere, password changed, account disabled or deleted). Clears that
 * cookie and goes to the sign-in page, which says the session ended. A live session is left alone
 * (so a link here cannot sign anyone out) and goes back to where it came from.
 */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { servedOverHttps, sessionCookieNames } from "@/lib/auth/cookie";
import { safeCallbackPath, sessionFromCookies } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const back = safeCallbackPath(req.nextUrl.searchParams.get("callbackUrl"));
  const s = await sessionFromCookies();
  if (s.kind === "active") redirect(back);
  const jar = await cookies();
  for (const name of sessionCookieNames(jar.getAll().map((c) => c.name))) {
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: servedOverHttps() });
  }
  redirect(`/signin?${new URLSearchParams({ callbackUrl: back, ...(s.kind === "ended" ? { ended: "1" } : {}) })}`);
}
