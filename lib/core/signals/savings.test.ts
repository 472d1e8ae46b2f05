import { describe, expect, it } from "vitest";
import { computeSignals } from "./engine";
import { account, monthlyDates, pfc, tx, user } from "./testkit";

const AS_OF = "2025-06-30"; // 180d window: 2025-01-02..2025-06-30; 30d: 2025-06-01..2025-06-30

const rent = monthlyDates("2025-01-05", 6).map((d) => tx(d, 150_000, "OAKWOOD APARTMENTS", pfc("RENT_AND_UTILITIES_RENT")));

describe("savings signals", () => {
  it("net inflow, monthly rate, growth rate and emergency-fund coverage", () => {
    const rows = [
      ...rent,
      ...monthlyDates("2025-01-02", 6).map((d) => tx(d, -50_000, "Transfer from CHK", { account_id: "sav", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") })),
      tx("2025-03-15", 20_000, "Transfer to CHK", { account_id: "sav", ...pfc("TRANSFER_OUT_ACCOUNT_TRANSFER") }),
      tx("2025-06-30", -125, "INTEREST PAYMENT", { account_id: "sav", ...pfc("INCOME_INTEREST_EARNED") }),
      // Before the 180d window: not part of either window's net inflow.
      tx("2024-12-20", -99_999, "Transfer from CHK", { account_id: "sav", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") }),
    ];
    const s = computeSignals(
      user([account("chk", { current_cents: 300_000 }), account("sav", { subtype: "savings", current_cents: 500_000 })], rows),
      AS_OF,
    );
    const w180 = s.windows["180d"].savings;
    expect(w180.has_savings_account).toBe(true);
    expect(w180.net_inflow_cents).toBe(300_000 + 125 - 20_000);
    expect(w180.end_balance_cents).toBe(500_000);
    expect(w180.start_balance_cents).toBe(219_875);
    expect(w180.growth_rate).toBeCloseTo(280_125 / 219_875, 10);
    // 280,125 / (180 / 30.44) = 47,372.25
    expect(w180.monthly_net_inflow_cents).toBe(47_372);
    // Expenses: 6 x $1,500 rent over 180 days = $1,522.00 a month; $5,000 / $1,522 = 3.285 months.
    expect(w180.avg_monthly_expenses_cents).toBe(152_200);
    expect(w180.emergency_fund_months).toBeCloseTo(500_000 / 152_200, 10);

    const w30 = s.windows["30d"].savings;
    expect(w30.net_inflow_cents).toBe(50_125);
    expect(w30.growth_rate).toBeCloseTo(50_125 / 449_875, 10);
    expect(w30.emergency_fund_months).toBeCloseTo(500_000 / 152_200, 10);
  });

  it("zero starting savings: growth rate is null, not infinite", () => {
    const rows = [
      ...rent,
      tx("2025-02-01", -30_000, "Transfer from CHK", { account_id: "mm", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") }),
      tx("2025-03-01", -30_000, "Transfer from CHK", { account_id: "mm", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") }),
    ];
    const s = computeSignals(user([account("chk"), account("mm", { subtype: "money market", current_cents: 60_000 })], rows), AS_OF);
    const w = s.windows["180d"].savings;
    expect(w.start_balance_cents).toBe(0);
    expect(w.net_inflow_cents).toBe(60_000);
    expect(w.growth_rate).toBeNull();
    expect(w.evidence.notes.some((n) => n.startsWith("growth rate null"))).toBe(true);
  });

  it("HSA and cash management accounts are savings-like; no savings account gives zeros", () => {
    const withHsa = computeSignals(user([account("chk"), account("hsa", { subtype: "hsa", current_cents: 12_345 })], rent), AS_OF);
    expect(withHsa.windows["180d"].savings).toMatchObject({ has_savings_account: true, end_balance_cents: 12_345, growth_rate: 0 });
    const none = computeSignals(user([account("chk", { current_cents: 90_000 })], rent), AS_OF).windows["180d"].savings;
    expect(none).toMatchObject({ has_savings_account: false, net_inflow_cents: 0, growth_rate: null, emergency_fund_months: 0 });
    const noSpend = computeSignals(user([account("sav", { subtype: "savings", current_cents: 100 })], []), AS_OF).windows["30d"].savings;
    expect(noSpend.emergency_fund_months).toBeNull();
  });
});
