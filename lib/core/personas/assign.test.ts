import { describe, expect, it } from "vitest";
import { assignPersonas } from "./assign";
import {
  HIGH_UTILIZATION_CARD_UTILIZATION_MIN,
  PERSONA_IDS,
  PERSONA_PRIORITY,
  SAVINGS_BUILDER_GROWTH_RATE_MIN,
  SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS,
  VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS,
} from "./constants";
import { makeCard, makeWindow } from "./test-helpers";
import type { PersonaAssignment } from "./types";

const ids = (a: PersonaAssignment) => a.matched.map((m) => m.id);
const criterion = (a: PersonaAssignment, rule: string) =>
  a.evaluations.flatMap((e) => e.criteria).find((c) => c.rule === rule)!;

describe("assignPersonas: defaults", () => {
  it("the default fixture matches no persona: primary null, all five still evaluated", () => {
    const a = assignPersonas(makeWindow());
    expect(a.primary).toBeNull();
    expect(a.matched).toEqual([]);
    expect(a.evaluations.map((e) => e.id)).toEqual(PERSONA_PRIORITY);
    expect(a.evaluations.every((e) => e.criteria.length > 0)).toBe(true);
    // non-matching personas keep their evaluated criteria for the operator's trace
    expect(criterion(a, "HIGH_UTILIZATION_CARD_UTILIZATION_MIN")).toMatchObject({ met: false, value: 0.1, threshold: 0.5, comparator: ">=" });
  });

  it("priority covers all five ids, highest harm first", () => {
    expect([...PERSONA_PRIORITY].sort()).toEqual([...PERSONA_IDS].sort());
    expect(PERSONA_PRIORITY).toEqual([
      "high_utilization",
      "paycheck_to_paycheck",
      "variable_income_budgeter",
      "subscription_heavy",
      "savings_builder",
    ]);
  });
});

describe("High Utilization", () => {
  const withUtil = (balance: number, limit = 500_000) =>
    makeWindow({ credit: { cards: [makeCard({ balance_cents: balance, limit_cents: limit })] } });

  it("exactly 50% matches (inclusive)", () => {
    const a = assignPersonas(withUtil(250_000));
    expect(HIGH_UTILIZATION_CARD_UTILIZATION_MIN).toBe(0.5);
    expect(a.primary).toBe("high_utilization");
  });

  it("49.9% does not", () => {
    expect(ids(assignPersonas(withUtil(249_500)))).not.toContain("high_utilization");
  });

  it("float noise just under 50% still counts as 50%, but 49.99% does not", () => {
    expect(ids(assignPersonas(makeWindow({ credit: { cards: [makeCard({ utilization: 0.49999999999 })] } })))).toContain("high_utilization");
    expect(ids(assignPersonas(makeWindow({ credit: { cards: [makeCard({ utilization: 0.4999 })] } })))).not.toContain("high_utilization");
  });

  it("the reason names the card by mask and states value, threshold and comparator", () => {
    const a = assignPersonas(withUtil(340_000));
    const r = a.matched[0].reasons.find((x) => x.rule === "HIGH_UTILIZATION_CARD_UTILIZATION_MIN")!;
    expect(r).toMatchObject({ signal: "credit.max_utilization", value: 0.68, threshold: 0.5, comparator: ">=", met: true });
    expect(r.text).toBe("Visa ending in 4523 is at 68% utilization (threshold 50%)");
    expect(r.account_ids).toEqual(["acc-card-1"]);
  });

  it("any card over the threshold is enough, and every such card is cited", () => {
    const a = assignPersonas(
      makeWindow({
        credit: {
          cards: [
            makeCard({ account_id: "a1", mask: "1111", name: "Amex", balance_cents: 10_000 }),
            makeCard({ account_id: "a2", mask: "2222", name: "Visa", balance_cents: 300_000 }),
            makeCard({ account_id: "a3", mask: "3333", name: "Discover", balance_cents: 275_000 }),
          ],
        },
      }),
    );
    const r = criterion(a, "HIGH_UTILIZATION_CARD_UTILIZATION_MIN");
    expect(r.met).toBe(true);
    expect(r.value).toBe(0.6);
    expect(r.text).toContain("Visa ending in 2222 is at 60%");
    expect(r.text).toContain("Discover ending in 3333 is at 55%");
    expect(r.text).not.toContain("1111");
  });

  it("interest charged > 0 matches on its own; $0.01 is enough, $0 is not", () => {
    const w = (cents: number) => makeWindow({ credit: { interest_charged_cents: cents } });
    expect(assignPersonas(w(1)).primary).toBe("high_utilization");
    expect(assignPersonas(w(0)).primary).toBeNull();
    expect(criterion(assignPersonas(w(8_700)), "HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS").text).toContain("$87");
  });

  it("minimum-payment-only matches on its own", () => {
    const a = assignPersonas(makeWindow({ credit: { cards: [makeCard({ minimum_payment_only: true })] } }));
    expect(a.primary).toBe("high_utilization");
    expect(a.matched[0].reasons.map((r) => r.rule)).toEqual(["HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY"]);
    expect(a.matched[0].reasons[0].text).toContain("Visa ending in 4523");
  });

  it("overdue matches on its own", () => {
    const a = assignPersonas(makeWindow({ credit: { cards: [makeCard({ overdue: true })] } }));
    expect(a.primary).toBe("high_utilization");
    expect(a.matched[0].reasons.map((r) => r.rule)).toEqual(["HIGH_UTILIZATION_OVERDUE"]);
  });

  it("a card without a limit (utilization null) does not match on utilization", () => {
    const a = assignPersonas(makeWindow({ credit: { cards: [makeCard({ limit_cents: null, balance_cents: 900_000 })] } }));
    const r = criterion(a, "HIGH_UTILIZATION_CARD_UTILIZATION_MIN");
    expect(r.value).toBeNull();
    expect(r.met).toBe(false);
    expect(r.text).toContain("unknown");
  });
});

describe("Variable Income Budgeter", () => {
  const w = (gap: number | null, buffer: number | null) =>
    makeWindow({ income: { median_pay_gap_days: gap, cash_flow_buffer_months: buffer } });

  it("46 days matches, 45 does not (strictly above)", () => {
    expect(VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS).toBe(45);
    expect(assignPersonas(w(46, 0.5)).primary).toBe("variable_income_budgeter");
    expect(assignPersonas(w(45, 0.5)).primary).toBeNull();
    expect(assignPersonas(w(45.5, 0.5)).primary).toBe("variable_income_budgeter");
  });

  it("needs buffer < 1 month: 0.99 matches, exactly 1 does not", () => {
    expect(assignPersonas(w(60, 0.99)).primary).toBe("variable_income_budgeter");
    expect(assignPersonas(w(60, 1)).primary).toBeNull();
  });

  it("a null buffer (no expenses) does not satisfy < 1 month", () => {
    const a = assignPersonas(w(60, null));
    expect(a.primary).toBeNull();
    const r = criterion(a, "VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS");
    expect(r).toMatchObject({ value: null, met: false });
    expect(r.text).toContain("unknown");
  });

  it("a null pay gap (fewer than two paychecks) does not match", () => {
    const a = assignPersonas(w(null, 0.2));
    expect(ids(a)).not.toContain("variable_income_budgeter");
    expect(criterion(a, "VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS")).toMatchObject({ value: null, met: false });
  });

  it("records both criteria with the buffer reason in months", () => {
    const a = assignPersonas(w(52, 0.43));
    expect(a.matched[0].reasons.map((r) => r.text)).toEqual([
      "Median gap between paychecks is 52 days (threshold: more than 45 days)",
      "Cash-flow buffer is 0.4 months of expenses (threshold: under 1 month)",
    ]);
  });

  it("words a tiny positive buffer as under 0.1 months, not 0 months", () => {
    const a = assignPersonas(w(52, 0.004));
    expect(criterion(a, "VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS").text).toBe("Cash-flow buffer is under 0.1 months of expenses (threshold: under 1 month)");
    expect(criterion(assignPersonas(w(52, 0)), "VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS").text).toContain("is 0 months");
  });
});

describe("Subscription-Heavy", () => {
  const w = (count: number, spend: number, share: number) =>
    makeWindow({ subscriptions: { recurring_merchant_count: count, monthly_recurring_spend_cents: spend, share_of_spend: share } });

  it("$50.00 monthly spend matches, $49.99 does not (share under 10%)", () => {
    expect(SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS).toBe(5_000);
    expect(assignPersonas(w(3, 5_000, 0.02)).primary).toBe("subscription_heavy");
    const a = assignPersonas(w(3, 4_999, 0.02));
    expect(a.primary).toBeNull();
    expect(criterion(a, "SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS").text).toBe(
      "Subscriptions cost $49.99 a month (threshold: $50.00 or more)",
    );
  });

  it("share ≥ 10% is enough without the spend", () => {
    expect(assignPersonas(w(3, 4_000, 0.1)).primary).toBe("subscription_heavy");
    expect(assignPersonas(w(3, 4_000, 0.099)).primary).toBeNull();
  });

  it("needs at least 3 merchants", () => {
    expect(assignPersonas(w(2, 20_000, 0.5)).primary).toBeNull();
  });

  it("matched reasons are only the met criteria", () => {
    const a = assignPersonas(w(4, 6_297, 0.05));
    expect(a.matched[0].reasons.map((r) => r.rule)).toEqual([
      "SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN",
      "SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS",
    ]);
    expect(a.evaluations.find((e) => e.id === "subscription_heavy")!.criteria).toHaveLength(3);
  });
});

describe("Savings Builder", () => {
  const growth = (rate: number | null, extra: Parameters<typeof makeWindow>[0] = {}) =>
    makeWindow({ ...extra, savings: { growth_rate: rate, monthly_net_inflow_cents: 5_000, ...extra.savings } });

  it("2% growth matches, 1.99% does not", () => {
    expect(SAVINGS_BUILDER_GROWTH_RATE_MIN).toBe(0.02);
    expect(assignPersonas(growth(0.02)).primary).toBe("savings_builder");
    expect(assignPersonas(growth(0.0199)).primary).toBeNull();
    // computed the way an engine might: (10200 - 10000) / 10000
    expect(assignPersonas(growth((10_200 - 10_000) / 10_000)).primary).toBe("savings_builder");
  });

  it("$200/month net inflow matches, $199.99 does not", () => {
    expect(assignPersonas(growth(0, { savings: { monthly_net_inflow_cents: 20_000 } })).primary).toBe("savings_builder");
    expect(assignPersonas(growth(0, { savings: { monthly_net_inflow_cents: 19_999 } })).primary).toBeNull();
  });

  it("every card must be under 30%: 29.9% passes, exactly 30% fails", () => {
    const card = (balance: number) => ({ credit: { cards: [makeCard({ balance_cents: balance })] } });
    expect(assignPersonas(growth(0.05, card(149_500))).primary).toBe("savings_builder");
    const a = assignPersonas(growth(0.05, card(150_000)));
    expect(a.primary).toBeNull();
    expect(criterion(a, "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW")).toMatchObject({ met: false, value: 0.3, comparator: "<" });
  });

  it("no cards: 'every card under 30%' is vacuously true", () => {
    const a = assignPersonas(growth(0.05, { credit: { cards: [] } }));
    expect(a.primary).toBe("savings_builder");
    const r = criterion(a, "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW");
    expect(r).toMatchObject({ met: true, value: null });
    expect(r.text).toContain("vacuously true");
  });

  it("a card without a limit can't be confirmed under 30%, so it does not match", () => {
    const a = assignPersonas(growth(0.05, { credit: { cards: [makeCard({ limit_cents: null })] } }));
    expect(a.primary).toBeNull();
    expect(criterion(a, "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW").text).toContain("no reported limit");
  });

  it("null growth (no starting balance) does not meet the growth criterion", () => {
    const a = assignPersonas(growth(null));
    expect(criterion(a, "SAVINGS_BUILDER_GROWTH_RATE_MIN")).toMatchObject({ value: null, met: false });
    expect(a.primary).toBeNull();
  });
});

describe("Paycheck-to-Paycheck", () => {
  const w = (fees: number, buffer: number | null) =>
    makeWindow({ fees: { overdraft_fee_count: fees, overdraft_fee_cents: fees * 3_500 }, income: { cash_flow_buffer_months: buffer } });

  it("one overdraft fee and a buffer under a month match", () => {
    const a = assignPersonas(w(1, 0.3));
    expect(a.primary).toBe("paycheck_to_paycheck");
    expect(a.matched[0].reasons[0].text).toBe(
      "1 overdraft or insufficient-funds fee in the window, $35 in total (threshold: more than 0)",
    );
  });

  it("no fee, or a buffer of a month or more, or a null buffer: no match", () => {
    expect(assignPersonas(w(0, 0.3)).primary).toBeNull();
    expect(assignPersonas(w(2, 1)).primary).toBeNull();
    expect(assignPersonas(w(2, null)).primary).toBeNull();
  });
});

describe("priority with multiple matches", () => {
  it("records every match in priority order; primary is the most severe", () => {
    const a = assignPersonas(
      makeWindow({
        credit: { cards: [makeCard({ balance_cents: 400_000 })] },
        fees: { overdraft_fee_count: 2, overdraft_fee_cents: 7_000 },
        income: { median_pay_gap_days: 60, cash_flow_buffer_months: 0.2 },
        subscriptions: { recurring_merchant_count: 5, monthly_recurring_spend_cents: 9_000, share_of_spend: 0.12 },
      }),
    );
    expect(ids(a)).toEqual(["high_utilization", "paycheck_to_paycheck", "variable_income_budgeter", "subscription_heavy"]);
    expect(a.primary).toBe("high_utilization");
  });

  it("paycheck_to_paycheck outranks variable income and subscriptions", () => {
    const a = assignPersonas(
      makeWindow({
        fees: { overdraft_fee_count: 1, overdraft_fee_cents: 3_400 },
        income: { median_pay_gap_days: 60, cash_flow_buffer_months: 0.2 },
        subscriptions: { recurring_merchant_count: 3, monthly_recurring_spend_cents: 6_000 },
      }),
    );
    expect(a.primary).toBe("paycheck_to_paycheck");
    expect(ids(a)).toEqual(["paycheck_to_paycheck", "variable_income_budgeter", "subscription_heavy"]);
  });

  it("subscription_heavy outranks savings_builder", () => {
    const a = assignPersonas(
      makeWindow({
        savings: { growth_rate: 0.05 },
        subscriptions: { recurring_merchant_count: 3, monthly_recurring_spend_cents: 6_000 },
      }),
    );
    expect(ids(a)).toEqual(["subscription_heavy", "savings_builder"]);
    expect(a.primary).toBe("subscription_heavy");
  });

  it("is deterministic and carries the window", () => {
    const w = makeWindow({ window: "180d", savings: { growth_rate: 0.05 } });
    expect(assignPersonas(w)).toEqual(assignPersonas(w));
    expect(assignPersonas(w).window).toBe("180d");
  });
});
