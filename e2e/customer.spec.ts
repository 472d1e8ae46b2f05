import { expect } from "@playwright/test";
import { DISCLOSURE } from "../lib/core/guardrails/constants";
import { e2eData, MePage, SignInPage, signedInPage, test, UserDetailPage } from "./fixtures";

test.describe("customer dashboard", () => {
  let approvedTitle = "";
  let pendingTitle = "";

  test.beforeAll(async ({ browser }) => {
    // An operator approves one of this customer's recommendations; another stays pending.
    const { operator, customer } = e2eData();
    const page = await signedInPage(browser, operator.email, operator.password);
    const detail = new UserDetailPage(page);
    await detail.goto(customer.id);
    const rec = detail.firstPending();
    approvedTitle = await UserDetailPage.title(rec);
    const card = detail.recommendation(approvedTitle);
    await UserDetailPage.approve(card);
    await expect(UserDetailPage.status(card)).toHaveText("Status: approved");
    const other = detail.firstPending();
    pendingTitle = await UserDetailPage.title(other);
    expect(pendingTitle).not.toBe(approvedTitle);
    await page.context().close();
  });

  test("sees only approved recommendations with the disclosure; revokes and opts in again", async ({ page }) => {
    const { customer } = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(customer.email, customer.password);
    await expect(page).toHaveURL(/\/me$/);

    const me = new MePage(page);
    await expect(me.consentSwitch()).toBeChecked();
    await expect(me.insights().getByRole("listitem").first()).toBeVisible();
    const approved = me.recommendation(approvedTitle);
    await expect(approved).toBeVisible();
    await expect(approved).toContainText("Why you're seeing this");
    await expect(approved.getByText(DISCLOSURE, { exact: true })).toBeVisible();
    await expect(me.recommendation(pendingTitle)).toHaveCount(0);

    // No shaming or operator jargon on the page.
    const text = await page.getByRole("main").innerText();
    expect(text).not.toMatch(/irresponsib|reckless|wasteful|high_utilization|\bpersonas?\b/i);

    // Revoke: insights and recommendations disappear, only the opt-in explanation remains.
    await me.revoke();
    await expect(me.insights()).toHaveCount(0);
    await expect(me.suggestions()).toHaveCount(0);
    await expect(me.optInExplanation()).toBeVisible();
    await page.reload();
    await expect(me.consentSwitch()).not.toBeChecked();
    await expect(me.insights()).toHaveCount(0);

    // Opt in again: insights are recomputed for the current as-of date.
    await me.optIn();
    await expect(me.optInExplanation()).toHaveCount(0);
    await expect(me.insights().getByRole("listitem").first()).toBeVisible();
    // Earlier approvals were deleted with the derived data; new suggestions wait for review.
    await expect(me.recommendation(approvedTitle)).toHaveCount(0);
  });
});
