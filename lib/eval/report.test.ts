import { describe, expect, it } from "vitest";
import { getCatalog } from "../content";
import type { EvaluationRunView } from "../db/evaluation-runs";
import { metricRows, toCsv } from "./csv";
import { aggregate, evaluateUser } from "./metrics";
import { catalogIndex, offerFacts } from "./relevance";
import { buildReport, pct, renderMarkdown } from "./report";
import { renderHtml } from "./report-html";
import { makeUser, SIGNALS } from "./test-helpers";
import { runStates, runSummary, trend } from "./view";

const catalog = getCatalog();
const users = [
  ...Array.from({ length: 12 }, (_, i) => makeUser(`hi${i}`, { windows: { "30d": SIGNALS.highUtilization(), "180d": SIGNALS.highUtilization() }, demographics: { region: "West" }, ms: 20 })),
  ...Array.from({ length: 12 }, (_, i) => makeUser(`sb${i}`, { windows: { "30d": SIGNALS.savingsBuilder(), "180d": SIGNALS.savingsBuilder() }, demographics: { region: "South" }, ms: 40 })),
];
const metrics = aggregate(users.map((u) => evaluateUser(u, { catalog: catalogIndex(catalog) })), { asOf: "2025-06-30", pipelineRunFor: 0, timingWallMs: 720, ...offerFacts(catalog) });
const info = { runId: "run-1", gitCommit: "abc123", generatedAt: "2025-07-01T00:00:00.000Z", labelsFile: null };

const run = (id: string, createdAt: string, o: Partial<EvaluationRunView> = {}): EvaluationRunView => ({
  id, asOf: "2025-06-30", status: "done", stage: "done", progressDone: 1, progressTotal: 1, gitCommit: "abc123", actorId: "system", error: null,
  createdAt, updatedAt: createdAt, finishedAt: createdAt, metrics, artifacts: { dir: "/x", files: [{ name: "metrics.csv", path: "/x/metrics.csv", bytes: 1, content_type: "text/csv" }], traces: { dir: "/x/traces", count: 0 }, labels_file: null, s3: null }, reportMd: "", ...o,
});

describe("report", () => {
  it("never rounds a share up to 100%", () => {
    expect([pct(1), pct(0.99996), pct(0.733), pct(null)]).toEqual(["100%", "99.9%", "73.3%", "n/a"]);
  });

  it("puts the headline against the brief's targets, with the flagged region gap not explained", () => {
    const r = buildReport(metrics, info);
    const row = (m: string) => r.headline.find((h) => h.metric.startsWith(m))!;
    expect(row("Coverage")).toMatchObject({ values: { "30d": "100% (24/24)", "180d": "100% (24/24)" }, met: "yes" });
    expect(row("Latency")).toMatchObject({ met: "yes", values: { "30d": "20.0 ms / 40.0 ms / 40.0 ms" } });
    // 100% vs 0% High Utilization between West and South (12 users each): flagged, not explained.
    expect(row("Fairness").met).toBe("no");
    expect(r.fairness.sentences[0]).toMatch(/^(High Utilization|Savings Builder) \(30d\): 100% of region (West|South) \(12 users\) against 0% of (West|South) \(12\), a 100-point gap\. Not explained/);
    const md = renderMarkdown(r);
    expect(md).toContain("| Coverage (persona + ≥3 behaviors) | 100% (24/24) | 100% (24/24) | 100% | yes |");
    const html = renderHtml(r, metrics);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain("<title>Users per primary persona, per window</title>");
  });

  it("metrics.csv holds one row per metric, window and group", () => {
    const rows = metricRows(metrics);
    const keys = rows.map((r) => `${r.metric}|${r.window}|${r.group}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.find((r) => r.metric === "fairness.gap.persona:high_utilization" && r.window === "30d")).toMatchObject({ group: "region", value: 1, flagged: true });
    expect(rows.find((r) => r.metric === "fairness.rate.persona:high_utilization" && r.group === "region=West" && r.window === "30d")).toMatchObject({ value: 1, count: 12, total: 12 });
    expect(toCsv([{ metric: 'a,"b"', window: "all", group: "all", value: null, count: null, total: null, unit: "count", flagged: null }])).toBe(
      'metric,window,group,value,count,total,unit,flagged\n"a,""b""",all,all,,,,count,\n',
    );
  });
});

describe("the page's view", () => {
  it("summarizes a run: tones of fairness gaps, downloads of recorded files only", () => {
    const s = runSummary(run("r1", "2025-07-01T00:00:00.000Z"))!;
    const region = s.fairness.find((f) => f.field === "region")!;
    expect(region.rows[0]).toMatchObject({ "30d": 100, tone30: "unexplained" });
    expect(s.flags.every((f, i) => i === 0 || !f.unexplained || s.flags[i - 1].unexplained)).toBe(true);
    expect(s.downloads).toEqual([{ name: "metrics.csv", label: "Metrics (CSV)", href: "/api/operator/evaluations/r1/files/metrics.csv" }]);
    expect(runSummary(run("r0", "2025-07-01T00:00:00.000Z", { metrics: null }))).toBeNull();
  });

  it("the trend runs oldest first over finished runs; a stale running row is not the active one", () => {
    const runs = [run("new", "2025-07-03T10:00:00.000Z"), run("failed", "2025-07-02T10:00:00.000Z", { status: "failed" }), run("old", "2025-07-01T10:00:00.000Z")];
    expect(trend(runs).map((p) => p.run)).toEqual(["2025-07-01 10:00", "2025-07-03 10:00"]);
    const now = Date.parse("2025-07-04T00:00:00.000Z");
    const running = run("live", "2025-07-03T23:59:00.000Z", { status: "running", updatedAt: "2025-07-03T23:59:59.000Z" });
    const stale = run("stale", "2025-07-03T20:00:00.000Z", { status: "running", updatedAt: "2025-07-03T20:00:00.000Z" });
    expect(runStates([running, ...runs], 60_000, now).active?.id).toBe("live");
    expect(runStates([stale, ...runs], 60_000, now)).toMatchObject({ active: null, last: { id: "new" } });
  });
});
