/**
 * Every page, as the person who uses it: an accessibility scan (axe-core, WCAG 2.x A and AA rules)
 * with no serious or critical violation, and a full-page screenshot at 1366 and 390 px kept as a
 * test artifact (attached to the report; the files are under tmp/e2e-results/<test>/, see README).
 * Pages come from app/ (discoverPages), so a new page without a row in VISITS fails here.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { discoverPages } from "./access-table";
import { e2eData, test, watchCsp } from "./fixtures";

type Visitor = "signedOut" | "customer" | "operator";

interface Visit {
  /** Screenshot name. */
  name: string;
  url: string;
  who: Visitor;
}

/** Who opens each page (by its app/ pattern) and where: the person the page is for. "[id]" is customer A's id, filled in when the test runs. */
const VISITS: Record<string, Omit<Visit, "name">[]> = {
  "/": [{ url: "/signin", who: "signedOut" }],
  "/signin": [{ url: "/signin", who: "signedOut" }],
  "/me": [{ url: "/me", who: "customer" }],
  "/account": [
    { url: "/account", who: "customer" },
    { url: "/account", who: "operator" },
  ],
  "/operator": [{ url: "/operator", who: "operator" }],
  "/operator/metrics": [{ url: "/operator/metrics", who: "operator" }],
  "/operator/review": [{ url: "/operator/review", who: "operator" }],
  "/operator/users/[id]": [{ url: "/operator/users/[id]", who: "operator" }],
};

/** Every page of app/ (a page without a row in VISITS fails), then the status pages: not found, and a customer opening the operator console (403). */
function pageVisits(): Visit[] {
  const pages = discoverPages();
  test("every page of app/ has a row in a11y.spec.ts", () => expect(pages.filter((p) => !(p in VISITS))).toEqual([]));
  const visits = pages.flatMap((p) => (VISITS[p] ?? []).map((v) => ({ ...v, name: `${p === "/" ? "root" : p.slice(1).replace(/[/[\]]+/g, "-").replace(/-$/, "")}-${v.who}` })));
  return [...visits, { name: "not-found", url: "/no-such-page", who: "signedOut" }, { name: "forbidden-customer", url: "/operator", who: "customer" }];
}

const WIDTHS = [1366, 390] as const;

/** Serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} at ${n.target.join(" ")}`));
}

/** Screenshots at both widths (attached), and the page's serious and critical violations at each. */
async function visit(page: Page, v: Visit, info: TestInfo): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.goto(v.url.replace("[id]", encodeURIComponent(e2eData().customer.id)));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const file = info.outputPath(`${v.name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await info.attach(`${v.name}-${width}`, { path: file, contentType: "image/png" });
    const bad = await violations(page);
    if (bad.length) found[`${width} px`] = bad;
  }
  return found;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** One sign-in per person for the whole file (each page's test reuses its cookies): fewer sign-ins to wait for on a loaded machine. */
const signedIn = new Map<Visitor, StorageState>();

async function pageAs(browser: Browser, who: Exclude<Visitor, "signedOut">): Promise<Page> {
  if (!signedIn.has(who)) {
    const { customer, operator } = e2eData();
    const person = who === "customer" ? customer : operator;
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 60_000 });
    signedIn.set(who, await ctx.storageState());
    await ctx.close();
  }
  return (watchCsp(await browser.newContext({ storageState: signedIn.get(who) }))).newPage();
}

test.describe("accessibility and screenshots of every page", () => {
  // Each scan reads the whole page (the review queue lists 100 items, a user page its traces); a loaded machine is slow.
  test.describe.configure({ timeout: 360_000 });

  for (const v of pageVisits()) {
    test(`${v.name}: ${v.url} as ${v.who}: no serious or critical axe violation at 1366 and 390 px; screenshots attached`, async ({ page, browser }, info) => {
      const p = v.who === "signedOut" ? page : await pageAs(browser, v.who);
      expect(await visit(p, v, info)).toEqual({});
      if (p !== page) await p.context().close();
    });
  }
});
