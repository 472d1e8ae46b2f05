import { describe, expect, it } from "vitest";
import { DISCLOSURE } from "../guardrails/constants";
import { checkGrounding } from "../guardrails/grounding";
import { checkTone } from "../guardrails/tone";
import { assignPersonas } from "../personas/assign";
import { makeCard, makeWindow, type WindowOverrides } from "../personas/test-helpers";
import type { Catalog, OfferKind, PartnerOffer } from "./catalog";
import { NO_ELIGIBLE_OFFER } from "./constants";
import { composeRationale } from "./rationale";
import { recommend, recommendWithTrace } from "./recommend";
import { activeSignalTags } from "./tags";
import { edu, offer, testCatalog } from "./test-catalog";
import type { HeldAccount } from "../guardrails/eligibility";
import type { RecommendationDraft } from "./types";

const CHECKING: HeldAccount = { account_id: "chk", type: "depository", subtype: "checking" };
const SAVINGS: HeldAccount = { account_id: "sav", type: "depository", subtype: "savings" };
const CARD: HeldAccount = { account_id: "acc-card-1", type: "credit", subtype: "credit card" };

function run(o: WindowOverrides, opts: { accounts?: HeldAccount[]; catalog?: Catalog } = {}) {
  const window = makeWindow(o);
  const personas = assignPersonas(window);
  const input = {
    user_id: "user-1",
    window,
    personas,
    accounts: opts.accounts ?? [CHECKING, CARD],
    catalog: opts.catalog ?? testCatalog(),
    now: "2025-06-30T12:00:00.000Z",
  };
  return { input, personas, result: recommendWithTrace(input) };
}

const byKind = (ds: RecommendationDraft[], k: "education" | "offer") => ds.filter((d) => d.kind === k);

const SCENARIOS: Record<string, WindowOverrides> = {
  high_utilization: { credit: { cards: [makeCard({ balance_cents: 340_000, interest_charged_cents: 8_700 })] } },
  paycheck_to_paycheck: {
    fees: { overdraft_fee_count: 2, overdraft_fee_cents: 7_000 },
    income: { cash_flow_buffer_months: 0.3, checking_balance_cents: 75_000 },
  },
  variable_income_budgeter: { income: { median_pay_gap_days: 52, cash_flow_buffer_months: 0.43, pay_variability: 0.35 } },
  subscription_heavy: { subscriptions: { recurring_merchant_count: 4, monthly_recurring_spend_cents: 6_297, share_of_spend: 0.12 } },
  savings_builder: {
    credit: { cards: [] },
    savings: { growth_rate: 0.031, start_balance_cents: 500_000, end_balance_cents: 515_500, monthly_net_inflow_cents: 25_000 },
  },
  none: {},
};
const HIGH = SCENARIOS.high_utilization;

describe("recommend: counts, disclosure, guardrails", () => {
  it.each(Object.entries(SCENARIOS))("%s: 3-5 education items and 1-3 offers, each passing every guardrail", (name, o) => {
    const { result, personas } = run(o);
    expect(personas.primary).toBe(name === "none" ? null : name);
    const e = byKind(result.drafts, "education");
    const f = byKind(result.drafts, "offer");
    expect(e.length).toBeGreaterThanOrEqual(3);
    expect(e.length).toBeLessThanOrEqual(5);
    // A user with no persona has no notable signal an offer could answer: no offer rather than an irrelevant one.
    expect(f.length).toBeGreaterThanOrEqual(name === "none" ? 0 : 1);
    expect(f.length).toBeLessThanOrEqual(3);
    expect(e.map((d) => d.rank)).toEqual(e.map((_, i) => i + 1));
    expect(f.map((d) => d.rank)).toEqual(f.map((_, i) => i + 1));
    for (const d of result.drafts) {
      expect(d.disclosure).toBe(DISCLOSURE);
      expect(d.trace.guardrails?.passed).toBe(true);
      expect(checkTone(d.rationale).ok).toBe(true);
      expect(checkGrounding(d.rationale, d.facts)).toEqual({ ok: true, ungrounded: [] });
      expect(d.trace.generator).toBe("template");
      expect(d.trace.generated_at).toBe("2025-06-30T12:00:00.000Z");
    }
  });

  it("is deterministic", () => {
    expect(run(HIGH).result).toEqual(run(HIGH).result);
  });

  it("refuses personas from another window", () => {
    const { input } = run(HIGH);
    expect(() => recommend({ ...input, window: makeWindow({ ...HIGH, window: "180d" }) })).toThrow(/personas are for 30d/);
  });
});

describe("recommend: rationale", () => {
  it("cites the card's mask and the user's own numbers, all from facts", () => {
    const { result } = run(HIGH);
    const top = result.drafts[0];
    expect(top.item_id).toBe("hu-paydown"); // primary persona + two notable tags, ties by id
    expect(top.rationale).toBe(
      "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of $5,000 limit). " +
        "Bringing this below 30% could improve your credit score and reduce interest charges of $87/month. " +
        "This short read explains the basics and a few next steps you can take at your own pace.",
    );
    expect(top.facts).toEqual(
      expect.arrayContaining([
        { key: "card.4523.utilization", label: "Visa ending in 4523 utilization", value: 0.68, unit: "ratio", display: "68%", subject: "Visa ending in 4523" },
        expect.objectContaining({ key: "card.4523.balance", value: 340_000, unit: "usd_cents", display: "$3,400" }),
        expect.objectContaining({ key: "card.4523.limit", value: 500_000, display: "$5,000" }),
        expect.objectContaining({ key: "target.utilization", value: 0.3, display: "30%" }),
        expect.objectContaining({ key: "credit.interest_monthly", value: 8_700, display: "$87" }),
      ]),
    );
  });

  it("uses the item's own closing sentence when it has one", () => {
    const d = run(HIGH).result.drafts.find((x) => x.item_id === "hu-utilization")!;
    expect(d.rationale.endsWith("This read explains utilization.")).toBe(true);
  });

  it("leaves out the interest clause when no interest was charged", () => {
    const d = run({ credit: { cards: [makeCard({ balance_cents: 300_000 })] } }).result.drafts[0];
    expect(d.rationale).toContain("Bringing this below 30% could improve your credit score.");
    expect(d.rationale).not.toContain("interest charges");
  });

  it("falls back on the persona's notable signals when the item's own tags are not notable", () => {
    const w = makeWindow(HIGH);
    const active = activeSignalTags(w);
    const r = composeRationale("education", { signal_tags: [] }, w, "high_utilization", active);
    expect(r.tags).toEqual(["credit.utilization"]);
    expect(r.text).toContain("Visa ending in 4523 is at 68% utilization");
    // a general item never borrows a persona's signals
    const g = composeRationale("education", { signal_tags: [] }, w, "general", active);
    expect(g.tags).toEqual([]);
    expect(g.text).toContain("Based on the last 30 days of your transactions");
  });

  it("cites at most two tags, from different signal groups", () => {
    const w = makeWindow({ ...HIGH, fees: { overdraft_fee_count: 1, overdraft_fee_cents: 3_500 } });
    const r = composeRationale(
      "education",
      { signal_tags: ["credit.utilization", "credit.interest", "fees.overdraft", "savings.growth"] },
      w,
      "high_utilization",
      activeSignalTags(w),
    );
    expect(r.tags).toEqual(["credit.utilization", "fees.overdraft"]);
  });

  it("paycheck-to-paycheck rationale cites fees, window and buffer", () => {
    const d = run(SCENARIOS.paycheck_to_paycheck).result.drafts.find((x) => x.item_id === "p2p-bills")!;
    expect(d.rationale).toContain("Your checking balance of $750 covers about 0.3 months of your usual expenses of $2,500 a month.");
    expect(d.rationale).toContain("You were charged 2 fees for overdrafts or insufficient funds in the last 30 days, $70 in total.");
  });

  it("no-persona users get a general sentence citing the window", () => {
    const d = run({ savings: { emergency_fund_months: 5 } }).result.drafts.find((x) => x.item_id === "gen-budget")!;
    expect(d.rationale).toContain("Based on the last 30 days of your transactions");
    expect(d.facts).toEqual([expect.objectContaining({ key: "window.days", value: 30, unit: "days" })]);
  });
});

describe("recommend: selection and ranking", () => {
  it("primary persona items rank above secondary ones", () => {
    const { result, personas } = run({
      ...HIGH,
      subscriptions: { recurring_merchant_count: 5, monthly_recurring_spend_cents: 9_000 },
    });
    expect(personas.matched.map((m) => m.id)).toEqual(["high_utilization", "subscription_heavy"]);
    const e = byKind(result.drafts, "education");
    expect(e.every((d) => d.item_id.startsWith("hu-"))).toBe(true);
    expect(e[0].trace.score).toMatchObject({ persona_rule: "PRIMARY_PERSONA_WEIGHT", persona_weight: 10, signal_weight: 4, total: 14 });
  });

  it("ties break by item id", () => {
    const ids = byKind(run(SCENARIOS.subscription_heavy).result.drafts, "education").map((d) => [d.item_id, d.trace.score.total]);
    expect(ids).toEqual([
      ["sub-audit", 14],
      ["sub-annual", 12],
      ["sub-keep", 12],
      ["sub-share", 12],
      ["sub-alerts", 10],
    ]);
  });

  it("no-persona users get only general education", () => {
    const e = byKind(run({}).result.drafts, "education");
    expect(e.length).toBe(5);
    expect(e.every((d) => d.trace.score.persona_rule === "GENERAL_ITEM_WEIGHT")).toBe(true);
  });

  it("ranking ignores partner payout: raising a payout changes nothing", () => {
    const base = run(HIGH, { accounts: [CHECKING] });
    const cat = testCatalog();
    for (const o of cat.offers) o.partner_payout_cents = o.id === "o-counsel" ? 10_000_000 : 0;
    const raised = run(HIGH, { accounts: [CHECKING], catalog: cat });
    expect(raised.result.drafts.map((d) => d.item_id)).toEqual(base.result.drafts.map((d) => d.item_id));
    expect(raised.result).toEqual(base.result);
  });

  it("ranking never even reads partner_payout_cents", () => {
    const cat = testCatalog();
    cat.offers = cat.offers.map(
      (o) =>
        new Proxy(o, {
          get(t, p) {
            if (p === "partner_payout_cents") throw new Error("ranking read partner_payout_cents");
            return Reflect.get(t, p);
          },
        }),
    );
    expect(() => run(HIGH, { catalog: cat })).not.toThrow();
  });

});

describe("recommend: offers and eligibility", () => {
  it("excludes an ineligible offer and records the failing check", () => {
    const { result } = run({ ...HIGH, income: { monthly_income_cents: 200_000 } });
    const f = byKind(result.drafts, "offer").map((d) => d.item_id);
    expect(f).not.toContain("o-bt-a");
    expect(f).toContain("o-bt-b");
    const x = result.excluded.find((e) => e.item_id === "o-bt-a")!;
    expect(x.reason).toBe("ineligible");
    expect(x.failed_checks).toEqual([expect.objectContaining({ rule: "MIN_MONTHLY_INCOME", passed: false })]);
  });

  it("excludes an offer for an account kind the user already holds", () => {
    const { result } = run(SCENARIOS.paycheck_to_paycheck, { accounts: [CHECKING, SAVINGS, CARD] });
    expect(byKind(result.drafts, "offer").map((d) => d.item_id)).not.toContain("o-savings-starter");
    expect(result.excluded.find((e) => e.item_id === "o-savings-starter")!.failed_checks[0]).toMatchObject({
      rule: "NOT_ALREADY_HELD",
      passed: false,
    });
    const without = run(SCENARIOS.paycheck_to_paycheck, { accounts: [CHECKING] });
    expect(byKind(without.result.drafts, "offer").map((d) => d.item_id)).toContain("o-savings-starter");
  });

  it("shows at most one offer per kind", () => {
    const { result } = run(HIGH);
    const kinds = byKind(result.drafts, "offer").map((d) => d.item_id);
    expect(kinds).toEqual(["o-bt-a"]);
    expect(result.excluded.find((e) => e.item_id === "o-bt-b")!.reason).toBe("duplicate_kind");
    // Credit counseling is about an overdue card and overdraft fees: this user has neither (relevant or nothing).
    expect(result.excluded.find((e) => e.item_id === "o-counsel")!.reason).toBe("not_relevant");
  });

  it("refuses a predatory offer even if a catalog holds one", () => {
    const cat = testCatalog();
    const payday: PartnerOffer = offer({
      id: "a-payday",
      kind: "payday_loan" as OfferKind,
      persona_tags: ["high_utilization"],
      signal_tags: ["credit.utilization", "credit.interest"],
      predatory: true,
      max_apr_percentage: 400,
    });
    cat.offers.push(payday);
    const { result } = run(HIGH, { catalog: cat });
    expect(result.drafts.map((d) => d.item_id)).not.toContain("a-payday");
    expect(result.excluded.find((e) => e.item_id === "a-payday")).toMatchObject({
      reason: "ineligible",
      failed_checks: [expect.objectContaining({ rule: "NOT_PREDATORY", passed: false })],
    });
  });

  it("no eligible offer: 0 offers, recorded as 'no eligible offer' in the result and every trace", () => {
    const { result } = run({}, { accounts: [CHECKING, SAVINGS] });
    expect(byKind(result.drafts, "offer")).toEqual([]);
    expect(byKind(result.drafts, "education").length).toBeGreaterThanOrEqual(3);
    expect(result.notes).toEqual([NO_ELIGIBLE_OFFER]);
    expect(NO_ELIGIBLE_OFFER).toBe("no eligible offer");
    for (const d of result.drafts) expect(d.trace.notes).toContain("no eligible offer");
    expect(result.excluded).toEqual([
      expect.objectContaining({ item_id: "gen-fees", reason: "not_relevant" }),
      expect.objectContaining({ item_id: "o-savings-starter", reason: "ineligible" }),
    ]);
  });

  it("a draft that fails a guardrail is skipped, recorded, and the next candidate takes its place", () => {
    const cat = testCatalog();
    cat.education.push(edu("hu-aaa-bad", ["high_utilization"], ["credit.utilization", "credit.interest"], "Stop being reckless with cards."));
    const { result } = run(HIGH, { catalog: cat });
    expect(result.drafts.map((d) => d.item_id)).not.toContain("hu-aaa-bad");
    expect(byKind(result.drafts, "education")).toHaveLength(5);
    const x = result.excluded.find((e) => e.item_id === "hu-aaa-bad")!;
    expect(x.reason).toBe("guardrail_failed");
    expect(x.failed_checks.map((c) => c.rule)).toEqual(["TONE"]);
  });
});

describe("recommend: decision trace", () => {
  it("records signals, persona reasons, score, rules, generator and time", () => {
    const { result } = run(HIGH);
    const t = result.drafts[0].trace;
    expect(t).toMatchObject({ user_id: "user-1", window: "30d", as_of: "2025-06-30", item: { id: "hu-paydown", kind: "education" } });
    expect(t.signals).toEqual(
      expect.arrayContaining([
        { name: "credit.max_utilization", value: 0.68 },
        { name: "credit.interest_charged_cents", value: 8_700 },
      ]),
    );
    expect(t.persona.primary).toBe("high_utilization");
    expect(t.persona.matched[0].reasons[0]).toMatchObject({ rule: "HIGH_UTILIZATION_CARD_UTILIZATION_MIN", met: true });
    expect(t.score).toMatchObject({ signal_matches: ["credit.utilization", "credit.interest"], payout_considered: false, tie_break: "item_id ascending" });
    expect(t.rationale_tags).toEqual(["credit.utilization"]);
    const names = t.rules.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["HIGH_UTILIZATION_CARD_UTILIZATION_MIN", "PRIMARY_PERSONA_WEIGHT", "SIGNAL_TAG_WEIGHT", "CREDIT_UTILIZATION_TARGET_BELOW", "DISCLOSURE"]));
    expect(t.rules.find((r) => r.name === "HIGH_UTILIZATION_CARD_UTILIZATION_MIN")!.value).toBe(0.5);
    expect(t.guardrails!.checks.map((c) => c.rule)).toEqual(["NON_EMPTY_RATIONALE", "TONE", "NO_ADVICE_LANGUAGE", "DISCLOSURE", "GROUNDED_NUMBERS"]);
    expect(t.eligibility).toBeNull();
  });

  it("an offer's trace holds every eligibility check and the eligibility signals", () => {
    const d = run(HIGH).result.drafts.find((x) => x.item_id === "o-bt-a")!;
    expect(d.trace.eligibility!.checks.map((c) => [c.rule, c.passed])).toEqual([
      ["NOT_PREDATORY", true],
      ["MIN_MONTHLY_INCOME", true],
      ["MIN_UTILIZATION", true],
      ["NO_OVERDUE", true],
      ["REQUIRES_CREDIT_CARD", true],
    ]);
    expect(d.trace.signals).toEqual(expect.arrayContaining([{ name: "income.monthly_income_cents", value: 433_333 }]));
    expect(d.trace.guardrails!.checks.map((c) => c.rule)).toContain("OFFER_ELIGIBLE");
    expect(d.trace.rules).toEqual(expect.arrayContaining([{ name: "MIN_MONTHLY_INCOME", value: 250_000 }]));
    expect(d.rationale).toContain("We rank offers by how well they fit your situation, never by what a partner pays us.");
  });
});

describe("recommend: relevant or nothing", () => {
  const NO_CARD_NO_FEES_NO_SUBS: WindowOverrides = { credit: { cards: [] } };

  it("a user without a persona gets no card, fee or subscription items, and an offer only for a signal it answers", () => {
    const { result, personas } = run(NO_CARD_NO_FEES_NO_SUBS);
    expect(personas.primary).toBeNull();
    const ids = result.drafts.map((d) => d.item_id);
    expect(ids).not.toContain("gen-fees");
    for (const d of result.drafts) expect(d.trace.persona.item_persona).toBe("general");
    const fees = result.excluded.find((x) => x.item_id === "gen-fees")!;
    expect(fees.reason).toBe("not_relevant");
    expect(fees.failed_checks).toEqual([
      { rule: "RELEVANT_SIGNAL_TAGS", passed: false, detail: "fees.overdraft is about an overdraft or NSF fee, which the user does not have" },
    ]);
    // The savings starter (income.buffer) is eligible but answers no notable signal of this user.
    expect(byKind(result.drafts, "offer")).toEqual([]);
    const starter = result.excluded.find((x) => x.item_id === "o-savings-starter")!;
    expect(starter.reason).toBe("not_relevant");
    expect(starter.failed_checks.map((c) => c.rule)).toEqual(["OFFER_MIN_ANSWERED_SIGNALS"]);
    expect(result.notes).toContain("1 eligible offer(s) left out as not relevant to the user (RELEVANT_SIGNAL_TAGS, OFFER_MIN_ANSWERED_SIGNALS)");
  });

  it("a persona item whose tag does not hold is left out; fewer items, and the trace says why", () => {
    const cat = testCatalog();
    // Only two general items without tags, and a general overdraft guide the user has no fee for.
    cat.education = cat.education.filter((e) => e.id === "gen-snapshot" || e.id === "gen-budget" || e.id === "gen-fees");
    const { result } = run(NO_CARD_NO_FEES_NO_SUBS, { catalog: cat });
    expect(byKind(result.drafts, "education").map((d) => d.item_id)).toEqual(["gen-budget", "gen-snapshot"]);
    const note = "only 2 education items available (minimum 3): 1 candidate(s) left out as not relevant to the user (RELEVANT_SIGNAL_TAGS); fewer items rather than irrelevant ones";
    expect(result.notes).toContain(note);
    for (const d of result.drafts) expect(d.trace.notes).toContain(note);
  });

  it("the same overdraft guide is given when the user was charged overdraft fees", () => {
    const cat = testCatalog();
    cat.education = cat.education.filter((e) => e.id === "gen-snapshot" || e.id === "gen-budget" || e.id === "gen-fees");
    const { result } = run({ ...NO_CARD_NO_FEES_NO_SUBS, fees: { overdraft_fee_count: 1, overdraft_fee_cents: 3_400 } }, { catalog: cat });
    expect(byKind(result.drafts, "education").map((d) => d.item_id)).toContain("gen-fees");
  });
});
