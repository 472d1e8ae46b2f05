/**
 * Feeds without enrichment (no personal_finance_category, no merchant_name): the descriptor rules of
 * ./descriptor-rules.ts find income, fees, debt and bills, and the traces name the rule.
 */
import { describe, expect, it } from "vitest";
import { DESCRIPTOR_RULES, matchingRules } from "./descriptor-rules";
import { computeSignals } from "./engine";
import { reduceDescriptor } from "./descriptor";
import { account, everyNDays, monthlyDates, pfc, tx, user } from "./testkit";

const AS_OF = "2025-06-30";
const rulesOf = (name: string) => matchingRules(reduceDescriptor(name).toUpperCase()).map((r) => r.name);
const checking = (over = {}) => account("chk", { current_cents: 150_000, ...over });
const rent = () => monthlyDates("2025-01-03", 6).map((d) => tx(d, 140_000, "RENT PAYMENT PARKSIDE LLC"));

describe("descriptor rules (the table)", () => {
  it("every rule has a unique name, a reason and matches its own examples", () => {
    const names = DESCRIPTOR_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of DESCRIPTOR_RULES) expect(r.reason.length, r.name).toBeGreaterThan(20);
    const cases: Array<[string, string]> = [
      ["ACH DEPOSIT GUSTO PAYROLL", "PAYROLL"],
      ["SSA TREAS 310 XXSOC SEC", "GOV_BENEFIT_SOCIAL_SECURITY"],
      ["NYS DOL UI DD 0000123456", "GOV_BENEFIT_UNEMPLOYMENT"],
      ["UBER *EATS PAYOUT", "GIG_PAYOUT"],
      ["DOORDASH DASHER FAST PAY", "GIG_PAYOUT"],
      ["LYFT INC EXPRESS PAY", "GIG_PAYOUT"],
      ["OVERDRAFT FEE", "OVERDRAFT_FEE"],
      ["NSF RETURNED ITEM FEE", "OVERDRAFT_FEE"],
      ["NON-BANK ATM FEE 0042", "ATM_FEE"],
      ["MONTHLY MAINTENANCE FEE", "MONTHLY_SERVICE_FEE"],
      ["OVERDRAFT FEE REVERSAL", "FEE_REVERSAL"],
      ["PAYMENT THANK YOU", "CARD_PAYMENT"],
      ["NELNET STUDENT LOAN", "STUDENT_LOAN"],
      ["CON EDISON WEB PAY", "UTILITY"],
    ];
    for (const [d, rule] of cases) expect(rulesOf(d), d).toContain(rule);
    // A purchase at a gig platform is not a payout; an overdraft transfer without a fee word is not a fee.
    expect(rulesOf("UBER *TRIP HELP.UBER.COM")).not.toContain("GIG_PAYOUT");
    expect(rulesOf("OVERDRAFT PROTECTION FROM SAVINGS")).not.toContain("OVERDRAFT_FEE");
    // A web address word is not a payment.
    expect(rulesOf("AUDIBLE US ADBL.CO/PYMT NJ")).not.toContain("PAYMENT_WORDS");
  });
});

describe("income without enrichment", () => {
  it("Social Security (monthly, from the Treasury) is income: monthly income, gaps, a named rule in the trace", () => {
    const ssa = monthlyDates("2025-01-03", 6).map((d) => tx(d, -185_000, "SSA TREAS 310 XXSOC SEC"));
    const i = computeSignals(user([checking()], [...ssa, ...rent()]), AS_OF).windows["180d"].income;
    expect(i.payroll_detected).toBe(false);
    expect(i.paycheck_count).toBe(6);
    expect(i.monthly_income_cents).toBeGreaterThan(180_000);
    expect(i.median_pay_gap_days).toBeGreaterThanOrEqual(28);
    expect(i.evidence.notes.join("\n")).toContain("GOV_BENEFIT_SOCIAL_SECURITY (6)");
  });

  it("unemployment benefits every two weeks are income", () => {
    const ui = everyNDays("2025-03-04", 14, 8).map((d) => tx(d, -62_000, "NYS DOL UI DD"));
    const i = computeSignals(user([checking()], [...ui, ...rent()]), AS_OF).windows["180d"].income;
    expect(i.paycheck_count).toBe(8);
    expect(i.median_pay_gap_days).toBe(14);
    expect(i.evidence.notes.join("\n")).toContain("GOV_BENEFIT_UNEMPLOYMENT (8)");
  });

  it("gig payouts (irregular, rideshare and delivery) are income, never payroll; without the rules they were none", () => {
    const days = ["2025-01-06", "2025-01-17", "2025-02-03", "2025-02-21", "2025-03-10", "2025-04-02", "2025-04-25", "2025-05-12", "2025-06-04", "2025-06-23"];
    const gig = days.map((d, k) => tx(d, -(9_000 + 4_100 * (k % 4)), k % 2 ? "UBER *EATS PAYOUT" : "DOORDASH DASHER FAST PAY"));
    const i = computeSignals(user([checking()], [...gig, ...rent()]), AS_OF).windows["180d"].income;
    expect(i.payroll_detected).toBe(false);
    expect(i.paycheck_count).toBe(10);
    expect(i.monthly_income_cents).toBeGreaterThan(0);
    expect(i.pay_variability).not.toBeNull();
    expect(i.evidence.notes.join("\n")).toMatch(/GIG_PAYOUT \(10\)/);
  });

  it("a transfer from the user's own savings is not income; a purchase refund is not income", () => {
    const rows = [
      ...monthlyDates("2025-01-10", 6).map((d) => tx(d, -50_000, "ONLINE TRANSFER FROM SAVINGS XXXXXX4321")),
      tx("2025-06-02", -2_500, "UBER *TRIP HELP.UBER.COM"),
      ...rent(),
    ];
    const i = computeSignals(user([checking(), account("sav", { subtype: "savings", mask: "4321" })], rows), AS_OF).windows["180d"].income;
    expect(i.monthly_income_cents).toBe(0);
    expect(i.paycheck_count).toBe(0);
  });
});

describe("fees, debt and bills without enrichment", () => {
  it("overdraft and NSF fees count from their descriptors; a reversal offsets its fee; ATM and monthly fees are never subscriptions", () => {
    const rows = [
      tx("2025-06-03", 3_400, "OVERDRAFT ITEM FEE"),
      tx("2025-06-10", 3_400, "NSF RETURNED ITEM FEE"),
      tx("2025-06-12", -3_400, "OVERDRAFT FEE REVERSAL"),
      tx("2025-06-20", 3_500, "INSUFFICIENT FUNDS FEE"),
      ...monthlyDates("2025-01-28", 6).map((d) => tx(d, 1_200, "MONTHLY MAINTENANCE FEE")),
      ...monthlyDates("2025-01-15", 6).map((d) => tx(d, 300, "NON-BANK ATM FEE")),
      ...rent(),
    ];
    const w = computeSignals(user([checking()], rows), AS_OF).windows["30d"];
    // Three fees charged, one reversed: two count, $69.
    expect(w.fees).toMatchObject({ overdraft_fee_count: 2, overdraft_fee_cents: 6_900 });
    expect(w.fees.evidence.notes.join("\n")).toMatch(/OVERDRAFT_FEE/);
    expect(w.fees.evidence.notes.join("\n")).toMatch(/1 fee reversal/);
    const s180 = computeSignals(user([checking()], rows), AS_OF).windows["180d"].subscriptions;
    expect(s180.streams.filter((x) => x.is_subscription)).toEqual([]);
    const fee = s180.streams.find((x) => x.merchant_key.includes("maintenance"));
    expect(fee?.descriptor_rule).toBe("MONTHLY_SERVICE_FEE");
  });

  it("a fee refunded with its category (BANK_FEES_OVERDRAFT_FEES, negative) offsets it too", () => {
    const rows = [tx("2025-06-03", 3_400, "OD ITEM FEE", pfc("BANK_FEES_OVERDRAFT_FEES")), tx("2025-06-05", -3_400, "OD FEE REFUND", pfc("BANK_FEES_OVERDRAFT_FEES")), ...rent()];
    expect(computeSignals(user([checking()], rows), AS_OF).windows["30d"].fees).toMatchObject({ overdraft_fee_count: 0, overdraft_fee_cents: 0 });
  });

  it("card and loan payments are debt, rent and utilities bills, never subscriptions, each with its rule", () => {
    const rows = [
      ...monthlyDates("2025-01-12", 6).map((d) => tx(d, 35_000, "CAPITAL ONE MOBILE PMT")),
      ...monthlyDates("2025-01-18", 6).map((d) => tx(d, 21_050, "NELNET STUDENT LOAN")),
      ...monthlyDates("2025-01-22", 6).map((d) => tx(d, 8_999, "COMCAST CABLE COMM")),
      ...monthlyDates("2025-01-25", 6).map((d) => tx(d, 12_000, "GEICO AUTO")),
      ...rent(),
    ];
    const streams = computeSignals(user([checking()], rows), AS_OF).windows["180d"].subscriptions.streams;
    const by = (k: string) => streams.find((x) => x.merchant_key.includes(k));
    expect(streams.filter((x) => x.is_subscription)).toEqual([]);
    expect(by("capital")?.category).toBe("debt_payment");
    expect(by("nelnet")).toMatchObject({ category: "debt_payment", descriptor_rule: "STUDENT_LOAN" });
    expect(by("comcast")).toMatchObject({ category: "bill", descriptor_rule: "TELECOM" });
    expect(by("geico")).toMatchObject({ category: "bill", descriptor_rule: "INSURANCE" });
    expect(by("parkside")).toMatchObject({ category: "bill", descriptor_rule: "RENT" });
  });

  it("a service with a fixed monthly price and no rule is still a subscription", () => {
    const rows = [...monthlyDates("2025-01-09", 6).map((d) => tx(d, 1_549, "NETFLIX.COM 866-579-7172 CA")), ...rent()];
    const streams = computeSignals(user([checking()], rows), AS_OF).windows["180d"].subscriptions.streams;
    expect(streams.filter((x) => x.is_subscription).map((x) => x.merchant_key)).toEqual(["netflix"]);
  });
});
