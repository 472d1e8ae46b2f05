// Issue 7, "Show it": every page, route handler and server action, as signed out, customer A,
// customer B and an operator, from the one table in e2e/access-table.ts. A route or action the app
// has and the table lacks fails the first test.
import { expect, type BrowserContext } from "@playwright/test";
import { ACTIONS, callAction, discoverActions, discoverPages, discoverRoutes, pageOutcome, PAGES, ROLES, ROUTES, type PageOutcome, type Role } from "./access-table";
import { e2eData, SignInPage, test, watchCsp } from "./fixtures";

test("the access table has a row for every page, route handler and server action of the app", () => {
  expect(discoverPages(), "pages (app/**/page.tsx) without a row in e2e/access-table.ts PAGES, or rows for pages that are gone").toEqual(Object.keys(PAGES).sort());
  expect(discoverRoutes(), "route handlers (app/**/route.ts, per method) vs ROUTES").toEqual(Object.keys(ROUTES).sort());
  expect(discoverActions(), "server actions (lib/actions) vs ACTIONS").toEqual(Object.keys(ACTIONS).sort());
});

test.describe("access matrix", () => {
  // Three real sign-ins, then 7 pages, 8 requests and 5 action calls per role, on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });
  const contexts = new Map<Role, BrowserContext>();

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const d = e2eData();
    const who: Record<Role, { email: string; password: string } | null> = {
      signedOut: null,
      customerA: d.customer,
      customerB: { email: d.other.email, password: d.customer.password },
      operator: d.operator,
    };
    for (const role of ROLES) {
      const ctx = await browser.newContext();
      const creds = who[role];
      if (creds) {
        const page = await ctx.newPage();
        const signIn = new SignInPage(page);
        await signIn.goto();
        await signIn.signIn(creds.email, creds.password);
        await page.close();
      }
      contexts.set(role, ctx);
    }
  });
  test.afterAll(async () => {
    for (const ctx of contexts.values()) await ctx.close();
  });

  for (const role of ROLES) {
    test(`as ${role}: every page, route handler and server action answers as the table says`, async ({ baseURL }) => {
      const d = e2eData();
      const ctx = contexts.get(role)!;

      const page = await watchCsp(ctx).newPage();
      const pages: Record<string, PageOutcome | string> = {};
      for (const [pattern, row] of Object.entries(PAGES)) pages[pattern] = await pageOutcome(page, row.url(d));
      expect(pages, `pages as ${role}`).toEqual(Object.fromEntries(Object.entries(PAGES).map(([k, row]) => [k, row.expect(d)[role]])));
      await page.close();

      const routes: Record<string, number> = {};
      const expectedRoutes: Record<string, number> = {};
      for (const [route, probes] of Object.entries(ROUTES)) {
        for (const p of probes) {
          routes[`${route}: ${p.label}`] = (await p.send(ctx.request, d)).status();
          expectedRoutes[`${route}: ${p.label}`] = p.status[role];
        }
      }
      expect(routes, `route handlers as ${role}`).toEqual(expectedRoutes);

      const actions: Record<string, string> = {};
      for (const [name, row] of Object.entries(ACTIONS)) actions[name] = await callAction(ctx.request, baseURL!, name, row, d);
      expect(actions, `server actions as ${role} (signedOut = stopped before running, denied = wrong role, allowed = reached its input check)`).toEqual(
        Object.fromEntries(Object.entries(ACTIONS).map(([k, row]) => [k, row.expect[role]])),
      );
    });
  }
});
