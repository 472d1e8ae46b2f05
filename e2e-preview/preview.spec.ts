/**
 * A preview deployment, as a stakeholder meets it: the README's demo sign-ins work, a customer sees
 * approved suggestions and their charts, the operator sees the rest waiting and can approve one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

import { UserDetailPage } from "../e2e/fixtures";

interface State {
  users: number;
  pending: number;
  approved: number;
  customerWithApproved: string | null;
  customerWithPending: string | null;
}
const state = () => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../tmp/preview-state-1.json"), "utf8")) as State;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 60_000 });
}

test.describe("preview deployment", () => {
  test.describe.configure({ timeout: 90_000 });

  test("both states are visible: a demo customer sees approved suggestions and charts", async ({ page }) => {
    const s = state();
    expect(s.approved).toBeGreaterThan(0);
    expect(s.pending).toBeGreaterThan(0);
    await signIn(page, s.customerWithApproved!, "customer-demo-password");
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole("region", { name: "Suggested for you" }).getByRole("article").first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Your money at a glance" })).toBeVisible();
  });

  test("the demo operator approves a pending suggestion on a customer's page", async ({ page }) => {
    await signIn(page, "operator@spendsense.local", "operator-demo-password");
    const detail = new UserDetailPage(page);
    await detail.goto(state().customerWithPending!);
    if (!(await detail.firstPending().count())) await detail.windowTab("180 days").click();
    const rec = detail.firstPending();
    const title = await UserDetailPage.title(rec);
    await rec.getByRole("button", { name: "Approve" }).click();
    await expect(UserDetailPage.status(detail.recommendation(title))).toHaveText("Status: approved");
  });
});
