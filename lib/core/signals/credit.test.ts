import { describe, expect, it } from "vitest";
import { computeSignals } from "./engine";
import { isMinimumPayment, utilizationFlags } from "./credit";
import { account, liability, monthlyDates, pfc, tx, user } from "./testkit";

const AS_OF = "2025-06-30";
const card = (id: string, mask: string, current: number | null, limit: number | null) =>
  account(id, { type: "credit", subtype: "credit card", mask, current_cents: current, limit_cents: limit });

describe("credit signals", () => {
  it("no cards: card_count 0, max_utilization null, nothing flagged", () => {
    const c = computeSignals(user([account("chk")], []), AS_OF).windows["30d"].credit;
    expect(c).toMatchObject({ card_count: 0, max_utilization: null, cards: [], minimum_payment_only: false, interest_charged_cents: 0, overdue: false });
  });

  it("utilization per card with 30/50/80 flags; a null current balance falls back to the last statement balance", () => {
    const data = user(
      [account("chk"), card("a", "1111", 350_000, 1_000_000), card("b", "2222", null, 500_000), card("c", "3333", 20_000, null)],
      [],
      [liability("b", { last_statement_balance_cents: 425_000 })],
    );
    const c = computeSignals(data, AS_OF).windows["180d"].credit;
    expect(c.card_count).toBe(3);
    expect(c.cards.map((x) => [x.account_id, x.utilization, x.flags])).toEqual([
      ["a", 0.35, ["30"]],
      ["b", 0.85, ["30", "50", "80"]],
      ["c", null, []],
    ]);
    expect(c.max_utilization).toBe(0.85);
    expect(utilizationFlags(0.5)).toEqual(["30", "50"]);
    expect(utilizationFlags(0.2999)).toEqual([]);
  });

});

describe("credit signals: minimum payment only", () => {
  it("minimum-payment-only from the card's payment rows, else from the liability's last payment", () => {
    const payRows = (id: string, amounts: number[]) =>
      monthlyDates("2025-01-25", amounts.length).map((d, i) => tx(d, -amounts[i], "AUTOMATIC PAYMENT - THANK YOU", { account_id: id, ...pfc("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT") }));
    const data = user(
      [account("chk"), card("a", "1111", 350_000, 1_000_000), card("b", "2222", 300_000, 1_000_000), card("c", "3333", 300_000, 1_000_000)],
      [...payRows("a", [3500, 3500, 3530, 3500, 3500, 3500]), ...payRows("b", [3500, 3500, 3500, 3500, 3500, 20_000])],
      [
        liability("a", { minimum_payment_amount_cents: 3500, last_statement_balance_cents: 350_000 }),
        liability("b", { minimum_payment_amount_cents: 3500, last_statement_balance_cents: 300_000 }),
        liability("c", { minimum_payment_amount_cents: 9000, last_statement_balance_cents: 300_000, last_payment_amount_cents: 9000, last_payment_date: "2025-04-20" }),
      ],
    );
    const s = computeSignals(data, AS_OF);
    const by = (w: "30d" | "180d") => Object.fromEntries(s.windows[w].credit.cards.map((x) => [x.account_id, x.minimum_payment_only]));
    expect(by("180d")).toEqual({ a: true, b: false, c: true });
    // In June card b paid $200 (more than the minimum); card c has no rows, its liability says the minimum.
    expect(by("30d")).toEqual({ a: true, b: false, c: true });
    expect(s.windows["180d"].credit.minimum_payment_only).toBe(true);
    expect(isMinimumPayment(3540, 3500)).toBe(true); // within max(2%, 50 cents)
    expect(isMinimumPayment(3600, 3500)).toBe(false);
    expect(isMinimumPayment(3400, 3500)).toBe(false); // a round amount below the minimum is not "the minimum"
  });

  it("a balance paid in full is not minimum-only even when the payment equals the minimum", () => {
    const data = user(
      [account("chk"), card("a", "1111", 2_500, 100_000)],
      [tx("2025-06-20", -2_500, "PAYMENT THANK YOU", { account_id: "a", ...pfc("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT") })],
      [liability("a", { minimum_payment_amount_cents: 2_500, last_statement_balance_cents: 2_500 })],
    );
    expect(computeSignals(data, AS_OF).windows["30d"].credit.minimum_payment_only).toBe(false);
  });

});

describe("credit signals: interest and overdue", () => {
  it("interest charged from interest rows in the window, else from the liability's APRs; overdue from is_overdue", () => {
    const data = user(
      [account("chk"), card("a", "1111", 350_000, 1_000_000), card("b", "2222", 300_000, 1_000_000)],
      [
        tx("2025-05-03", 5102, "PURCHASE INTEREST CHARGE", { account_id: "a", ...pfc("BANK_FEES_INTEREST_CHARGE") }),
        tx("2025-06-03", 5230, "PURCHASE INTEREST CHARGE", { account_id: "a", ...pfc("BANK_FEES_INTEREST_CHARGE") }),
      ],
      [
        liability("a", { aprs: [{ apr_type: "purchase_apr", apr_percentage: 24.99, balance_subject_to_apr_cents: 350_000, interest_charge_amount_cents: 5230 }] }),
        liability("b", {
          is_overdue: true,
          aprs: [{ apr_type: "purchase_apr", apr_percentage: 27.5, balance_subject_to_apr_cents: 300_000, interest_charge_amount_cents: 6120 }],
        }),
      ],
    );
    const s = computeSignals(data, AS_OF);
    expect(s.windows["30d"].credit.interest_charged_cents).toBe(5230 + 6120);
    expect(s.windows["180d"].credit.interest_charged_cents).toBe(5102 + 5230 + 6120);
    expect(s.windows["30d"].credit.overdue).toBe(true);
    expect(s.windows["30d"].credit.cards.map((c) => [c.interest_charged_cents, c.overdue, c.apr_percentage])).toEqual([
      [5230, false, 24.99],
      [6120, true, 27.5],
    ]);
  });
});
