import { describe, expect, it } from "vitest";
import { PREDATORY_APR_ABOVE_PERCENT, PREDATORY_OFFER_KINDS } from "../core/guardrails/constants";
import { checkAdviceLanguage, checkTone } from "../core/guardrails/tone";
import { PERSONA_IDS } from "../core/personas/constants";
import { assignPersonas } from "../core/personas/assign";
import { makeCard, makeWindow, type WindowOverrides } from "../core/personas/test-helpers";
import { recommendWithTrace } from "../core/recommend/recommend";
import type { HeldAccount } from "../core/guardrails/eligibility";
import { CATALOG, CatalogValidationError, loadCatalog } from "./index";
import { EDUCATION_DATA } from "./education";
import { OFFER_DATA } from "./offers";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const validOffer = () => clone(OFFER_DATA[0]) as Record<string, unknown>;

/** A predatory item, as a test fixture: loading must refuse it. */
const PAYDAY_LOAN = {
  id: "offer-quickcash-payday",
  partner: "QuickCash",
  kind: "payday_loan",
  title: "Cash before payday",
  summary: "Get up to $500 today.",
  persona_tags: ["paycheck_to_paycheck"],
  signal_tags: ["fees.overdraft"],
  eligibility: {},
  predatory: true,
  max_apr_percentage: 390,
  partner_payout_cents: 9_000,
};

function loadError(education: unknown[], offers: unknown[]): CatalogValidationError {
  try {
    loadCatalog({ education, offers });
  } catch (e) {
    if (e instanceof CatalogValidationError) return e;
    throw e;
  }
  throw new Error("expected loadCatalog to throw");
}

describe("the catalog", () => {
  it("loads with at least 25 education items and 10 offers", () => {
    expect(CATALOG.education.length).toBeGreaterThanOrEqual(25);
    expect(CATALOG.offers.length).toBeGreaterThanOrEqual(10);
  });

  it("covers every persona with at least five education items and one offer, plus general items", () => {
    for (const p of PERSONA_IDS) {
      expect(CATALOG.education.filter((e) => e.persona_tags.includes(p)).length, p).toBeGreaterThanOrEqual(5);
      expect(CATALOG.offers.filter((o) => o.persona_tags.includes(p)).length, p).toBeGreaterThanOrEqual(1);
    }
    expect(CATALOG.education.filter((e) => e.persona_tags.includes("general")).length).toBeGreaterThanOrEqual(5);
  });

  it("holds nothing predatory", () => {
    for (const o of CATALOG.offers) {
      expect(o.predatory).toBe(false);
      expect(PREDATORY_OFFER_KINDS as readonly string[]).not.toContain(o.kind);
      expect(o.max_apr_percentage ?? 0).toBeLessThanOrEqual(PREDATORY_APR_ABOVE_PERCENT);
    }
  });

  it("is written kindly: every title, summary, paragraph and closing sentence passes the tone check", () => {
    const texts = [
      ...CATALOG.education.flatMap((e) => [e.title, e.summary, ...e.body, e.why ?? ""]),
      ...CATALOG.offers.flatMap((o) => [o.title, o.summary, o.why ?? ""]),
    ];
    for (const t of texts) expect(checkTone(t), t).toEqual({ ok: true, violations: [] });
    for (const t of [...CATALOG.education, ...CATALOG.offers].map((x) => x.why ?? "")) {
      expect(checkAdviceLanguage(t).ok, t).toBe(true);
    }
  });
});

describe("loadCatalog validation", () => {
  it("refuses the predatory fixture, naming the item and each bad field", () => {
    const e = loadError(EDUCATION_DATA, [...OFFER_DATA, PAYDAY_LOAN]);
    const fields = e.issues.filter((i) => i.item_id === "offer-quickcash-payday").map((i) => i.field).sort();
    expect(fields).toEqual(["kind", "max_apr_percentage", "predatory"]);
    expect(e.message).toContain(`Catalog item "offer-quickcash-payday" (offers[${OFFER_DATA.length}]) field "predatory"`);
    expect(e.message).toContain('"payday_loan" is a predatory product kind');
  });

  it("names the item and field of a wrongly typed value", () => {
    const bad = clone(EDUCATION_DATA[3]) as Record<string, unknown>;
    bad.reading_minutes = "five";
    const e = loadError([...EDUCATION_DATA.slice(0, 3), bad, ...EDUCATION_DATA.slice(4)], OFFER_DATA);
    expect(e.issues).toEqual([expect.objectContaining({ section: "education", index: 3, item_id: (bad as { id: string }).id, field: "reading_minutes" })]);
  });

  it("refuses unknown eligibility fields rather than ignoring them", () => {
    const o = validOffer();
    o.eligibility = { min_credit_score: 700 };
    const e = loadError(EDUCATION_DATA, [o, ...OFFER_DATA.slice(1)]);
    expect(e.issues[0]).toMatchObject({ field: "eligibility", message: expect.stringContaining("min_credit_score") });
  });

  it("refuses unknown persona and signal tags, digits in `why`, and duplicate ids", () => {
    const o = validOffer();
    o.persona_tags = ["big_spender"];
    o.signal_tags = ["credit.vibes"];
    o.why = "Save 20% today.";
    const e = loadError([...EDUCATION_DATA, clone(EDUCATION_DATA[0])], [o, ...OFFER_DATA.slice(1)]);
    expect(e.issues.map((i) => i.field)).toEqual(expect.arrayContaining(["persona_tags.0", "signal_tags.0", "why"]));
    const dup = loadError([...EDUCATION_DATA, clone(EDUCATION_DATA[0])], OFFER_DATA);
    expect(dup.issues).toEqual([expect.objectContaining({ field: "id", message: expect.stringContaining("education[0]") })]);
  });

  it("requires enough general items for users with no persona", () => {
    const noGeneral = (EDUCATION_DATA as { persona_tags: string[] }[]).map((x) => ({
      ...clone(x),
      persona_tags: x.persona_tags.filter((t) => t !== "general").length ? x.persona_tags.filter((t) => t !== "general") : ["savings_builder"],
    }));
    expect(loadError(noGeneral, OFFER_DATA).message).toContain('"general" education items');
  });
});

describe("recommend over the real catalog", () => {
  const CHECKING: HeldAccount = { account_id: "chk", type: "depository", subtype: "checking" };
  const CARD: HeldAccount = { account_id: "acc-card-1", type: "credit", subtype: "credit card" };
  const scenarios: Record<string, WindowOverrides> = {
    high_utilization: { credit: { cards: [makeCard({ balance_cents: 340_000, interest_charged_cents: 8_700 })] } },
    paycheck_to_paycheck: { fees: { overdraft_fee_count: 2, overdraft_fee_cents: 7_000 }, income: { cash_flow_buffer_months: 0.3 } },
    variable_income_budgeter: { income: { median_pay_gap_days: 52, cash_flow_buffer_months: 0.43, pay_variability: 0.35 } },
    subscription_heavy: { subscriptions: { recurring_merchant_count: 4, monthly_recurring_spend_cents: 6_297, share_of_spend: 0.12 } },
    savings_builder: { credit: { cards: [] }, savings: { growth_rate: 0.031, monthly_net_inflow_cents: 25_000 } },
    none: {},
  };

  it.each(Object.entries(scenarios))("%s: 3-5 education, 1-3 offers, all guardrails passed", (name, o) => {
    const window = makeWindow(o);
    const personas = assignPersonas(window);
    expect(personas.primary).toBe(name === "none" ? null : name);
    const r = recommendWithTrace({ user_id: "u", window, personas, accounts: [CHECKING, CARD], catalog: CATALOG, now: "2025-06-30T00:00:00Z" });
    const e = r.drafts.filter((d) => d.kind === "education").length;
    const f = r.drafts.filter((d) => d.kind === "offer").length;
    expect(e).toBeGreaterThanOrEqual(3);
    expect(e).toBeLessThanOrEqual(5);
    expect(f).toBeGreaterThanOrEqual(1);
    expect(f).toBeLessThanOrEqual(3);
    expect(r.drafts.every((d) => d.trace.guardrails?.passed)).toBe(true);
    expect(r.excluded.filter((x) => x.reason === "guardrail_failed")).toEqual([]);
  });

  it("offer order does not move when payouts are reversed", () => {
    const window = makeWindow(scenarios.paycheck_to_paycheck);
    const personas = assignPersonas(window);
    const input = { user_id: "u", window, personas, accounts: [CHECKING], catalog: CATALOG };
    const before = recommendWithTrace(input).drafts.map((d) => d.item_id);
    const reversed = clone(CATALOG);
    const payouts = reversed.offers.map((o) => o.partner_payout_cents).reverse();
    reversed.offers.forEach((o, i) => (o.partner_payout_cents = payouts[i] * 100 + 1));
    expect(recommendWithTrace({ ...input, catalog: reversed }).drafts.map((d) => d.item_id)).toEqual(before);
  });
});
