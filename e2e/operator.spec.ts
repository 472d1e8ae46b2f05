import { expect } from "@playwright/test";
import { e2eData, ReviewQueuePage, SignInPage, test, UserDetailPage, UsersPage } from "./fixtures";

test.describe("operator console", () => {
  test.beforeEach(async ({ page }) => {
    const { operator } = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(operator.email, operator.password);
    await expect(page).toHaveURL(/\/operator$/);
  });

  test("sees users, personas with reasons and a trace, approves a recommendation", async ({ page }) => {
    const { customer } = e2eData();
    const users = new UsersPage(page);
    await expect(users.heading()).toBeVisible();
    await expect(users.table().getByRole("row").filter({ hasText: customer.email })).toBeVisible();
    await users.search(customer.email);
    await users.openUser(customer.name);

    const detail = new UserDetailPage(page);
    await expect(detail.windowTab("30 days")).toHaveAttribute("aria-current", "page");
    // Personas with their reasons.
    const matched = detail.matchedPersonas("30d");
    await expect(matched.getByRole("listitem").first()).toBeVisible();
    await expect(matched.locator("code").first()).toHaveText(/^[A-Z0-9_]+$/);

    // A recommendation's decision trace.
    const rec = detail.firstPending();
    const title = await UserDetailPage.title(rec);
    const card = detail.recommendation(title);
    await card.getByText("Decision trace").click();
    await expect(card.getByRole("region", { name: "Score" })).toBeVisible();
    await expect(card.getByRole("region", { name: "Signals used" })).toBeVisible();
    await expect(card.getByRole("region", { name: "Guardrail results" })).toContainText("passed");
    await expect(card.getByRole("region", { name: "Persona reasons" })).toBeVisible();

    // Approve: the status changes from pending to approved, and the audit records it.
    await expect(UserDetailPage.status(card)).toHaveText("Status: pending");
    await card.getByRole("textbox", { name: "Note (optional)" }).fill("Looks right for this customer");
    await UserDetailPage.approve(card);
    await expect(UserDetailPage.status(card)).toHaveText("Status: approved");
    const audit = page.getByRole("region", { name: "Operator actions" });
    await expect(audit.getByRole("listitem").filter({ hasText: "Looks right for this customer" })).toBeVisible();

    // The 180-day window has its own link; the 30-day window's panels are no longer on the page.
    await detail.windowTab("180 days").click();
    await expect(page).toHaveURL(/[?&]window=180d/);
    await expect(detail.windowTab("180 days")).toHaveAttribute("aria-current", "page");
    await expect(detail.matchedPersonas("180d")).toBeVisible();
    await expect(detail.matchedPersonas("30d")).toHaveCount(0);
  });

  test("review queue decides inline and the item leaves the pending list", async ({ page }) => {
    const queue = new ReviewQueuePage(page);
    await queue.goto();
    await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
    const first = queue.items().first();
    // Titles repeat across customers: follow this one item by its element id.
    const itemId = await first.getAttribute("aria-labelledby");
    expect(itemId).toBeTruthy();
    const item = page.locator(`article[aria-labelledby="${itemId}"]`);
    await first.getByRole("button", { name: "Flag" }).click();
    await expect(item).toHaveCount(0);
    await page.getByRole("link", { name: "flagged" }).click();
    await expect(page).toHaveURL(/status=flagged/);
    await expect(item.getByText("flagged", { exact: true })).toBeVisible();
  });
});
