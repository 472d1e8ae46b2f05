import { describe, expect, it } from "vitest";
import { checkCopy } from "../insights/insights";
import { emergencyFundPlan, payoffPlan } from "./calculators";
import { assumedAprSentence, emergencyFundSentences, SAVINGS_UNKNOWN_SENTENCE, overLimitSentence, payoffSentence, subscriptionLine, subscriptionTotal } from "./copy";

const row = { merchant: "Netflix", amount_cents: 1549, cadence: "once a month", next_date: "2026-11-10", monthly_cents: 1549 };

describe("dashboard copy", () => {
  it("subscription lines and totals agree with their counts and pass the tone check", () => {
    const lines = [
      subscriptionLine(row),
      subscriptionTotal({ rows: [row], monthly_total_cents: 1549 }),
      subscriptionTotal({ rows: [row, { ...row, merchant: "Hulu" }], monthly_total_cents: 3098 }),
      overLimitSentence({ label: "Visa ending in 4523", balance_cents: 1_125_000, limit_cents: 500_000, utilization: 2.25, level: "over_limit" }),
    ];
    expect(lines).toEqual([
      "$15.49 once a month · next around November 10 · $15.49 a month",
      "1 subscription, about $15.49 a month together",
      "2 subscriptions, about $30.98 a month together",
      "Visa ending in 4523 has a balance above its limit: 225% in use.",
    ]);
    for (const l of lines) expect(checkCopy(l)).toEqual({ ok: true, violations: [] });
  });
});

describe("planner copy", () => {
  it("emergency fund: months saved and the monthly amount, or already there; no expenses asks for them", () => {
    const i = { savings_cents: 300_000, monthly_expenses_cents: 200_000, target_months: 3, months_to_goal: 12 };
    expect(emergencyFundSentences(i, emergencyFundPlan(i))).toEqual([
      "Your savings cover about 1.5 months of expenses.",
      "To reach $6,000 (3 months of expenses) in 12 months, set aside about $250 a month.",
    ]);
    const j = { ...i, target_months: 1, months_to_goal: 1 };
    expect(emergencyFundSentences(j, emergencyFundPlan(j))[1]).toBe("You're already at a target of $2,000 (1 month of expenses).");
    // $369 against $5,270 a month: the insights' words ("less than a week"), never "about 0 months".
    const low = { ...i, savings_cents: 36_900, monthly_expenses_cents: 527_000 };
    expect(emergencyFundSentences(low, emergencyFundPlan(low))[0]).toBe("Your savings cover less than a week of expenses.");
    const many = { ...i, savings_cents: 2_000_000, monthly_expenses_cents: 100_000 };
    expect(emergencyFundSentences(many, emergencyFundPlan(many))[0]).toBe("Your savings cover more than a year of expenses.");
    const zero = { ...i, savings_cents: 0 };
    expect(emergencyFundSentences(zero, emergencyFundPlan(zero))[0]).toBe("You have no savings set aside yet.");
    const k = { ...i, monthly_expenses_cents: 0 };
    expect(emergencyFundSentences(k, emergencyFundPlan(k))[0]).toBe("Add your monthly expenses to see how many months your savings cover.");
  });
  it("payoff: months and interest, or the minimums the budget misses; all pass the tone check", () => {
    const cards = [{ label: "Visa", balance_cents: 100_000, apr_percentage: 12 }];
    const ok = payoffSentence(payoffPlan(cards, 51_000, "avalanche"));
    const low = payoffSentence(payoffPlan(cards, 100, "avalanche"));
    expect(ok).toBe("Paid off in 2 months, with $15 in interest.");
    expect(low).toBe("This budget is below the cards' minimum payments of $25 a month.");
    for (const l of [ok, low]) expect(checkCopy(l).ok).toBe(true);
  });
});

describe("assumedAprSentence", () => {
  it("names every card with an assumed APR as a list, or says nothing", () => {
    expect(assumedAprSentence(["Visa ending in 1111", "Amex ending in 2222"])).toBe(
      "Your bank did not report an APR for Visa ending in 1111 and Amex ending in 2222; change it to the rate on your statement.",
    );
    expect(assumedAprSentence([])).toBeNull();
    expect(checkCopy(assumedAprSentence(["Visa"])!).ok).toBe(true);
    expect(checkCopy(SAVINGS_UNKNOWN_SENTENCE).ok).toBe(true);
  });
});
