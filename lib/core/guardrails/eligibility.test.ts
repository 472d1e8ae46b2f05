import { describe, expect, it } from "vitest";
import type { OfferKind, PartnerOffer } from "../recommend/catalog";
import { makeCard, makeWindow } from "../personas/test-helpers";
import { checkEligibility, eligibilityFactsFrom, type EligibilityFacts } from "./eligibility";

const offer = (o: Partial<PartnerOffer> = {}): PartnerOffer => ({
  id: "offer-test",
  partner: "Test Bank",
  kind: "balance_transfer_card",
  title: "Test card",
  summary: "A test card.",
  persona_tags: ["high_utilization"],
  signal_tags: [],
  eligibility: {},
  predatory: false,
  partner_payout_cents: 1_000,
  ...o,
});

const user = (u: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  monthly_income_cents: 400_000,
  max_utilization: 0.6,
  card_count: 1,
  overdue: false,
  payroll_detected: true,
  held_subtypes: ["checking", "credit card"],
  ...u,
});

/** A predatory item, as a test fixture: the check must refuse it. */
const PAYDAY_LOAN = offer({
  id: "offer-quickcash-payday",
  partner: "QuickCash",
  kind: "payday_loan" as OfferKind,
  title: "Get cash before payday",
  predatory: true,
  max_apr_percentage: 390,
});

describe("checkEligibility", () => {
  it("always runs NOT_PREDATORY; an offer with no requirements is eligible", () => {
    const r = checkEligibility(offer(), user());
    expect(r).toEqual({ offer_id: "offer-test", eligible: true, checks: [{ rule: "NOT_PREDATORY", passed: true, detail: "Not a predatory product." }] });
  });

  it("refuses a predatory item (payday loan fixture) whatever else holds", () => {
    const r = checkEligibility(PAYDAY_LOAN, user());
    expect(r.eligible).toBe(false);
    const c = r.checks.find((x) => x.rule === "NOT_PREDATORY")!;
    expect(c.passed).toBe(false);
    expect(c.detail).toContain("marked predatory");
    expect(c.detail).toContain("payday_loan");
    expect(c.detail).toContain("390%");
  });

  it("refuses a product marked not predatory but of a predatory kind or above a 36% APR", () => {
    expect(checkEligibility(offer({ kind: "title_loan" as OfferKind }), user()).eligible).toBe(false);
    expect(checkEligibility(offer({ max_apr_percentage: 36.01 }), user()).eligible).toBe(false);
    expect(checkEligibility(offer({ max_apr_percentage: 36 }), user()).eligible).toBe(true);
  });

  it("min monthly income: equal passes, a cent short fails", () => {
    const o = offer({ eligibility: { min_monthly_income_cents: 250_000 } });
    expect(checkEligibility(o, user({ monthly_income_cents: 250_000 })).eligible).toBe(true);
    const r = checkEligibility(o, user({ monthly_income_cents: 249_999 }));
    expect(r.eligible).toBe(false);
    expect(r.checks.find((c) => c.rule === "MIN_MONTHLY_INCOME")).toMatchObject({ passed: false });
    expect(r.checks.find((c) => c.rule === "MIN_MONTHLY_INCOME")!.detail).toContain("$2,499.99");
  });

  it("max utilization: at the maximum passes, above fails, no card passes", () => {
    const o = offer({ eligibility: { max_utilization: 0.3 } });
    expect(checkEligibility(o, user({ max_utilization: 0.3 })).eligible).toBe(true);
    expect(checkEligibility(o, user({ max_utilization: 0.31 })).eligible).toBe(false);
    expect(checkEligibility(o, user({ max_utilization: null, card_count: 0 })).eligible).toBe(true);
  });

  it("min utilization: below fails, no card fails", () => {
    const o = offer({ eligibility: { min_utilization: 0.3 } });
    expect(checkEligibility(o, user({ max_utilization: 0.3 })).eligible).toBe(true);
    expect(checkEligibility(o, user({ max_utilization: 0.29 })).eligible).toBe(false);
    expect(checkEligibility(o, user({ max_utilization: null })).eligible).toBe(false);
  });

  it("excluded when the user already holds that kind of account (case-insensitive)", () => {
    const o = offer({ kind: "high_yield_savings", eligibility: { excluded_if_holds: ["savings", "money market"] } });
    const r = checkEligibility(o, user({ held_subtypes: ["checking", "Money Market"] }));
    expect(r.eligible).toBe(false);
    expect(r.checks.find((c) => c.rule === "NOT_ALREADY_HELD")).toMatchObject({ passed: false, detail: "Already holds a money market account." });
    expect(checkEligibility(o, user({ held_subtypes: ["checking"] })).eligible).toBe(true);
  });

  it("requires no overdue, payroll, a credit card", () => {
    expect(checkEligibility(offer({ eligibility: { requires_no_overdue: true } }), user({ overdue: true })).eligible).toBe(false);
    expect(checkEligibility(offer({ eligibility: { requires_payroll: true } }), user({ payroll_detected: false })).eligible).toBe(false);
    expect(checkEligibility(offer({ eligibility: { requires_credit_card: true } }), user({ card_count: 0 })).eligible).toBe(false);
  });

  it("records every check, passed or failed, in order", () => {
    const r = checkEligibility(
      offer({ eligibility: { min_monthly_income_cents: 100_000, min_utilization: 0.3, requires_no_overdue: true, requires_credit_card: true } }),
      user({ overdue: true }),
    );
    expect(r.checks.map((c) => [c.rule, c.passed])).toEqual([
      ["NOT_PREDATORY", true],
      ["MIN_MONTHLY_INCOME", true],
      ["MIN_UTILIZATION", true],
      ["NO_OVERDUE", false],
      ["REQUIRES_CREDIT_CARD", true],
    ]);
  });

  it("fails closed on an eligibility field it does not know", () => {
    const o = offer({ eligibility: { min_credit_score: 700 } as unknown as PartnerOffer["eligibility"] });
    const r = checkEligibility(o, user());
    expect(r.eligible).toBe(false);
    expect(r.checks.find((c) => c.rule === "KNOWN_ELIGIBILITY_FIELDS")!.detail).toContain("min_credit_score");
  });
});

describe("eligibilityFactsFrom", () => {
  it("reads income, credit and the held subtypes", () => {
    const w = makeWindow({ credit: { cards: [makeCard({ balance_cents: 200_000, overdue: true })] } });
    const f = eligibilityFactsFrom(w, [
      { account_id: "a", type: "depository", subtype: "checking" },
      { account_id: "b", type: "depository", subtype: "money_market" },
      { account_id: "c", type: "credit", subtype: null },
    ]);
    expect(f).toEqual({
      monthly_income_cents: 433_333,
      max_utilization: 0.4,
      card_count: 1,
      overdue: true,
      payroll_detected: true,
      held_subtypes: ["checking", "credit card", "money market"],
    });
  });
});
