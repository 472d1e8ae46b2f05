// Issue 7, items 9, 10 and 14: sign-out, a password change and disabling end every session of the
// user at once (the old cookie can neither read nor act anywhere); repeated wrong passwords lock the
// account; a session whose user was deleted is signed out and sent to sign in.
import { execFileSync } from "node:child_process";
import { expect, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { ACCOUNT_FREE_FAILURES } from "../lib/auth/rate-limit";
import { ACTIONS, callAction, pageOutcome, PAGES, ROUTES } from "./access-table";
import { e2eData, MePage, SignInPage, signedInPage, test, UserDetailPage, watchCsp, type E2EData } from "./fixtures";

const SESSION_COOKIE = "next-auth.session-token";
const PASSWORD = () => e2eData().customer.password;

async function sessionCookies(ctx: BrowserContext): Promise<Cookie[]> {
  return (await ctx.cookies()).filter((c) => c.name.startsWith(SESSION_COOKIE));
}

/** The page of a session that has ended: the next page opened lands on sign-in, which says so, and the cookie is gone. */
async function expectEnded(page: Page) {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin\?.*ended=1/);
  await expect(page.getByRole("status")).toHaveText("Your session has ended. Please sign in again.");
  expect(await sessionCookies(page.context())).toEqual([]);
}

/** Every row of the access table, with a stale session cookie: it must get what a signed-out visitor gets. */
async function expectStaleCookieGetsNothing(ctx: BrowserContext, stale: Cookie[], d: E2EData, baseURL: string) {
  const page = await ctx.newPage();
  for (const [pattern, row] of Object.entries(PAGES)) {
    await ctx.addCookies(stale);
    expect(await pageOutcome(page, row.url(d)), `page ${pattern}`).toEqual(row.expect(d).signedOut);
  }
  for (const [route, probes] of Object.entries(ROUTES)) {
    for (const p of probes) {
      await ctx.addCookies(stale);
      expect((await p.send(ctx.request, d)).status(), `${route}: ${p.label}`).toBe(p.status.signedOut);
    }
  }
  for (const [name, row] of Object.entries(ACTIONS)) {
    await ctx.addCookies(stale);
    expect(await callAction(ctx.request, baseURL, name, row, d), `action ${name}`).toBe(row.expect.signedOut);
  }
  await page.close();
}

test.describe("sessions end at once", () => {
  // Each test drives two or three signed-in browsers on a shared 2-core machine.
  test.describe.configure({ timeout: 90_000 });

  test("sign-out ends the session on every device; the old cookie reads and acts nowhere", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const d = e2eData();
    const spare = d.spares[0];
    const laptop = await signedInPage(browser, spare.email, PASSWORD());
    const phone = await signedInPage(browser, spare.email, PASSWORD());
    const stale = await sessionCookies(phone.context());
    expect(stale.length).toBeGreaterThan(0);
    const profile = `/api/users/${spare.id}/profile`;
    expect((await phone.request.get(profile)).status()).toBe(200);

    await laptop.getByRole("button", { name: "Sign out" }).click();
    await expect(laptop).toHaveURL(/\/signin/);
    // The phone still holds its cookie, and it no longer works.
    expect((await phone.request.get(profile)).status()).toBe(401);
    await expectEnded(phone);

    const ctx = watchCsp(await browser.newContext());
    await expectStaleCookieGetsNothing(ctx, stale, d, baseURL!);
    for (const c of [ctx, laptop.context(), phone.context()]) await c.close();
  });

  test("changing the password ends every session, this one too; the new password signs in, the old one does not", async ({ browser }) => {
    const spare = e2eData().spares[1];
    const other = await signedInPage(browser, spare.email, PASSWORD());
    const page = await signedInPage(browser, spare.email, PASSWORD(), { address: "198.51.100.21" });
    await page.getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill(PASSWORD());
    await form.getByLabel("New password (at least 12 characters)").fill("a-new-password-for-e2e");
    await form.getByLabel("Repeat the new password").fill("a-new-password-for-e2e");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText("Password changed");

    await expectEnded(other);
    await page.getByRole("link", { name: "Sign in again" }).click();
    await expect(page).toHaveURL(/\/signin\?.*ended=1/);
    await page.getByLabel("Email").fill(spare.email);
    await page.getByLabel("Password").fill(PASSWORD());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await new SignInPage(page).signIn(spare.email, "a-new-password-for-e2e");
    await expect(page).toHaveURL(/\/me$/);
    for (const p of [other, page]) await p.context().close();
  });

  test("an operator disabling a customer ends their sessions and stops sign-in; enabling lets them back", async ({ browser }) => {
    const d = e2eData();
    const spare = d.spares[2];
    const customer = await signedInPage(browser, spare.email, PASSWORD(), { address: "198.51.100.22" });
    await new MePage(customer).goto();
    await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Hi, Spare");

    const operator = await signedInPage(browser, d.operator.email, d.operator.password);
    await new UserDetailPage(operator).goto(spare.id);
    const access = operator.getByRole("region", { name: "Account access" });
    await access.getByRole("textbox", { name: "Note (optional)" }).fill("customer asked us to lock it");
    await access.getByRole("button", { name: "Disable account" }).click();
    await expect(access.getByRole("status")).toHaveText("Account disabled; their sessions have ended.");
    await expect(operator.getByText("account disabled", { exact: true })).toBeVisible();
    await expect(operator.getByRole("region", { name: "Operator actions" }).getByText("customer asked us to lock it")).toBeVisible();

    await expectEnded(customer);
    await customer.getByLabel("Email").fill(spare.email);
    await customer.getByLabel("Password").fill(PASSWORD());
    await customer.getByRole("button", { name: "Sign in" }).click();
    await expect(customer.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");

    await access.getByRole("button", { name: "Enable account" }).click();
    await expect(access.getByRole("status")).toHaveText("Account enabled.");
    await new SignInPage(customer).signIn(spare.email, PASSWORD());
    await expect(customer).toHaveURL(/\/me$/);
    for (const p of [customer, operator]) await p.context().close();
  });

  test("/me for a session whose user was deleted signs out and goes to sign-in (no 500)", async ({ browser }) => {
    const d = e2eData();
    const spare = d.spares[3];
    const page = await signedInPage(browser, spare.email, PASSWORD());
    execFileSync("npx", ["tsx", "--conditions=react-server", "e2e/setup-data.mts", "delete-user", spare.id], { env: { ...process.env, DATABASE_URL: d.databaseUrl }, stdio: "ignore" });
    await expectEnded(page);
    await page.context().close();
  });

  test("repeated wrong passwords lock the account: then even the right one is refused for a while", async ({ browser }) => {
    const spare = e2eData().spares[4];
    const ctx = watchCsp(await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.23" } }));
    const page = await ctx.newPage();
    await new SignInPage(page).goto();
    const alert = page.getByRole("main").getByRole("alert");
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(spare.email);
      await page.getByLabel("Password").fill(password);
      const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
    };
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) {
      await attempt(`wrong-${i}`);
      await expect(alert).toHaveText("Email or password is incorrect.");
    }
    await attempt(PASSWORD());
    await expect(alert).toHaveText("Too many sign-in attempts. Please wait a minute and try again.");
    await expect(page).toHaveURL(/\/signin/);
    await ctx.close();
  });
});
