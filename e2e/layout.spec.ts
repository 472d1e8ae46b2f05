import { expect, type Page } from "@playwright/test";
import { e2eData, signedInPage, test } from "./fixtures";

/** How far the page scrolls sideways: the document's width beyond the viewport. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test.describe("nothing scrolls sideways at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test.describe.configure({ timeout: 90_000 });

  test("the customer's dashboard", async ({ page }) => {
    const { customer } = e2eData();
    await page.goto("/signin");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await page.getByLabel("Email").fill(customer.email);
    await page.getByLabel("Password").fill(customer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
  });

  test("the operator's pages", async ({ browser }) => {
    const { operator, customer } = e2eData();
    const page = await signedInPage(browser, operator.email, operator.password);
    await page.setViewportSize({ width: 390, height: 844 });
    const widths: Record<string, number> = {};
    for (const url of ["/operator", "/operator/review", `/operator/users/${encodeURIComponent(customer.id)}`, "/operator/metrics", "/account"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      widths[url] = await scrollWidth(page);
    }
    expect(Object.entries(widths).filter(([, w]) => w > 390)).toEqual([]);
    await page.context().close();
  });
});
