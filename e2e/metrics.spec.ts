import { expect, test, type Page } from "@playwright/test";
import { e2eData, SignInPage } from "./fixtures";

class MetricsPage {
  constructor(readonly page: Page) {}
  async goto() {
    await this.page.goto("/operator/metrics");
    await expect(this.page.getByRole("heading", { name: "Evaluation metrics", level: 1 })).toBeVisible();
  }
  readonly panel = () => this.page.getByRole("region", { name: "Run an evaluation" });
  readonly start = () => this.panel().getByRole("button", { name: "Start evaluation" });
  readonly progress = () => this.page.getByRole("progressbar", { name: "Evaluation progress" });
  readonly headline = () => this.page.getByRole("table", { name: "Headline metrics against the brief's targets" });
  /** A chart's text alternative: the table named after the chart. */
  readonly chartTable = (title: string) => this.page.getByRole("table", { name: title });
  readonly download = (label: string) => this.page.getByRole("navigation", { name: "Downloads of the last run" }).getByRole("link", { name: label });
}

test.describe("operator metrics", () => {
  test("an operator starts an evaluation, follows its progress, reads the charts and downloads the files", async ({ page }) => {
    test.setTimeout(120_000);
    const { operator } = e2eData();
    const signIn = new SignInPage(page);
    await signIn.goto("/operator/metrics");
    await signIn.signIn(operator.email, operator.password);
    const metrics = new MetricsPage(page);
    await metrics.goto();
    const runLine = page.getByText(/^Run .* · code /);
    const shownRun = async () => ((await runLine.count()) ? await runLine.textContent() : "none");
    const before = await shownRun();

    await metrics.start().click();
    await expect(metrics.panel().getByRole("alert")).toContainText("Evaluation started for");
    // The run works in the background; the page polls its progress until the new run's headline is there.
    await expect.poll(shownRun, { timeout: 90_000 }).not.toBe(before);
    expect(await shownRun()).not.toBe("none");
    await expect(metrics.progress()).toHaveCount(0);
    await expect(metrics.start()).toBeEnabled();

    const headline = metrics.headline();
    await expect(headline.getByRole("row", { name: /Coverage/ })).toContainText("%");
    await expect(headline.getByRole("row", { name: /Latency per user/ })).toContainText("ms");
    await expect(metrics.chartTable("Persona distribution per window").getByRole("rowheader", { name: "No persona" })).toHaveCount(1);
    await expect(metrics.chartTable("Coverage, explainability, auditability and relevance").getByRole("row", { name: /^Coverage/ })).toHaveCount(1);
    await expect(metrics.chartTable("Latency per user").getByRole("rowheader", { name: "p95" })).toHaveCount(1);
    await expect(metrics.chartTable("Trend across evaluation runs (30-day window)").getByRole("row")).not.toHaveCount(1);
    await expect(page.getByRole("figure", { name: /^Fairness by income tier/ })).toBeVisible();

    const csv = await page.request.get((await metrics.download("Metrics (CSV)").getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\n")[0]).toBe("metric,window,group,value,count,total,unit,flagged");
    const parquet = await page.request.get((await metrics.download("Signals (Parquet)").getAttribute("href"))!);
    expect(Buffer.from(await parquet.body()).subarray(0, 4).toString()).toBe("PAR1");
    const report = await page.request.get((await metrics.download("Report (HTML)").getAttribute("href"))!);
    const html = await report.text();
    expect(html).toContain("<svg");
    // One to two printed A4 pages, offline (no request leaves the page).
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.setContent(html);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeLessThanOrEqual(2);
    expect(requests).toEqual([]);
  });

  test("evaluation files are for operators only", async ({ page, request }) => {
    const { customer } = e2eData();
    const url = "/api/operator/evaluations/latest/files/metrics.csv";
    expect((await request.get(url)).status()).toBe(401);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(customer.email, customer.password);
    expect((await page.request.get(url)).status()).toBe(403);
    // A signed-in customer gets the 403 page (lib/auth/session.ts pageActor), not the sign-in page.
    const res = await page.goto("/operator/metrics");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page is not available to you");
  });
});
