import { expect, type Page } from "@playwright/test";
import { DISCLOSURE } from "../lib/core/guardrails/constants";
import { emergencyFundPlan } from "../lib/core/me/calculators";
import { emergencyFundSentences } from "../lib/core/me/copy";
import { AskPanel, e2eData, MePage, signedInPage, test, UserDetailPage } from "./fixtures";

async function signInAsCustomer(page: Page) {
  const { customer } = e2eData();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill(customer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/, { timeout: 30_000 });
}

/** The operator approves the first pending item of a kind on customer A's page; returns its title (or null if none). */
async function approveFirst(page: Page, kind: "education" | "offer"): Promise<string | null> {
  const detail = new UserDetailPage(page);
  const rec = detail
    .recommendations()
    .filter({ has: page.getByText("Status: pending") })
    .filter({ has: page.getByText(kind, { exact: true }) })
    .first();
  if (!(await rec.count())) return null;
  const title = await UserDetailPage.title(rec);
  const card = detail.recommendation(title);
  await UserDetailPage.approve(card);
  await expect(UserDetailPage.status(card)).toHaveText("Status: approved");
  return title;
}

test.describe("customer dashboard: suggestions open and take feedback", () => {
  // Two or three sign-ins each on a shared machine.
  test.describe.configure({ timeout: 90_000 });
  let education = "";
  let offer: string | null = null;

  test.beforeAll(async ({ browser }, info) => {
    // Two sign-ins and two approvals: a hook's default 30 s is short on a loaded machine.
    info.setTimeout(90_000);
    const { operator, customer } = e2eData();
    const page = await signedInPage(browser, operator.email, operator.password);
    await new UserDetailPage(page).goto(customer.id);
    education = (await approveFirst(page, "education")) ?? "";
    offer = await approveFirst(page, "offer");
    expect(education).not.toBe("");
    await page.context().close();
  });

  test("an education suggestion opens with its full text, rationale and disclosure; an offer shows why it fits", async ({ page }) => {
    await signInAsCustomer(page);
    const me = new MePage(page);
    await me.recommendation(education).getByRole("button", { name: `Read it: ${education}` }).click();
    const dialog = page.getByRole("dialog", { name: education });
    await expect(dialog).toBeVisible();
    // The catalog body: more than the one-line rationale.
    expect(await dialog.locator("p").count()).toBeGreaterThanOrEqual(4);
    await expect(dialog.getByRole("region", { name: "Why you're seeing this" })).toBeVisible();
    await expect(dialog.getByText(DISCLOSURE, { exact: true })).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toHaveCount(0);

    if (offer) {
      await me.recommendation(offer).getByRole("button", { name: `See why it fits: ${offer}` }).click();
      const od = page.getByRole("dialog", { name: offer });
      const fits = od.getByRole("region", { name: "Why it fits" });
      await expect(fits.getByRole("listitem").first()).toBeVisible();
      const text = await od.innerText();
      expect(text).not.toMatch(/payout|NOT_PREDATORY|MIN_MONTHLY_INCOME|[A-Z]{3,}_[A-Z]{3,}/);
      await page.keyboard.press("Escape");
      await expect(od).toHaveCount(0);
    }
  });

  test("\"Explain this\" streams an explanation of that suggestion from the chat route into the dialog", async ({ page }) => {
    await signInAsCustomer(page);
    await new MePage(page).recommendation(education).getByRole("button", { name: `Read it: ${education}` }).click();
    const dialog = page.getByRole("dialog", { name: education });
    const streamed = page.waitForResponse((r) => r.url().endsWith("/api/chat") && r.request().method() === "POST");
    await dialog.getByRole("button", { name: "Explain this" }).click();
    const res = await streamed;
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/event-stream");
    const explanation = dialog.getByRole("region", { name: "Explanation" });
    // The local provider's grounded answer about this one suggestion (lib/core/chat/templates.ts), then the disclosure.
    await expect(explanation).toContainText(`"${education}" is a short read:`);
    await expect(explanation).toContainText("Why it's on your page:");
    await expect(explanation.getByText(DISCLOSURE, { exact: true })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Explain again" })).toBeEnabled();
  });

  test("feedback is stored, shown again to the customer and to the operator", async ({ page, browser }) => {
    const { customer, operator } = e2eData();
    await signInAsCustomer(page);
    const form = page.getByRole("form", { name: `Feedback: ${education}` });
    await form.getByLabel("Not helpful").check();
    await form.getByLabel("Note (optional)").fill("Too long for a bus ride");
    await form.getByRole("button", { name: "Send feedback" }).click();
    await expect(form.getByRole("status")).toHaveText("Thanks, your feedback is saved.");
    await page.reload();
    const again = page.getByRole("form", { name: `Feedback: ${education}` });
    await expect(again.getByLabel("Not helpful")).toBeChecked();
    await expect(again.getByLabel("Note (optional)")).toHaveValue("Too long for a bus ride");

    const op = await signedInPage(browser, operator.email, operator.password);
    await new UserDetailPage(op).goto(customer.id);
    const card = op.getByRole("region", { name: "Customer feedback" });
    await expect(card.getByRole("listitem").filter({ hasText: education })).toContainText("not helpful");
    await expect(card).toContainText("Too long for a bus ride");
    await op.context().close();
  });
});

test.describe("customer dashboard: charts and planners", () => {
  test.describe.configure({ timeout: 60_000 });
  test("charts carry a text alternative with the same numbers; subscriptions list their monthly total", async ({ page }) => {
    await signInAsCustomer(page);
    const picture = page.getByRole("region", { name: "Your money at a glance" });
    const spending = picture.getByRole("figure", { name: /^Spending by category, last (30|180) days$/ });
    await expect(spending).toBeVisible();
    await expect(spending.locator("svg.recharts-surface")).toBeVisible();
    // The text alternative: a table (visually hidden) with a row per category and a dollar amount each.
    const rows = spending.getByRole("table").getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    await expect(rows.nth(1).getByRole("cell").first()).toHaveText(/^\$[\d,]+(\.\d\d)?$/);
    const cards = picture.getByRole("figure", { name: "How much of each card's limit is in use" });
    if (await cards.count()) await expect(cards.getByRole("table").getByRole("row").nth(1)).toContainText("%");
    const subs = picture.getByRole("region", { name: "Your subscriptions" });
    await expect(subs).toBeVisible();
    const text = await subs.innerText();
    if (!/We don't see any subscriptions/.test(text)) expect(text).toMatch(/\d+ subscriptions?, about \$[\d,.]+ a month together/);
    expect(await page.getByRole("main").innerText()).not.toMatch(/MONTHLY|SEMI_MONTHLY|BIWEEKLY|FOOD_AND_DRINK/);
  });

  test("savings over time ends at the balance the chat reports (or says why there is none); paychecks are charted or said to be absent", async ({ page }) => {
    await signInAsCustomer(page);
    // The chat reads the savings balance from the signals; the chart walks it back from the accounts: the two must meet today.
    const said = await AskPanel.text(await new AskPanel(page).ask("What is my savings balance?"));
    const picture = page.getByRole("region", { name: "Your money at a glance" });
    const balance = /^Your savings balance is (\$[\d,]+(?:\.\d\d)?)\./.exec(said);
    if (balance) {
      const rows = picture.getByRole("figure", { name: "Savings balance, last 180 days" }).getByRole("table").getByRole("row");
      await expect(rows.last().getByRole("cell")).toHaveText(balance[1]);
    } else if (/didn't send the balance/.test(said)) await expect(picture.getByText(/so your savings over time are unknown\.$/)).toBeVisible();
    else await expect(picture.getByText("We don't see a savings account.")).toBeVisible();
    const paychecks = picture.getByRole("figure", { name: "Paychecks, last 180 days" });
    if (await paychecks.count()) {
      await expect(paychecks.locator("svg.recharts-surface")).toBeVisible();
      await expect(paychecks.getByText(/^\d+ paychecks? in the last 180 days, \$[\d,.]+ in total\.$/)).toBeVisible();
    } else await expect(picture.getByText("We don't see a paycheck in the last 180 days.")).toBeVisible();
  });

  test("the emergency-fund planner answers from the numbers typed in", async ({ page }) => {
    await signInAsCustomer(page);
    const planner = page.getByRole("region", { name: "Emergency-fund planner" });
    // Prefilled with the customer's own numbers.
    await expect(planner.getByLabel("Monthly expenses ($)")).not.toHaveValue("");
    await planner.getByLabel("Savings ($)").fill("3000");
    await planner.getByLabel("Monthly expenses ($)").fill("2000");
    await planner.getByLabel("Target (months of expenses)").fill("3");
    await planner.getByLabel("Months to get there").fill("7");
    const input = { savings_cents: 300_000, monthly_expenses_cents: 200_000, target_months: 3, months_to_goal: 7 };
    const [saved, reach] = emergencyFundSentences(input, emergencyFundPlan(input));
    await expect(planner.getByText(saved)).toBeVisible();
    await expect(planner.getByText(reach)).toBeVisible();
    expect(reach).toContain("$428.58 a month");
    await planner.getByLabel("Months to get there").fill("");
    await expect(planner.getByText("Enter a number of 1 or more.")).toBeVisible();
  });

  test("the card payoff planner compares avalanche and snowball", async ({ page }) => {
    await signInAsCustomer(page);
    const planner = page.getByRole("region", { name: "Card payoff planner" });
    // The e2e customer (seed 42) carries a card balance: the planner must be there, never skipped.
    await expect(planner).toBeVisible();
    await expect(planner.getByLabel("Paid toward cards each month ($)")).not.toHaveValue("");
    await planner.getByLabel("Paid toward cards each month ($)").fill("1");
    await expect(planner.getByText(/^This budget is below the cards' minimum payments of \$[\d,.]+ a month\.$/).first()).toBeVisible();
    await planner.getByLabel("Paid toward cards each month ($)").fill("5000");
    const avalanche = planner.getByRole("definition").first();
    await expect(avalanche).toHaveText(/^Paid off in \d+ months?, with \$[\d,.]+ in interest\.$/);
    // The same arithmetic as lib/core for a card typed in: one APR changed moves the answer.
    const aprs = planner.getByLabel(/^APR of /);
    await aprs.first().fill("0");
    const zero = await avalanche.innerText();
    expect(zero).toMatch(/^Paid off in \d+ months?, with \$[\d,.]+ in interest\.$/);
    if ((await aprs.count()) === 1) expect(zero).toContain("with $0 in interest");
  });
});
