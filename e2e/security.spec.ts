// Issue 7, items 13 and 14, and issue 10's pages: security headers on pages and API answers, a CSP
// that the browser enforces (and that the app's own pages never trip: every spec checks its
// console, e2e/fixtures.ts), 4xx instead of 500, a 404 page with a way back, a local favicon.
import { expect } from "@playwright/test";
import { e2eData, SignInPage, test } from "./fixtures";

const HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

test.describe("security headers and error answers", () => {
  test("pages, API answers and 404s carry the security headers; no HSTS over plain http", async ({ request }) => {
    const { customer } = e2eData();
    for (const url of ["/signin", `/api/users/${customer.id}/profile`, "/api/auth/session", "/no-such-page", "/icon.svg"]) {
      const res = await request.get(url, { maxRedirects: 0 });
      const h = res.headers();
      expect(h, url).toMatchObject(HEADERS);
      expect(h["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(h["strict-transport-security"], url).toBeUndefined();
    }
    // The ingest API is not behind the proxy (which would cut bodies at 10 MB): its headers come
    // from next.config.ts, with a policy that allows nothing.
    const ingest = await request.post("/api/ingest", { data: {} });
    expect(ingest.status()).toBe(401);
    expect(ingest.headers()).toMatchObject({ ...HEADERS, "content-security-policy": "default-src 'none'; frame-ancestors 'none'" });
  });

  test("the session cookie is HttpOnly and SameSite=Lax (Secure only when served over https)", async ({ page }) => {
    const { customer } = e2eData();
    await new SignInPage(page).goto();
    await new SignInPage(page).signIn(customer.email, customer.password);
    const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  });

  test("the browser enforces the policy: injected markup cannot run script", async ({ browser }) => {
    // Its own context: the violations this test provokes are the point, not a failure of the app.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
    await page.goto("/signin");
    // What an HTML injection would add: an inline event handler, then a parser-inserted inline script.
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = 'handler'">`));
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(1);
    await page.evaluate(() => document.write(`<script>window.__injected = "script"</script>`));
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected ?? null)).toBeNull();
    await ctx.close();
  });

  test("4xx, not 500: a foreign-origin server action, a malformed path, GET of the credentials callback", async ({ request, baseURL }) => {
    const action = await request.post("/me", {
      headers: { "next-action": "0".repeat(42), origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(action.status()).toBe(403);
    expect((await request.get("/api/users/%ZZ/profile")).status()).toBe(400);
    const cb = await request.get("/api/auth/callback/credentials", { maxRedirects: 0 });
    expect(cb.status()).toBe(405);
    expect(cb.headers()["allow"]).toBe("POST");
    expect(await cb.text()).not.toMatch(/Error:|not supported|stack/i);
    // The same origin is let through (to the sign-in redirect of a signed-out visitor).
    const same = await request.post("/me", { headers: { "next-action": "0".repeat(42), origin: baseURL! }, data: "[]", maxRedirects: 0 });
    expect(same.status()).toBe(307);
  });

  test("an unknown page is a 404 page with a way back; the favicon is a local SVG and nothing fails to load", async ({ page }) => {
    const failed: string[] = [];
    page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page", level: 1 })).toBeVisible();
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(icon).toMatch(/^\/icon\.svg/);
    const svg = await page.request.get(icon!);
    expect([svg.status(), svg.headers()["content-type"]]).toEqual([200, "image/svg+xml"]);
    await page.getByRole("link", { name: "Go to your start page" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect(failed.filter((f) => !f.includes("/no-such-page"))).toEqual([]);
  });
});
