import { expect } from "@playwright/test";
import { e2eData, signedInPage, test } from "./fixtures";

// The e2e server runs without PLAID_CLIENT_ID, PLAID_SECRET and PLAID_ENV: nothing of the live Plaid
// connection shows (tests/plaid-live.test.ts covers it configured, against a local Plaid).
test.describe.configure({ timeout: 90_000 }); // a sign-in and a dashboard on a shared machine

test("without the Plaid variables /me has no Connect a bank, no Plaid in its policy, no request to Plaid", async ({ browser }) => {
  const { customer } = e2eData();
  const page = await signedInPage(browser, customer.email, customer.password);
  const plaidRequests: string[] = [];
  page.on("request", (r) => {
    if (/plaid\.com/.test(r.url())) plaidRequests.push(r.url());
  });
  const res = await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(res?.headers()["content-security-policy"]).not.toMatch(/plaid/);
  await expect(page.getByRole("button", { name: "Connect a bank" })).toHaveCount(0);
  expect(plaidRequests).toEqual([]);
  const hook = await page.request.post("/api/plaid/webhook", { data: { webhook_type: "TRANSACTIONS", webhook_code: "SYNC_UPDATES_AVAILABLE", item_id: "x" } });
  expect(hook.status()).toBe(404);
});
