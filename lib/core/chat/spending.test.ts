import { describe, expect, it } from "vitest";
import { computeSignals } from "../signals";
import { account, pfc, tx, user } from "../signals/testkit";
import { spendingByCategory } from "./spending";
import { spendingResult } from "./tools";

const AS_OF = "2025-06-30";
const data = user(
  [account("chk", { mask: "1111" }), account("sav", { subtype: "savings", mask: "2222" }), account("card", { type: "credit", subtype: "credit card", mask: "4523", limit_cents: 500_000 })],
  [
    tx("2025-06-05", 6_000, "WHOLE FOODS", pfc("FOOD_AND_DRINK_GROCERIES")),
    tx("2025-06-20", 2_500, "CHIPOTLE", { account_id: "card", ...pfc("FOOD_AND_DRINK_FAST_FOOD") }),
    tx("2025-06-10", 12_000, "TARGET", pfc("GENERAL_MERCHANDISE_SUPERSTORES")),
    tx("2025-06-15", -2_000, "TARGET REFUND", pfc("GENERAL_MERCHANDISE_SUPERSTORES")),
    tx("2025-06-12", 4_000, "SHELL", { pending: true, transaction_id: "p1", ...pfc("TRANSPORTATION_GAS") }),
    tx("2025-06-13", 4_000, "SHELL", { pending_transaction_id: "p1", ...pfc("TRANSPORTATION_GAS") }),
    tx("2025-06-18", 50_000, "TRANSFER TO SAVINGS 2222", pfc("TRANSFER_OUT_SAVINGS")),
    tx("2025-06-25", 20_000, "PAYMENT TO CARD 4523", pfc("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")),
    tx("2025-05-20", 9_900, "BEFORE THE WINDOW", pfc("FOOD_AND_DRINK_GROCERIES")),
    tx("2025-06-28", 1_500, "UNKNOWN SHOP", { pfc_primary: null, pfc_detailed: null }),
  ],
);

describe("spendingByCategory", () => {
  const s = spendingByCategory(data, AS_OF, 30);

  it("sums each category by the signals' definition of spend (refunds netted, transfers and card payments out, pending once)", () => {
    expect(s.categories).toEqual([
      { primary: "GENERAL_MERCHANDISE", cents: 10_000 },
      { primary: "FOOD_AND_DRINK", cents: 8_500 },
      { primary: "TRANSPORTATION", cents: 4_000 },
      { primary: null, cents: 1_500 },
    ]);
  });

  it("adds up to the 30-day window's total spend of the signal engine", () => {
    const total = computeSignals(data, AS_OF).windows["30d"].subscriptions.total_spend_cents;
    expect(s.total_cents).toBe(total);
    expect(s.categories.reduce((a, c) => a + c.cents, 0)).toBe(total);
  });

  it("becomes a tool result whose every display is a fact", () => {
    const r = spendingResult(s.categories, s.total_cents, 30);
    expect(r.data.categories.map((c) => c.category)).toEqual(["general merchandise", "food and drink", "transportation", "uncategorized"]);
    const displays = new Set(r.facts.map((f) => f.display));
    for (const c of r.data.categories) {
      expect(displays.has(c.amount)).toBe(true);
      expect(displays.has(c.share)).toBe(true);
    }
    expect(displays.has(r.data.total)).toBe(true);
  });
});
