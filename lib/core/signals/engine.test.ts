import { describe, expect, it } from "vitest";
import { benchSignals, computeSignals, computeWindow, toProfileWindowJson } from "./index";
import type { CoreTransaction } from "../types";
import { account, everyNDays, liability, monthlyDates, pfc, rng, tx, user } from "./testkit";
import { addDays } from "../time";

const AS_OF = "2025-06-30";

function baseRows(): CoreTransaction[] {
  return [
    ...monthlyDates("2025-01-08", 6).map((d) => tx(d, 1549, "Netflix", { account_id: "card", merchant_name: "Netflix", ...pfc("ENTERTAINMENT_TV_AND_MOVIES") })),
    ...monthlyDates("2025-01-05", 6).map((d) => tx(d, 150_000, "OAKWOOD APARTMENTS", pfc("RENT_AND_UTILITIES_RENT"))),
    ...everyNDays("2025-01-03", 14, 13).map((d) => tx(d, -215_000, "ACME CORP PAYROLL", pfc("INCOME_WAGES"))),
    ...monthlyDates("2025-01-02", 6).map((d) => tx(d, -40_000, "Transfer from CHK", { account_id: "sav", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") })),
    tx("2025-06-14", 6_000, "SAFEWAY", { account_id: "card", ...pfc("FOOD_AND_DRINK_GROCERIES") }),
  ];
}
const accounts = () => [
  account("chk", { current_cents: 310_000 }),
  account("sav", { subtype: "savings", current_cents: 900_000 }),
  account("card", { type: "credit", subtype: "credit card", mask: "4444", current_cents: 40_000, limit_cents: 200_000 }),
];

describe("computeSignals", () => {
  it("pending then posted is counted once; an unmatched pending row counts once", () => {
    const rows = [
      tx("2025-06-10", 4_523, "WHOLE FOODS", { transaction_id: "p1", pending: true, ...pfc("FOOD_AND_DRINK_GROCERIES") }),
      tx("2025-06-12", 4_523, "WHOLE FOODS", { transaction_id: "x1", pending_transaction_id: "p1", ...pfc("FOOD_AND_DRINK_GROCERIES") }),
      tx("2025-06-29", 1_000, "SHELL OIL", { transaction_id: "p2", pending: true, ...pfc("TRANSPORTATION_GAS") }),
    ];
    const w = computeWindow(user([account("chk")], rows), AS_OF, "30d");
    expect(w.subscriptions.total_spend_cents).toBe(5_523);
    expect(w.lookback.transactions_read).toBe(2);
    expect(w.subscriptions.evidence.notes.some((n) => n.startsWith("1 pending row(s) dropped"))).toBe(true);
  });

  it("a pending row whose posted row is after as-of still counts (once)", () => {
    const rows = [
      tx("2025-06-30", 2_000, "CHIPOTLE", { transaction_id: "p1", pending: true, ...pfc("FOOD_AND_DRINK_FAST_FOOD") }),
      tx("2025-07-02", 2_000, "CHIPOTLE", { transaction_id: "x1", pending_transaction_id: "p1", ...pfc("FOOD_AND_DRINK_FAST_FOOD") }),
    ];
    expect(computeWindow(user([account("chk")], rows), AS_OF, "30d").subscriptions.total_spend_cents).toBe(2_000);
  });

  it("a window never reads data after its as-of date", () => {
    const base = baseRows();
    const before = computeSignals(user(accounts(), base), AS_OF);
    const future = [
      tx("2025-07-01", 999_999, "BIG SPLURGE", { account_id: "card", ...pfc("GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE") }),
      tx("2025-07-08", 1549, "Netflix", { account_id: "card", merchant_name: "Netflix", ...pfc("ENTERTAINMENT_TV_AND_MOVIES") }),
      tx("2025-07-11", -215_000, "ACME CORP PAYROLL", pfc("INCOME_WAGES")),
      tx("2025-07-15", 3_400, "OVERDRAFT FEE", pfc("BANK_FEES_OVERDRAFT_FEES")),
      tx("2025-07-02", -500_000, "Transfer from CHK", { account_id: "sav", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") }),
      tx("2025-08-01", 5_000, "INTEREST CHARGE", { account_id: "card", ...pfc("BANK_FEES_INTEREST_CHARGE") }),
      ...everyNDays("2025-07-01", 7, 5).map((d) => tx(d, 999, "NEW WEEKLY BOX", pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES"))),
    ];
    const after = computeSignals(user(accounts(), [...future, ...base]), AS_OF);
    expect(after).toEqual(before);
    expect(before.windows["30d"].subscriptions.recurring_merchant_count).toBe(1);
  });

  it("business accounts are left out entirely", () => {
    const base = baseRows();
    const personal = computeSignals(user(accounts(), base), AS_OF);
    const biz = [
      account("bchk", { holder_category: "business", current_cents: 5_000_000 }),
      account("bcard", { type: "credit", holder_category: "business", mask: "9999", current_cents: 950_000, limit_cents: 1_000_000 }),
      account("bsav", { subtype: "savings", holder_category: "business", current_cents: 7_000_000 }),
    ];
    const bizRows = [
      ...monthlyDates("2025-01-09", 6).map((d) => tx(d, 29_900, "ADOBE CREATIVE CLOUD", { account_id: "bcard", ...pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES") })),
      tx("2025-06-15", 800_000, "OFFICE DEPOT", { account_id: "bchk", ...pfc("GENERAL_MERCHANDISE_OFFICE_SUPPLIES") }),
      tx("2025-06-16", -900_000, "CLIENT PAYMENT", { account_id: "bchk", ...pfc("INCOME_OTHER_INCOME") }),
      tx("2025-06-20", 3_400, "OVERDRAFT FEE", { account_id: "bchk", ...pfc("BANK_FEES_OVERDRAFT_FEES") }),
    ];
    const withBiz = computeSignals(
      { ...user([...accounts(), ...biz], [...base, ...bizRows]), credit: [liability("bcard", { is_overdue: true })] },
      AS_OF,
    );
    for (const w of ["30d", "180d"] as const) {
      expect(toProfileWindowJson(withBiz.windows[w])).toEqual(toProfileWindowJson(personal.windows[w]));
      expect(withBiz.windows[w].credit.card_count).toBe(1);
      expect(withBiz.windows[w].fees.overdraft_fee_count).toBe(0);
    }
    expect(withBiz.windows["30d"].subscriptions.evidence.notes).toContain("3 business account(s) left out: bchk, bcard, bsav");
  });

});

describe("computeSignals: fees, profile JSON, bench", () => {
  it("overdraft and insufficient-funds fees in the window", () => {
    const rows = [
      tx("2025-03-10", 3_400, "OVERDRAFT FEE", pfc("BANK_FEES_OVERDRAFT_FEES")),
      tx("2025-06-02", 3_400, "OVERDRAFT FEE", pfc("BANK_FEES_OVERDRAFT_FEES")),
      tx("2025-06-09", 3_400, "OVERDRAFT FEE", pfc("BANK_FEES_OVERDRAFT_FEES")),
      tx("2025-06-11", 3_500, "NSF RETURNED ITEM FEE", pfc("BANK_FEES_INSUFFICIENT_FUNDS")),
      tx("2025-06-12", 300, "ATM FEE", pfc("BANK_FEES_ATM_FEES")),
    ];
    const s = computeSignals(user([account("chk")], rows), AS_OF);
    expect(s.windows["30d"].fees).toMatchObject({ overdraft_fee_count: 3, overdraft_fee_cents: 10_300 });
    expect(s.windows["180d"].fees).toMatchObject({ overdraft_fee_count: 4, overdraft_fee_cents: 13_700 });
    expect(s.windows["30d"].fees.evidence.transaction_ids).toHaveLength(3);
  });

  it("fills lookback and renders the profile JSON (dollars with 2 decimals, ratios with 4)", () => {
    const s = computeSignals(
      { ...user(accounts(), baseRows()), credit: [liability("card", { minimum_payment_amount_cents: 2_500 })] },
      AS_OF,
    );
    const w = s.windows["180d"];
    expect(w.start_date).toBe("2025-01-02");
    expect(w.lookback).toEqual({ from: "2024-05-27", to: AS_OF, transactions_read: 32, accounts_read: 3 });
    const j = toProfileWindowJson(w);
    expect(j.credit).toEqual({ max_utilization: 0.2, cards: [{ account_id: "card", mask: "4444", utilization: 0.2, flags: [] }], minimum_payment_only: false, interest_charged: 0, overdue: false });
    expect(j.subscriptions.recurring_merchant_count).toBe(1);
    expect(j.subscriptions.monthly_recurring_spend).toBe(15.49);
    // 6 x 15.49 / (6 x 15.49 + 6 x 1500 + 60) = 92.94 / 9152.94
    expect(j.subscriptions.share_of_spend).toBe(0.0102);
    const netflix = j.subscriptions.streams.find((x) => x.merchant === "Netflix")!;
    expect(netflix).toEqual({
      merchant: "Netflix",
      frequency: "MONTHLY",
      average_amount: 15.49,
      last_amount: 15.49,
      first_date: "2025-01-08",
      last_date: "2025-06-08",
      predicted_next_date: "2025-07-08",
      occurrences: 6,
      is_subscription: true,
      category: "subscription",
      status: "MATURE",
      direction: "outflow",
      is_active: true,
      meets_recurring_rule: true,
      monthly_equivalent: 15.49,
    });
    // Spend 180d: 6 x 15.49 + 6 x 1500 + 60 = 9152.94 -> 1547.86 a month (x 30.44 / 180).
    expect(j.savings).toEqual({ net_inflow: 2400, monthly_net_inflow: 405.87, growth_rate: 0.3636, emergency_fund_months: 5.8145 });
    expect(j.income).toEqual({ payroll_detected: true, frequency: "BIWEEKLY", median_pay_gap_days: 14, pay_variability: 0, cash_flow_buffer_months: 2.0028 });
  });

  it("benchSignals counts every row of every run against its injected clock (speed itself is measured by npm run bench)", () => {
    const r = rng(1);
    const rows: CoreTransaction[] = [...baseRows()];
    let d = "2024-07-01";
    const merchants = ["SAFEWAY", "TST* JOE'S PIZZA 0042", "SQ *BLUE BOTTLE", "SHELL OIL 5531", "AMZN Mktp US*2K3L45", "TARGET 0001", "UBER TRIP"];
    while (rows.length < 1000) {
      rows.push(tx(d, 300 + Math.floor(r() * 9000), merchants[Math.floor(r() * merchants.length)], { account_id: "card", ...pfc("GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE") }));
      if (r() < 0.6) d = addDays(d, 1);
    }
    // A clock that advances 10 ms per reading: the first reading starts the run, each later one ends a pass.
    let t = 0;
    const res = benchSignals([user(accounts(), rows)], AS_OF, { minMs: 25, warmupRuns: 0, now: () => (t += 10) });
    expect(res.transactions).toBe(1000);
    expect(res.runs).toBe(3);
    expect(res.elapsed_ms).toBe(30);
    expect(res.tx_per_second).toBe(100_000);
    expect(res.ms_per_user).toBe(10);
  });
});
