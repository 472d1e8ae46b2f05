/** What scripts/e2e-server.sh loaded (written by e2e/setup-data.mts), and the page models. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

export interface E2EData {
  asOf: string;
  operator: { email: string; password: string };
  customer: { id: string; name: string; email: string; password: string };
  /** A second customer (consenting when the data has one). */
  other: { id: string; name: string; email: string; password: string };
  /** Customers the session specs may sign out, lock, disable or delete (nobody else uses them). */
  spares: { id: string; name: string; email: string }[];
  databaseUrl: string;
}

export function e2eData(): E2EData {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../tmp/e2e-data.json"), "utf8")) as E2EData;
}

/** Waits until React has hydrated the page (components/hydration-marker.tsx): a click before that submits nothing. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
}

export class SignInPage {
  constructor(readonly page: Page) {}
  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  }
  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).not.toHaveURL(/\/signin/);
  }
}

export class UsersPage {
  constructor(readonly page: Page) {}
  readonly heading = () => this.page.getByRole("heading", { name: "Users", level: 1 });
  readonly table = () => this.page.getByRole("table", { name: "Customers" });
  async search(q: string) {
    await this.page.getByRole("searchbox", { name: "Search" }).fill(q);
    await this.page.getByRole("button", { name: "Apply" }).click();
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(q)}`));
  }
  async openUser(name: string) {
    await this.table().getByRole("link", { name }).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }
}

export class UserDetailPage {
  constructor(readonly page: Page) {}
  async goto(id: string) {
    await this.page.goto(`/operator/users/${encodeURIComponent(id)}`);
    await hydrated(this.page);
  }
  readonly windowTab = (w: "30 days" | "180 days") => this.page.getByRole("navigation", { name: "Window" }).getByRole("link", { name: w });
  readonly matchedPersonas = (w: "30d" | "180d") => this.page.getByRole("region", { name: `Matched personas (${w})` });
  /** The window shown (one at a time: the Window links switch between them). */
  readonly shownWindow = () => this.page.getByRole("region", { name: /^Window: / });
  readonly recommendations = () => this.shownWindow().getByRole("article");
  readonly recommendation = (title: string) => this.shownWindow().getByRole("article", { name: title });
  /** The first recommendation still waiting for a decision. */
  firstPending(): Locator {
    return this.recommendations().filter({ has: this.page.getByText("Status: pending") }).first();
  }
  /** Approves the recommendation in `article` once its decision form is hydrated. */
  static async approve(article: Locator): Promise<void> {
    await article.locator("form[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
    await article.getByRole("button", { name: "Approve" }).click();
  }
  static status(article: Locator): Locator {
    return article.getByText(/^Status:/);
  }
  static async title(article: Locator): Promise<string> {
    return (await article.getByRole("heading").first().innerText()).trim();
  }
}

export class ReviewQueuePage {
  constructor(readonly page: Page) {}
  async goto() {
    await this.page.goto("/operator/review");
    await hydrated(this.page);
  }
  readonly items = () => this.page.getByRole("main").getByRole("article");
}

export class MePage {
  constructor(readonly page: Page) {}
  async goto() {
    await this.page.goto("/me");
    await hydrated(this.page);
  }
  readonly consentSwitch = () => this.page.getByRole("switch", { name: "Share my data for personalized insights" });
  readonly insights = () => this.page.getByRole("region", { name: "Your insights" });
  readonly suggestions = () => this.page.getByRole("region", { name: "Suggested for you" });
  readonly optInExplanation = () => this.page.getByRole("heading", { name: "What happens when you opt in" });
  readonly recommendation = (title: string) => this.page.getByRole("article", { name: title });
  async revoke() {
    await this.consentSwitch().click();
    const dialog = this.page.getByRole("dialog", { name: "Stop sharing and delete your insights?" });
    await expect(dialog).toContainText("deletes everything it derived");
    await dialog.getByRole("button", { name: "Stop sharing and delete" }).click();
    await expect(this.consentSwitch()).not.toBeChecked();
  }
  async optIn() {
    await this.consentSwitch().click();
    await expect(this.consentSwitch()).toBeChecked();
  }
}

/** Content-Security-Policy violations the browser reported in the watched contexts of the running test. */
const cspViolations: string[] = [];

/** Collects the CSP violations Chromium reports in this context's console (checked after each test). */
export function watchCsp(ctx: BrowserContext): BrowserContext {
  ctx.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(`${msg.location().url}: ${msg.text()}`);
  });
  return ctx;
}

/**
 * The specs' `test`: after every test, no page it opened (the default context and every
 * signedInPage) may have reported a Content-Security-Policy violation.
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      cspViolations.length = 0;
      watchCsp(context);
      await use();
      expect(cspViolations, "CSP violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/** A fresh browser context (CSP-watched) signed in as someone; closed by the caller. */
export async function signedInPage(browser: Browser, email: string, password: string, options: { address?: string } = {}): Promise<Page> {
  const ctx = watchCsp(await browser.newContext(options.address ? { extraHTTPHeaders: { "x-forwarded-for": options.address } } : {}));
  const page = await ctx.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, password);
  return page;
}

/** The "Ask SpendSense" panel on /me. */
export class AskPanel {
  constructor(readonly page: Page) {}
  readonly region = () => this.page.getByRole("region", { name: "Ask SpendSense" });
  readonly input = () => this.region().getByLabel("Your question");
  readonly answers = () => this.region().getByRole("article", { name: "SpendSense said" });
  /** Asks a question and waits until its answer has finished streaming; returns the answer's text (without the disclosure). */
  async ask(question: string, submit: "click" | "enter" = "click"): Promise<Locator> {
    const before = await this.answers().count();
    await this.input().fill(question);
    if (submit === "enter") await this.input().press("Enter");
    else await this.region().getByRole("button", { name: "Send" }).click();
    const answer = this.answers().nth(before);
    await expect(answer).toBeVisible();
    await expect(this.region().getByRole("log")).toHaveAttribute("aria-busy", "false");
    return answer;
  }
  static async text(answer: Locator): Promise<string> {
    return (await answer.locator("p").first().innerText()).trim();
  }
}
