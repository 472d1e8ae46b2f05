// The review queue at work (issue 10): select-all-matching approval of N items with a confirmation
// that says N, then N fewer pending; the approvals survive a re-run of the pipeline for that customer.
import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { e2eData, SignInPage, test } from "./fixtures";

const pendingCount = async (page: Page, url: string): Promise<number> => {
  await page.goto(url);
  const text = await page.getByTestId("queue-count").innerText();
  const m = /^([\d,]+) pending/.exec(text.trim());
  if (!m) throw new Error(`no count in "${text}"`);
  return Number(m[1].replace(/,/g, ""));
};

/** A customer with pending 30-day items that no other spec relies on (not customer A, B or a spare). */
async function untouchedCustomer(page: Page): Promise<string> {
  const d = e2eData();
  const taken = new Set([d.customer.id, d.other.id, ...d.spares.map((s) => s.id)]);
  await page.goto("/operator/review?sort=user&window=30d");
  const hrefs = await page.getByRole("main").getByRole("article").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const id = hrefs.map((h) => decodeURIComponent(h.replace("/operator/users/", ""))).find((u) => !taken.has(u));
  if (!id) throw new Error("no untouched customer with pending items on the first page");
  return id;
}

test.describe("bulk review", () => {
  test("approves all N matching items after a confirmation that says N; the queue has N fewer; a re-run keeps the approvals", async ({ page }) => {
    test.setTimeout(240_000);
    const d = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(d.operator.email, d.operator.password);

    const userId = await untouchedCustomer(page);
    const before = await pendingCount(page, "/operator/review");
    const filtered = `/operator/review?user=${encodeURIComponent(userId)}&window=30d`;
    const n = await pendingCount(page, filtered);
    expect(n).toBeGreaterThan(0);

    await page.getByRole("button", { name: `Approve all ${n}…` }).click();
    const dialog = page.getByRole("dialog", { name: `Approve ${n} pending ${n === 1 ? "recommendation" : "recommendations"}?` });
    await expect(dialog).toContainText(`exactly ${n} pending`);
    await dialog.getByRole("button", { name: `Approve ${n}`, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("queue-count")).toHaveText(/^0 pending/);
    expect(await pendingCount(page, "/operator/review")).toBe(before - n);

    // The action log names each item by its title.
    await page.goto(`/operator/users/${encodeURIComponent(userId)}`);
    const log = page.getByRole("region", { name: "Operator actions" });
    await expect(log.getByRole("listitem")).toHaveCount(n);
    await expect(log.getByRole("listitem").first()).toContainText(/“.+” \(30-day window, as of \d{4}-\d{2}-\d{2}\): pending → approved/);

    // Re-running the pipeline for this customer (same data, same as-of) keeps every approval.
    execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/pipeline.mts", "--as-of", d.asOf, "--user", userId], { env: { ...process.env, DATABASE_URL: d.databaseUrl }, stdio: "ignore" });
    expect(await pendingCount(page, filtered)).toBe(0);
    await page.goto(`/operator/review?status=approved&user=${encodeURIComponent(userId)}&window=30d`);
    await expect(page.getByTestId("queue-count")).toHaveText(new RegExp(`^${n} approved`));
  });

  test("a filter the page cannot read gets a message naming it, not an error page", async ({ page }) => {
    const d = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(d.operator.email, d.operator.password);
    const res = await page.goto("/operator/review?kind=bonus");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("main").getByRole("alert")).toContainText('kind: "bonus" is not one of education, offer');
    await page.goto("/operator/review?after=garbage");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("page position");
  });

  test("pages forward and back through the queue: Next, then Previous, shows the first page again", async ({ page }) => {
    const d = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(d.operator.email, d.operator.password);
    await page.goto("/operator/review?sort=user");
    const pager = page.getByRole("navigation", { name: "Pages" });
    const ids = () => page.getByRole("main").getByRole("article").evaluateAll((as) => as.map((a) => a.getAttribute("aria-labelledby")));
    const first = await ids();
    expect(first.length).toBe(50);
    await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    await pager.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/[?&]after=/);
    await expect.poll(async () => (await ids())[0]).not.toBe(first[0]);
    const second = await ids();
    expect(second.some((id) => first.includes(id))).toBe(false);
    await expect(pager.getByRole("link", { name: "First page" })).toBeVisible();
    await pager.getByRole("link", { name: "Previous page" }).click();
    await expect(page).toHaveURL(/[?&]before=/);
    await expect.poll(ids).toEqual(first);
    // Back on the first page: no way further back, and the count does not call it a later page.
    await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    await expect(pager.getByRole("link", { name: "First page" })).toHaveCount(0);
    await expect(page.getByTestId("queue-count")).not.toContainText("later page");
  });
});
