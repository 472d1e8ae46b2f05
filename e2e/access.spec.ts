import { expect } from "@playwright/test";
import { e2eData, SignInPage, signedInPage, test, UserDetailPage } from "./fixtures";

test.describe("access control", () => {
  test.beforeAll(async ({ browser }) => {
    // One of customer A's recommendations approved, so their profile has something a customer may see.
    const { operator, customer } = e2eData();
    const page = await signedInPage(browser, operator.email, operator.password);
    const detail = new UserDetailPage(page);
    await detail.goto(customer.id);
    const card = detail.recommendation(await UserDetailPage.title(detail.firstPending()));
    await UserDetailPage.approve(card);
    await expect(UserDetailPage.status(card)).toHaveText("Status: approved");
    await page.context().close();
  });

  test("signed out: /operator and /me ask to sign in; the profile API answers 401", async ({ page, request }) => {
    const { customer } = e2eData();
    await page.goto("/operator");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/signin/);
    const res = await request.get(`/api/users/${encodeURIComponent(customer.id)}/profile`);
    expect(res.status()).toBe(401);
  });

  test("a customer opening /operator gets a 403 page with a way back, and cannot read another customer's profile", async ({ page }) => {
    const { customer, other } = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(customer.email, customer.password);
    await expect(page).toHaveURL(/\/me$/);

    for (const path of ["/operator", "/operator/review"]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { name: "This page is not available to you", level: 1 })).toBeVisible();
    }
    await page.getByRole("link", { name: "Go to your start page" }).click();
    await expect(page).toHaveURL(/\/me$/);

    const own = await page.request.get(`/api/users/${encodeURIComponent(customer.id)}/profile`);
    expect(own.status()).toBe(200);
    const body = await own.json();
    expect(body.user_id).toBe(customer.id);
    const shown = ["30d", "180d"].flatMap((w) => body.windows[w].recommendations as { status: string; trace?: unknown }[]);
    // The approval above is there; nothing pending, and no decision trace, reaches a customer.
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) {
      expect(r.status).toBe("approved");
      expect(r.trace).toBeUndefined();
    }

    const theirs = await page.request.get(`/api/users/${encodeURIComponent(other.id)}/profile`);
    expect(theirs.status()).toBe(403);
  });

  test("an operator visiting /me is sent to the console; unknown profile is 404", async ({ page }) => {
    const { operator } = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(operator.email, operator.password);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/operator$/);
    const res = await page.request.get("/api/users/no-such-user/profile");
    expect(res.status()).toBe(404);
  });
});
