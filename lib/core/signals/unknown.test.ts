// "Unknown is never zero" (issue 11): a balance or limit the bank did not send leaves the signals
// that need it null with a reason, and the persona rules that read them "not evaluated" (not met).
import { describe, expect, it } from "vitest";
import { computeSignals } from "./engine";
import { account, everyNDays, liability, monthlyDates, pfc, tx, user } from "./testkit";
import { assignPersonas } from "../personas";
import type { CoreAccount } from "../types";

const AS_OF = "2025-06-30";
const rent = monthlyDates("2025-01-05", 6).map((d) => tx(d, 150_000, "OAKWOOD APARTMENTS", pfc("RENT_AND_UTILITIES_RENT")));
const overdrafts = everyNDays("2025-06-03", 7, 3).map((d) => tx(d, 3_500, "OVERDRAFT FEE", pfc("BANK_FEES_OVERDRAFT_FEES")));

function run(accounts: CoreAccount[], extra = [] as ReturnType<typeof tx>[], credit = [] as ReturnType<typeof liability>[]) {
  const w = computeSignals(user(accounts, [...rent, ...overdrafts, ...extra], credit), AS_OF).windows["30d"];
  return { w, personas: assignPersonas(w) };
}
const criterionOf = (p: ReturnType<typeof assignPersonas>, persona: string, rule: string) =>
  p.evaluations.find((e) => e.id === persona)!.criteria.find((c) => c.rule === rule)!;

describe("a checking balance the bank did not send", () => {
  it("leaves the cash-flow buffer unknown, and paycheck-to-paycheck not evaluated; a $0 balance is a real zero", () => {
    const unknown = run([account("chk", { current_cents: null, mask: "1234", name: "Checking" })]);
    expect(unknown.w.income.checking_balance_cents).toBeNull();
    expect(unknown.w.income.cash_flow_buffer_months).toBeNull();
    expect(unknown.w.income.unknown?.cash_flow_buffer_months).toBe("the balance of Checking ••1234 was not reported by the bank");
    const buffer = criterionOf(unknown.personas, "paycheck_to_paycheck", "PAYCHECK_TO_PAYCHECK_CASH_FLOW_BUFFER_BELOW_MONTHS");
    expect(buffer).toMatchObject({ met: false, value: null, not_evaluated: "the balance of Checking ••1234 was not reported by the bank" });
    expect(buffer.text).toMatch(/^Not evaluated: .*unknown, not zero/);
    expect(unknown.personas.primary).not.toBe("paycheck_to_paycheck");

    const zero = run([account("chk", { current_cents: 0 })]);
    expect(zero.w.income.cash_flow_buffer_months).toBe(0);
    expect(zero.w.income.unknown).toBeUndefined();
    expect(zero.personas.primary).toBe("paycheck_to_paycheck");
  });

  it("one unknown checking balance among two is still unknown (a sum with a hole is not a sum)", () => {
    const { w } = run([account("chk", { current_cents: 500_000 }), account("chk2", { current_cents: null })]);
    expect(w.income.checking_balance_cents).toBeNull();
    expect(w.income.cash_flow_buffer_months).toBeNull();
  });
});

describe("a savings balance the bank did not send", () => {
  const deposits = monthlyDates("2025-01-10", 6).map((d) => tx(d, -60_000, "Transfer from CHK", { account_id: "sav", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") }));

  it("leaves balance, growth and emergency fund unknown with a reason; the net inflow is still counted", () => {
    const { w, personas } = run([account("chk", { current_cents: 900_000 }), account("sav", { subtype: "savings", current_cents: null, mask: "9876", name: "Savings" })], deposits);
    const s = w.savings;
    expect([s.end_balance_cents, s.start_balance_cents, s.growth_rate, s.emergency_fund_months]).toEqual([null, null, null, null]);
    expect(s.net_inflow_cents).toBe(60_000);
    expect(s.unknown?.growth_rate).toBe("the balance of Savings ••9876 was not reported by the bank");
    const growth = criterionOf(personas, "savings_builder", "SAVINGS_BUILDER_GROWTH_RATE_MIN");
    expect(growth).toMatchObject({ met: false, not_evaluated: s.unknown?.growth_rate });
    expect(growth.text).toMatch(/^Not evaluated: /);
    // with the balance, growth is measured
    const known = run([account("chk", { current_cents: 900_000 }), account("sav", { subtype: "savings", current_cents: 400_000 })], deposits);
    expect(known.w.savings.growth_rate).toBeCloseTo(60_000 / 340_000, 10);
    expect(criterionOf(known.personas, "savings_builder", "SAVINGS_BUILDER_GROWTH_RATE_MIN").not_evaluated).toBeUndefined();
  });
});

describe("a card balance or limit the bank did not send", () => {
  const card = (over: Partial<CoreAccount>) => account("cc", { type: "credit", subtype: "credit card", mask: "4523", name: "Visa", limit_cents: 500_000, ...over });

  it("no current and no statement balance: balance and utilization unknown, high utilization and every-card-under not evaluated", () => {
    const { w, personas } = run([account("chk", { current_cents: 900_000 }), card({ current_cents: null })], [], [liability("cc")]);
    const c = w.credit.cards[0];
    expect([c.balance_cents, c.utilization]).toEqual([null, null]);
    expect(c.unknown_reason).toBe("the balance of Visa ••4523 was not reported by the bank");
    expect(w.credit.unknown?.max_utilization).toBe(c.unknown_reason);
    const high = criterionOf(personas, "high_utilization", "HIGH_UTILIZATION_CARD_UTILIZATION_MIN");
    expect(high).toMatchObject({ met: false, not_evaluated: c.unknown_reason });
    const under = criterionOf(personas, "savings_builder", "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW");
    expect(under).toMatchObject({ met: false, not_evaluated: c.unknown_reason });
  });

  it("no current balance but a statement balance: utilization from the statement", () => {
    const { w } = run([account("chk", { current_cents: 900_000 }), card({ current_cents: null })], [], [liability("cc", { last_statement_balance_cents: 300_000 })]);
    expect(w.credit.cards[0]).toMatchObject({ balance_cents: 300_000, utilization: 0.6 });
    expect(w.credit.unknown?.max_utilization).toBeUndefined();
  });

  it("no limit: utilization unknown with the reason; another card over the threshold still decides high utilization", () => {
    const other = account("cc2", { type: "credit", subtype: "credit card", mask: "7777", name: "Amex", current_cents: 400_000, limit_cents: 500_000 });
    const { w, personas } = run([account("chk", { current_cents: 900_000 }), card({ current_cents: 1_000, limit_cents: null }), other], [], [liability("cc"), liability("cc2")]);
    expect(w.credit.cards.find((c) => c.account_id === "cc")!.unknown_reason).toBe("Visa ••4523 has no reported credit limit");
    const high = criterionOf(personas, "high_utilization", "HIGH_UTILIZATION_CARD_UTILIZATION_MIN");
    expect(high.met).toBe(true);
    expect(high.not_evaluated).toBeUndefined();
  });
});

describe("a card liability that does not say whether the card is past due or what its minimum is", () => {
  const card = account("cc", { type: "credit", subtype: "credit card", mask: "4523", name: "Visa", current_cents: 50_000, limit_cents: 500_000 });
  const chk = account("chk", { current_cents: 900_000 });

  it("is_overdue null: not past due is not known; the overdue rule is not evaluated and no trace says \"No card is past due\"", () => {
    const { w, personas } = run([chk, card], [], [liability("cc", { is_overdue: null, minimum_payment_amount_cents: 2_500 })]);
    expect(w.credit.overdue).toBe(false);
    expect(w.credit.unknown?.overdue).toBe("whether Visa ••4523 is past due was not reported by the bank");
    const c = criterionOf(personas, "high_utilization", "HIGH_UTILIZATION_OVERDUE");
    expect(c).toMatchObject({ met: false, not_evaluated: w.credit.unknown!.overdue });
    expect(JSON.stringify(personas)).not.toContain("No card is past due");
  });

  it("no liability at all: both the overdue and the minimum-payment rules are not evaluated", () => {
    const { w, personas } = run([chk, card]);
    expect(Object.keys(w.credit.unknown ?? {}).sort()).toEqual(["minimum_payment_only", "overdue"]);
    expect(criterionOf(personas, "high_utilization", "HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY")).toMatchObject({
      met: false,
      not_evaluated: "the minimum payment of Visa ••4523 was not reported by the bank",
    });
  });

  it("the bank said: not past due, a minimum sent; a card past due decides it even beside an unknown one", () => {
    const known = run([chk, card], [], [liability("cc", { is_overdue: false, minimum_payment_amount_cents: 2_500 })]);
    expect(known.w.credit.unknown).toBeUndefined();
    expect(criterionOf(known.personas, "high_utilization", "HIGH_UTILIZATION_OVERDUE").not_evaluated).toBeUndefined();
    const other = account("cc2", { type: "credit", subtype: "credit card", mask: "7777", name: "Amex", current_cents: 0, limit_cents: 100_000 });
    const mixed = run([chk, card, other], [], [liability("cc", { is_overdue: null }), liability("cc2", { is_overdue: true })]);
    expect(mixed.w.credit.overdue).toBe(true);
    expect(mixed.w.credit.unknown?.overdue).toBeUndefined();
    expect(criterionOf(mixed.personas, "high_utilization", "HIGH_UTILIZATION_OVERDUE").met).toBe(true);
  });
});
