import { expect, test } from "@playwright/test";
import { e2eData, SignInPage } from "./fixtures";

test.describe("access control", () => {
  test("signed out: /operator and /me ask to sign in; the profile API answers 401", async ({ page, request }) => {
    const { customer } = e2eData();
    await page.goto("/operator");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/signin/);
    const res = await request.get(`/api/users/${encodeURIComponent(customer.id)}/profile`);
    expect(res.status()).toBe(401);
  });

  test("a customer cannot open /operator nor read another customer's profile", async ({ page }) => {
    const { customer, other } = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(customer.email, customer.password);
    await expect(page).toHaveURL(/\/me$/);

    await page.goto("/operator");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/operator/review");
    await expect(page).toHaveURL(/\/signin/);

    const own = await page.request.get(`/api/users/${encodeURIComponent(customer.id)}/profile`);
    expect(own.status()).toBe(200);
    const body = await own.json();
    expect(body.user_id).toBe(customer.id);
    for (const w of ["30d", "180d"]) {
      for (const r of body.windows[w].recommendations) {
        expect(r.status).toBe("approved");
        expect(r.trace).toBeUndefined();
      }
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
