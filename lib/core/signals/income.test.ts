import { describe, expect, it } from "vitest";
import { computeSignals } from "./engine";
import { account, everyNDays, monthlyDates, pfc, tx, user } from "./testkit";

const AS_OF = "2025-06-30";
const rent = (cents: number) => monthlyDates("2025-01-05", 6).map((d) => tx(d, cents, "OAKWOOD APARTMENTS", pfc("RENT_AND_UTILITIES_RENT")));

describe("income signals", () => {
  it("biweekly payroll: frequency, median gap, variability, monthly income, buffer", () => {
    // Paychecks every other Friday from 2025-01-03, alternating $2,000 / $2,200 (hourly pay).
    const pay = everyNDays("2025-01-03", 14, 13).map((d, i) => tx(d, i % 2 ? -220_000 : -200_000, "ACME CORP PAYROLL PPD ID: 99", pfc("INCOME_WAGES")));
    const s = computeSignals(user([account("chk", { current_cents: 300_000 })], [...pay, ...rent(150_000)]), AS_OF);
    const i30 = s.windows["30d"].income;
    expect(i30).toMatchObject({ payroll_detected: true, frequency: "BIWEEKLY", paycheck_count: 6, median_pay_gap_days: 14 });
    expect(i30.pay_variability).toBeCloseTo(10_000 / 210_000, 10);
    // June paychecks: Jun 6 ($2,200) + Jun 20 ($2,000) over 30 days -> x 30.44 / 30.
    expect(i30.monthly_income_cents).toBe(Math.round(420_000 * (30.44 / 30)));
    // $3,000 checking / ($1,500 rent x 30.44 / 30 = $1,522.00)
    expect(i30.cash_flow_buffer_months).toBeCloseTo(300_000 / 152_200, 10);
    expect(s.windows["180d"].income).toMatchObject({ payroll_detected: true, paycheck_count: 13, median_pay_gap_days: 14 });
  });

  it("a single paycheck is not payroll: no cadence, no gap, no variability", () => {
    const s = computeSignals(user([account("chk", { current_cents: 50_000 })], [tx("2025-06-13", -300_000, "ACME CORP PAYROLL", pfc("INCOME_WAGES"))]), AS_OF);
    expect(s.windows["30d"].income).toMatchObject({
      payroll_detected: false,
      frequency: null,
      paycheck_count: 1,
      median_pay_gap_days: null,
      pay_variability: null,
      average_paycheck_cents: 300_000,
      cash_flow_buffer_months: null,
    });
  });

  it("irregular gig income from many payers: no payroll, but the median gap between income deposits", () => {
    const rows = [
      tx("2025-01-20", -180_000, "UPWORK ESCROW INC", pfc("INCOME_OTHER_INCOME")),
      tx("2025-03-18", -95_000, "FIVERR INTL", pfc("INCOME_OTHER_INCOME")),
      tx("2025-05-20", -210_000, "UPWORK ESCROW INC", pfc("INCOME_OTHER_INCOME")),
      tx("2025-06-25", -150_000, "TOPTAL LLC", pfc("INCOME_WAGES")),
      // Monthly savings interest is income but not pay: it must not shrink the gaps.
      ...monthlyDates("2025-01-31", 6).map((d) => tx(d, -50, "INTEREST EARNED", pfc("INCOME_INTEREST_EARNED"))),
      ...rent(120_000),
    ];
    const s = computeSignals(user([account("chk", { current_cents: 80_000 })], rows), AS_OF);
    const i180 = s.windows["180d"].income;
    // Gaps: Jan 20 -> Mar 18 = 57, Mar 18 -> May 20 = 63, May 20 -> Jun 25 = 36.
    expect(i180).toMatchObject({ payroll_detected: false, frequency: null, paycheck_count: 4, median_pay_gap_days: 57 });
    expect(i180.pay_variability).toBeCloseTo(0.2676007, 6);
    // $800 / $1,217.60 a month: the Variable Income Budgeter shape (gap > 45 days and buffer < 1 month).
    expect(i180.cash_flow_buffer_months).toBeCloseTo(80_000 / 121_760, 10);
    // The 30d window reads pay cadence over 90 days: May 20 -> Jun 25 only.
    expect(s.windows["30d"].income.median_pay_gap_days).toBe(36);
  });

  it("monthly salary still shows its cadence in the 30d window (90-day look-back)", () => {
    const pay = ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-30", "2025-06-30"].map((d) =>
      tx(d, -520_000, "GLOBEX DIR DEP", {}),
    );
    const i = computeSignals(user([account("chk")], pay), AS_OF).windows["30d"].income;
    expect(i).toMatchObject({ payroll_detected: true, frequency: "MONTHLY", paycheck_count: 3, median_pay_gap_days: 30.5, pay_variability: 0 });
  });
});
