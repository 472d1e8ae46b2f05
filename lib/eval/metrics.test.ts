import { describe, expect, it } from "vitest";
import { getCatalog } from "../content";
import { aggregate, evaluateUser } from "./metrics";
import { metricRows } from "./csv";
import { buildReport } from "./report";
import { catalogIndex } from "./relevance";
import { fact, makeUser, SIGNALS, type UserSpec } from "./test-helpers";
import type { EvalUserRecord } from "./types";

const ctx = { catalog: catalogIndex(getCatalog()) };
const agg = { asOf: "2025-06-30", pipelineRunFor: 0, timingWallMs: 1000, offerKinds: [], incomeGatedKinds: new Set<string>(), offerPersonas: {} };
const run = (records: EvalUserRecord[], timingWallMs = 1000) => aggregate(records.map((r) => evaluateUser(r, ctx)), { ...agg, timingWallMs });
const user = (id: string, spec: UserSpec) => makeUser(id, spec);

describe("coverage and personas", () => {
  it("covers a user with a persona and ≥ 3 behaviors, not one with 2 behaviors or no persona", () => {
    const m = run([
      user("u_covered", { windows: { "30d": SIGNALS.highUtilization() } }),
      user("u_two", { windows: { "30d": SIGNALS.highUtilizationTwoBehaviors() } }),
      user("u_none", { windows: { "30d": {} } }),
    ]);
    const c = m.windows["30d"].coverage;
    expect([c.count, c.total, c.share]).toEqual([1, 3, 1 / 3]);
    const reasons = Object.fromEntries(c.uncovered.items.map((x) => [x.user_id, x.reason]));
    expect(Object.keys(reasons)).toEqual(["u_two", "u_none"]);
    expect(reasons.u_two).toBe("2 detected behaviors: card_utilization_flag, payroll (3 needed)");
    expect(reasons.u_none).toMatch(/^no persona \(matched none of the 5 personas; closest: /);
    expect(c.behaviors).toMatchObject({ payroll: 3, card_utilization_flag: 2, subscriptions: 2, savings_inflow: 2, overdraft_fees: 0 });
  });

  it("counts the persona distribution and lists users with no persona with the reason", () => {
    const m = run([
      user("a", { windows: { "30d": SIGNALS.highUtilization() } }),
      user("b", { windows: { "30d": SIGNALS.savingsBuilder() } }),
      user("c", { windows: { "30d": SIGNALS.savingsBuilder() } }),
      user("d", { windows: { "30d": {} } }),
    ]);
    const p = m.windows["30d"].personas;
    expect(p.distribution).toEqual({ high_utilization: 1, paycheck_to_paycheck: 0, variable_income_budgeter: 0, subscription_heavy: 0, savings_builder: 2, none: 1 });
    expect(p.no_persona.items).toHaveLength(1);
    // The default user's closest rule is Savings Builder (every card under 30% is met): its first unmet criterion is named.
    expect(p.no_persona.items[0]).toEqual({ user_id: "d", reason: expect.stringMatching(/closest: Savings Builder \(.*threshold: 2% or more\)\)$/) });
  });

  it("an operator's override to no persona is the reason; a window without results is not covered", () => {
    const m = run([user("o", { windows: { "30d": SIGNALS.highUtilization() }, primaryOverride: null }), user("r", { windows: { "180d": {} } })]);
    expect(m.windows["30d"].personas.no_persona.items).toEqual([{ user_id: "o", reason: "an operator set no persona" }]);
    expect(m.windows["30d"].coverage.uncovered.items.find((x) => x.user_id === "r")?.reason).toBe("no results stored for this as-of date");
    expect(m.windows["30d"].users_with_results).toBe(1);
  });

  it("leaves users without consent out of every rate and counts them by reason", () => {
    const m = run([
      user("yes", { windows: { "30d": SIGNALS.highUtilization() } }),
      user("never", { consent: { granted: false, at: null } }),
      user("revoked", { consent: { granted: false, at: "2025-05-01T00:00:00.000Z" } }),
      user("undated", { consent: { granted: true, at: null } }),
    ]);
    expect(m.population).toEqual({ customers: 4, consenting: 1, pipeline_run_for: 0 });
    expect(m.consent.by_reason).toEqual({ NO_CONSENT_RECORD: 2, CONSENT_REVOKED: 1 });
    expect(m.consent.user_ids.items).toEqual(["never", "revoked", "undated"]);
    expect(m.windows["30d"].coverage.total).toBe(1);
  });
});

describe("explainability and auditability", () => {
  const card = [fact("card.4523.utilization", "60%", 0.6), fact("card.4523.balance", "$3,000.00", 300_000), fact("target.utilization", "30%", 0.3)];
  const recs = [
    { item_id: "edu-credit-utilization-101", rationale: "Your Visa is at 60% utilization. Bringing it below 30% lowers interest.", facts: card },
    { item_id: "edu-understanding-apr", rationale: "A general read about how cards charge interest.", facts: [] },
    { item_id: "edu-paydown-avalanche-snowball", rationale: "Bringing a card below 30% is a common goal.", facts: card },
  ];

  it("a rationale with no number, or only our goals, fails explainability", () => {
    const m = run([user("u", { windows: { "30d": SIGNALS.highUtilization() }, recs: { "30d": recs } })]);
    const e = m.windows["30d"].explainability;
    expect([e.count, e.total]).toEqual([1, 3]);
    expect(e.misses.items.map((x) => x.item_id)).toEqual(["edu-understanding-apr", "edu-paydown-avalanche-snowball"]);
  });

  it("a complete trace is auditable; a number outside the facts, a wrong generator or a missing guardrail is not", () => {
    const r = user("u", {
      windows: { "30d": SIGNALS.highUtilization() },
      recs: {
        "30d": [
          recs[0],
          { item_id: "edu-understanding-apr", rationale: "Your card is at 99%.", facts: card },
          { item_id: "offer-x", kind: "offer", rationale: "Your Visa is at 60%.", facts: card, eligibility: null },
        ],
      },
    });
    const w = r.windows["30d"]!;
    w.recommendations.push({ ...w.recommendations[0], id: "gen", generator: "gpt-4o-mini" });
    const noGuard = { ...w.recommendations[0], id: "noguard" };
    noGuard.trace = { ...noGuard.trace!, guardrails: { ...noGuard.trace!.guardrails!, checks: noGuard.trace!.guardrails!.checks.filter((c) => c.rule !== "TONE") } };
    w.recommendations.push(noGuard, { ...w.recommendations[0], id: "notrace", trace: null });
    const a = run([r]).windows["30d"].auditability;
    expect([a.count, a.total]).toEqual([1, 6]);
    const gaps = Object.fromEntries(a.misses.items.map((x) => [x.recommendation_id, x.reasons]));
    expect(gaps["u-30d-edu-understanding-apr"]).toEqual(["guardrail GROUNDED_NUMBERS failed", "facts for 99%"]);
    expect(gaps["u-30d-offer-x"]).toEqual(expect.arrayContaining(["guardrail OFFER_ELIGIBLE failed", "eligibility result"]));
    expect(gaps.gen).toEqual(['generator (trace "template", row "gpt-4o-mini")']);
    expect(gaps.noguard).toEqual(["guardrail TONE"]);
    expect(gaps.notrace).toEqual(["decision trace"]);
  });
});

describe("auditability of general items", () => {
  it("a general item for a user with no persona reads no signals, and its trace is complete without any", () => {
    const r = user("none", { windows: { "30d": {} }, recs: { "30d": [{ item_id: "edu-emergency-fund-size", rationale: "A general read.", item_persona: "general" }] } });
    const rec = r.windows["30d"]!.recommendations[0];
    rec.trace = { ...rec.trace!, signals: [] };
    expect(run([r]).windows["30d"].auditability.count).toBe(1);
    const hu = user("hu", { windows: { "30d": SIGNALS.highUtilization() }, recs: { "30d": [{ item_id: "edu-credit-utilization-101", rationale: "A read." }] } });
    const h = hu.windows["30d"]!.recommendations[0];
    h.trace = { ...h.trace!, signals: [] };
    expect(run([hu]).windows["30d"].auditability.misses.items[0].reasons).toEqual(["signals"]);
  });
});

describe("relevance", () => {
  it("counts items about things a user does not have and persona mismatches as misses", () => {
    const m = run([
      user("none", {
        windows: { "30d": SIGNALS.noPersonaNoCard() },
        recs: {
          "30d": [
            { item_id: "edu-credit-utilization-101", rationale: "A general read.", item_persona: "general" },
            { item_id: "edu-free-trials", rationale: "A general read.", item_persona: "general" },
            { item_id: "edu-emergency-fund-size", rationale: "A general read.", item_persona: "general" },
          ],
        },
      }),
      user("hu", {
        windows: { "30d": SIGNALS.highUtilization() },
        recs: {
          "30d": [
            { item_id: "edu-credit-utilization-101", rationale: "x", item_persona: "high_utilization" },
            { item_id: "edu-high-yield-savings-explained", rationale: "x", item_persona: "savings_builder" },
          ],
        },
      }),
    ]);
    const r = m.windows["30d"].relevance;
    expect([r.count, r.total]).toEqual([2, 5]);
    expect(r.misses.items.map((x) => [x.user_id, x.item_id, x.reasons])).toEqual([
      ["none", "edu-credit-utilization-101", ["credit.utilization is about a credit card with a known utilization, which the user does not have"]],
      ["none", "edu-free-trials", ["subscriptions.count is about a subscription, which the user does not have"]],
      ["hu", "edu-high-yield-savings-explained", ['persona tag "savings_builder" is not one of the user\'s personas (high_utilization)']],
    ]);
    // Stricter: notable by the recommender's rule: the utilization explainer at 60% (≥ 30%), the emergency
    // fund at 0.4 months (< 3) and savings growth of 1% (> 0); not the card or trial items of "none".
    expect(r.all_tags_notable.count).toBe(3);
  });
});

describe("latency", () => {
  it("p50, p95, max and users per second over the timed re-runs", () => {
    const users = Array.from({ length: 20 }, (_, i) => user(`u${String(i).padStart(2, "0")}`, { ms: (i + 1) * 10 }));
    users.push(user("gated", { consent: { granted: false, at: null }, ms: 999_999 }));
    const m = run(users, 2000);
    expect(m.latency).toMatchObject({ users: 20, p50_ms: 100, p95_ms: 190, max_ms: 200, users_per_s: 10 });
  });

  it("is null when nothing was timed", () => {
    expect(run([user("u", { ms: null })]).latency).toBeNull();
  });
});

describe("customer feedback", () => {
  const edu = (item_id: string, helpful?: boolean) => ({ item_id, rationale: "Your card is at 60% utilization.", helpful });
  const offer = (item_id: string, helpful?: boolean) => ({ item_id, kind: "offer" as const, rationale: "Your card is at 60% utilization.", helpful });

  it("counts helpful and not helpful per kind and window, and the helpful rate among the rated; non-consenting users are left out", () => {
    const m = run([
      user("a", {
        windows: { "30d": SIGNALS.highUtilization(), "180d": SIGNALS.highUtilization() },
        recs: { "30d": [edu("e1", true), edu("e2", false), offer("o1", true), edu("e3")], "180d": [edu("e1", true), offer("o1")] },
      }),
      user("b", { windows: { "30d": SIGNALS.highUtilization() }, recs: { "30d": [edu("e1", true), offer("o2", false)] } }),
      user("gone", { consent: { granted: false, at: "2025-05-01T00:00:00.000Z" }, windows: { "30d": SIGNALS.highUtilization() }, recs: { "30d": [edu("e1", false)] } }),
    ]);
    expect(m.windows["30d"].feedback).toEqual({ education: { helpful: 2, not_helpful: 1, rate: 2 / 3 }, offer: { helpful: 1, not_helpful: 1, rate: 0.5 } });
    expect(m.windows["180d"].feedback).toEqual({ education: { helpful: 1, not_helpful: 0, rate: 1 }, offer: { helpful: 0, not_helpful: 0, rate: null } });
    expect(m.feedback).toEqual({ education: { helpful: 3, not_helpful: 1, rate: 0.75 }, offer: { helpful: 1, not_helpful: 1, rate: 0.5 } });

    const rows = metricRows(m).filter((r) => r.metric.startsWith("feedback."));
    const at = (metric: string, window: string) => rows.find((r) => r.metric === metric && r.window === window);
    expect(at("feedback.education.helpful", "30d")?.value).toBe(2);
    expect(at("feedback.offer.not_helpful", "30d")?.value).toBe(1);
    expect(at("feedback.education.rate", "all")).toMatchObject({ value: 0.75, count: 3, total: 4, unit: "share" });
    expect(at("feedback.offer.rate", "180d")).toMatchObject({ value: null, count: 0, total: 0 });
    const line = buildReport(m, { runId: "r", gitCommit: null, generatedAt: "2025-06-30T00:00:00Z", labelsFile: null }).headline.find((h) => h.metric.startsWith("Customer feedback"));
    expect(line?.values).toEqual({ "30d": "education 66.6% (2/3), offers 50.0% (1/2)", "180d": "education 100% (1/1), offers n/a (0/0)" });
  });
});
