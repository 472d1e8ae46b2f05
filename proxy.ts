// Next 16's proxy (formerly middleware), in front of every page and API route:
// 1. answers malformed paths (400) and cross-site state-changing requests (403) itself;
// 2. keeps signed-out visitors off /operator, /me and /account (the token only; pages, route
//    handlers and actions check the session against the database again, lib/auth/session.ts);
// 3. sets the security headers (lib/http/security-headers.ts), with a fresh CSP nonce that Next
//    reads from the request's Content-Security-Policy header and puts on its scripts.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { servedOverHttps, sessionCookieName } from "./lib/auth/cookie";
import { newNonce, securityHeaders } from "./lib/http/security-headers";
import { foreignOrigin, malformedPath } from "./lib/http/request-checks";
import { PLAID_HOSTS, plaidConfig } from "./lib/plaid/config";

/** Paths that need a session token; everything else is public or checks for itself. */
const SIGNED_IN_PREFIXES = ["/operator", "/me", "/account"];

function needsSession(pathname: string): boolean {
  return SIGNED_IN_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

function problem(status: number, title: string, detail: string): NextResponse {
  return NextResponse.json({ type: "about:blank", title, status, detail }, { status, headers: { "content-type": "application/problem+json" } });
}

async function route(req: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  const { pathname } = req.nextUrl;
  if (malformedPath(pathname)) return problem(400, "Bad Request", "The path is not valid percent-encoding.");
  if (foreignOrigin(req.method, req.headers)) return problem(403, "Forbidden", "Cross-site requests are not accepted.");
  if (needsSession(pathname)) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET, cookieName: sessionCookieName(), secureCookie: servedOverHttps() });
    if (!token) {
      const signin = new URL("/signin", req.url);
      signin.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
      return NextResponse.redirect(signin);
    }
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const plaid = plaidConfig();
  const headers = securityHeaders({ nonce: newNonce(), https: servedOverHttps(), dev: process.env.NODE_ENV === "development", plaidHost: plaid && PLAID_HOSTS[plaid.env] });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  const res = await route(req, requestHeaders);
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

// Not on static files, and not on POST /api/ingest: Next buffers the body of every request the proxy
// sees and cuts it at 10 MB (experimental.proxyClientMaxBodySize), below INGEST_MAX_BYTES; the
// ingest API gets its headers from next.config.ts and authorizes itself.
export const config = { matcher: ["/((?!_next/static|_next/image|api/ingest$).*)"] };
