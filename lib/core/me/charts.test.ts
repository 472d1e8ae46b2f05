import { describe, expect, it } from "vitest";
import { makeCard, makeWindow } from "../personas/test-helpers";
import type { RecurringStream } from "../signals/types";
import { cardUtilizations, SPENDING_CHART_MAX_CATEGORIES, spendingChart, subscriptionList } from "./charts";

const none = { categories: [], total_cents: 0 };

describe("spendingChart", () => {
  it("uses the 30-day window, sentence-cased labels, shares of the sum; the tail past the max is one bar", () => {
    const cats = ["FOOD_AND_DRINK", "GENERAL_MERCHANDISE", "TRANSPORTATION", "ENTERTAINMENT", "RENT_AND_UTILITIES", "TRAVEL", "MEDICAL", "PERSONAL_CARE"].map((p, i) => ({
      primary: p,
      cents: 10_000 - i * 1000,
    }));
    const c = spendingChart({ categories: [...cats, { primary: null, cents: 500 }], total_cents: 99_999 }, none)!;
    expect(c.days).toBe(30);
    expect(c.bars).toHaveLength(SPENDING_CHART_MAX_CATEGORIES + 1);
    expect(c.bars[0]).toEqual({ label: "Food and drink", cents: 10_000, share: 10_000 / c.total_cents });
    expect(c.bars.at(-1)).toEqual({ label: "Everything else", cents: 4000 + 3000 + 500, share: 7500 / c.total_cents });
    expect(c.total_cents).toBe(cats.reduce((a, x) => a + x.cents, 500));
    expect(c.bars.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 10);
  });
  it("falls back to the 180-day window and says so; nothing to chart is null", () => {
    expect(spendingChart(none, { categories: [{ primary: "TRAVEL", cents: 2500 }], total_cents: 2500 })).toEqual({ days: 180, total_cents: 2500, bars: [{ label: "Travel", cents: 2500, share: 1 }] });
    expect(spendingChart(none, none)).toBeNull();
  });
});

describe("cardUtilizations", () => {
  it("marks cards under the 30% line, over it, and over the limit; skips cards without a limit", () => {
    const w = makeWindow({
      credit: {
        cards: [
          makeCard({ name: "Low", mask: "1111", balance_cents: 13_500, limit_cents: 500_000 }),
          makeCard({ name: "Mid", mask: "2222", balance_cents: 150_000, limit_cents: 500_000 }),
          makeCard({ name: "High", mask: "3333", balance_cents: 1_125_000, limit_cents: 500_000 }),
          makeCard({ name: "Charge", mask: "4444", limit_cents: null }),
        ],
      },
    });
    expect(cardUtilizations(w).map((c) => [c.label, c.utilization, c.level])).toEqual([
      ["Low ending in 1111", 0.027, "under_line"],
      ["Mid ending in 2222", 0.3, "over_line"],
      ["High ending in 3333", 2.25, "over_limit"],
    ]);
    expect(cardUtilizations(null)).toEqual([]);
  });
});

function stream(merchant: string, monthly: number, over: Partial<RecurringStream> = {}): RecurringStream {
  return {
    stream_id: `outflow:${merchant}`, direction: "outflow", merchant, merchant_key: merchant.toLowerCase(), frequency: "MONTHLY", status: "MATURE",
    average_amount_cents: monthly, last_amount_cents: monthly, first_date: "2025-01-05", last_date: "2025-06-05", predicted_next_date: "2025-07-05",
    occurrences: 6, category: "subscription", is_subscription: true, pfc_primary: null, pfc_detailed: null, transaction_ids: [],
    meets_recurring_rule: true, monthly_equivalent_cents: monthly, ...over,
  };
}

describe("subscriptionList", () => {
  it("lists counted subscriptions with cadence words and next date, largest first; the total is the rows' sum", () => {
    const w = makeWindow({
      subscriptions: {
        recurring_merchant_count: 2,
        monthly_recurring_spend_cents: 0,
        streams: [
          stream("Netflix", 1549),
          stream("Gym", 433, { frequency: "WEEKLY", last_amount_cents: 1000, predicted_next_date: "2025-07-01" }),
          stream("Spotify", 1199),
          stream("Rent", 150_000, { is_subscription: false }),
          stream("Trial", 999, { meets_recurring_rule: false }),
        ],
      },
    });
    const l = subscriptionList(w);
    expect(l.rows.map((r) => [r.merchant, r.cadence, r.amount_cents, r.next_date])).toEqual([
      ["Netflix", "once a month", 1549, "2025-07-05"],
      ["Spotify", "once a month", 1199, "2025-07-05"],
      ["Gym", "every week", 1000, "2025-07-01"],
    ]);
    expect(l.monthly_total_cents).toBe(1549 + 1199 + 433);
    expect(subscriptionList(null)).toEqual({ rows: [], monthly_total_cents: 0 });
  });
});
