import { describe, expect, it } from "vitest";
import { makeCard, makeWindow } from "../personas/test-helpers";
import { ASSUMED_APR_PERCENT, emergencyFundPlan, firstMinimums, MIN_PAYMENT_FLOOR_CENTS, minimumPayment, PAYOFF_DEFAULT_EXTRA_CENTS, payoffPlan, plannerDefaults } from "./calculators";

describe("emergencyFundPlan", () => {
  it("months saved, target, shortfall and the monthly amount (rounded up to the cent)", () => {
    expect(emergencyFundPlan({ savings_cents: 300_000, monthly_expenses_cents: 200_000, target_months: 3, months_to_goal: 12 })).toEqual({
      months_saved: 1.5, target_cents: 600_000, shortfall_cents: 300_000, monthly_cents: 25_000,
    });
    expect(emergencyFundPlan({ savings_cents: 300_000, monthly_expenses_cents: 200_000, target_months: 3, months_to_goal: 7 }).monthly_cents).toBe(42_858);
  });
  it("already at the target: nothing to add; no expenses: no months figure", () => {
    expect(emergencyFundPlan({ savings_cents: 900_000, monthly_expenses_cents: 200_000, target_months: 3, months_to_goal: 12 })).toMatchObject({ months_saved: 4.5, shortfall_cents: 0, monthly_cents: 0 });
    expect(emergencyFundPlan({ savings_cents: 5000, monthly_expenses_cents: 0, target_months: 3, months_to_goal: 12 })).toEqual({ months_saved: null, target_cents: 0, shortfall_cents: 0, monthly_cents: 0 });
  });
});

describe("payoffPlan", () => {
  it("one card, worked by hand: $1,000 at 12% APR with $510 a month takes 2 months and $15 of interest", () => {
    const r = payoffPlan([{ label: "Visa", balance_cents: 100_000, apr_percentage: 12 }], 51_000, "avalanche");
    expect(r).toEqual({ ok: true, strategy: "avalanche", months: 2, total_interest_cents: 1500, total_paid_cents: 101_500, order: ["Visa"] });
  });

  it("avalanche pays the highest APR first and pays less interest; snowball clears the smallest balance first", () => {
    const cards = [
      { label: "Big", balance_cents: 500_000, apr_percentage: 27 },
      { label: "Small", balance_cents: 80_000, apr_percentage: 12 },
    ];
    const a = payoffPlan(cards, 40_000, "avalanche");
    const s = payoffPlan(cards, 40_000, "snowball");
    if (!a.ok || !s.ok) throw new Error("both plans should finish");
    expect(a.total_interest_cents).toBeLessThan(s.total_interest_cents);
    expect(s.order).toEqual(["Small", "Big"]);
    expect(a.order[0]).toBe("Big");
    // Every cent paid is balance or interest.
    for (const r of [a, s]) expect(r.total_paid_cents).toBe(580_000 + r.total_interest_cents);
    expect(a.months).toBeLessThanOrEqual(s.months);
  });

  it("a budget below the first minimums is refused with the minimums", () => {
    const cards = [{ label: "Visa", balance_cents: 400_000, apr_percentage: 24 }];
    // 1% of $4,080 + $80 interest = $120.80.
    expect(firstMinimums(cards)).toBe(12_080);
    expect(payoffPlan(cards, 12_079, "snowball")).toEqual({ ok: false, strategy: "snowball", reason: "below_minimums", minimums_cents: 12_080 });
    expect(payoffPlan(cards, 12_080, "snowball").ok).toBe(true);
  });

  it("the minimum is 1% plus interest, at least the floor, at most the balance", () => {
    expect(minimumPayment(500_000, 10_000)).toBe(15_000);
    expect(minimumPayment(100_000, 100)).toBe(MIN_PAYMENT_FLOOR_CENTS);
    expect(minimumPayment(1_000, 10)).toBe(1_000);
  });
});

describe("plannerDefaults", () => {
  it("prefills savings and expenses from the long window, cards from the recent one; an unreported APR is assumed and named", () => {
    const recent = makeWindow({ credit: { cards: [makeCard({ name: "Visa", mask: "1111", balance_cents: 400_000, apr_percentage: null }), makeCard({ name: "Paid", mask: "2222", balance_cents: 0 })] } });
    const long = makeWindow({ window: "180d", savings: { end_balance_cents: 250_000, avg_monthly_expenses_cents: 180_000 } });
    const d = plannerDefaults(recent, long);
    expect(d.emergency).toEqual({ savings_cents: 250_000, monthly_expenses_cents: 180_000, target_months: 3, months_to_goal: 12 });
    expect(d.payoff.cards).toEqual([{ label: "Visa ending in 1111", balance_cents: 400_000, apr_percentage: ASSUMED_APR_PERCENT }]);
    expect(d.payoff.assumed_apr).toEqual(["Visa ending in 1111"]);
    // First minimum $120.80 + the default extra, rounded up to whole dollars.
    expect(d.payoff.budget_cents).toBe(Math.ceil((12_080 + PAYOFF_DEFAULT_EXTRA_CENTS) / 100) * 100);
    expect(plannerDefaults(null, null).payoff).toEqual({ cards: [], budget_cents: 0, assumed_apr: [] });
  });
  it("a savings balance the bank did not send is prefilled as unknown (null), never $0; no savings account is $0 saved", () => {
    const unknown = makeWindow({ window: "180d", savings: { has_savings_account: true, end_balance_cents: null, avg_monthly_expenses_cents: 527_000 } });
    expect(plannerDefaults(null, unknown).emergency.savings_cents).toBeNull();
    const none = makeWindow({ window: "180d", savings: { has_savings_account: false, end_balance_cents: 0, avg_monthly_expenses_cents: 527_000 } });
    expect(plannerDefaults(null, none).emergency.savings_cents).toBe(0);
  });
});
