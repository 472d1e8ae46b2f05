// Items 13 and 14 of issue 7, at the proxy: security headers on every answer (HSTS and
// upgrade-insecure-requests only over https), 400 for a path that is not valid percent-encoding,
// 403 for a cross-site state-changing request, and signed-out visitors sent to sign in.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { config, proxy } from "@/proxy";

const SECRET = "test-secret-proxy";
const req = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(url, "http://127.0.0.1:3104"), { method: init.method ?? "GET", headers: { host: "127.0.0.1:3104", ...init.headers } });

describe("proxy", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
  });
  afterEach(() => {
    delete process.env.NEXTAUTH_URL;
  });

  it("sets the security headers, a fresh nonce each time, and hands the policy to Next on the request", async () => {
    const a = await proxy(req("/signin"));
    const b = await proxy(req("/api/users/u1/profile"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(csp.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    for (const res of [a, b]) {
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
    // Next reads the nonce from the request's policy (x-middleware-request-* carries it upstream).
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("over https: HSTS and upgrade-insecure-requests", async () => {
    process.env.NEXTAUTH_URL = "https://spendsense.example";
    const res = await proxy(req("/signin"));
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("over https the session cookie is __Secure-… with the Secure flag, and the proxy reads only that name", async () => {
    process.env.NEXTAUTH_URL = "https://spendsense.example";
    vi.resetModules();
    const { authOptions } = await import("@/lib/auth/options");
    expect(authOptions.useSecureCookies).toBe(true);
    const token = await encode({ token: { uid: "u1", role: "customer", sv: 0 }, secret: SECRET });
    expect((await proxy(req("/me", { headers: { cookie: `next-auth.session-token=${token}` } }))).status).toBe(307);
    expect((await proxy(req("/me", { headers: { cookie: `__Secure-next-auth.session-token=${token}` } }))).status).toBe(200);
  });

  it("answers 400 for a path that is not valid percent-encoding, with the headers", async () => {
    const res = await proxy(req("/api/users/%ZZ/profile"));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 403 for a state-changing request from another origin; same origin and no Origin pass", async () => {
    const action = { "next-action": "abc123", "content-type": "text/plain;charset=UTF-8" };
    expect((await proxy(req("/me", { method: "POST", headers: { ...action, origin: "https://evil.example" } }))).status).toBe(403);
    expect((await proxy(req("/signin", { method: "POST", headers: { ...action, origin: "null" } }))).status).toBe(403);
    expect((await proxy(req("/signin", { method: "POST", headers: { ...action, origin: "http://127.0.0.1:3104" } }))).status).toBe(200);
    expect((await proxy(req("/api/ingest", { method: "POST", headers: { authorization: "Bearer x" } }))).status).toBe(200);
    expect((await proxy(req("/signin", { headers: { origin: "https://evil.example" } }))).status).toBe(200);
  });

  it("sends signed-out visitors of /operator, /me and /account to sign in; a token lets them through to the page's own check", async () => {
    for (const path of ["/operator", "/operator/users/u1", "/me", "/account"]) {
      const res = await proxy(req(path));
      expect(res.status).toBe(307);
      expect(new URL(res.headers.get("location")!).pathname).toBe("/signin");
      expect(new URL(res.headers.get("location")!).searchParams.get("callbackUrl")).toBe(path);
    }
    const token = await encode({ token: { uid: "u1", role: "customer", sv: 0 }, secret: SECRET });
    expect((await proxy(req("/operator", { headers: { cookie: `next-auth.session-token=${token}` } }))).status).toBe(200);
    expect((await proxy(req("/mea"))).status).toBe(200);
  });

  it("runs on every page and API route but the ingest API (Next would cut its body at 10 MB) and static files", () => {
    const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    for (const url of ["/", "/signin", "/me", "/operator/users/u1", "/api/users/u1/profile", "/api/auth/session", "/session-ended", "/icon.svg", "/api/ingestion"]) expect(runs(url), url).toBe(true);
    for (const url of ["/api/ingest", "/_next/static/chunks/app.js"]) expect(runs(url), url).toBe(false);
  });
});
