import { describe, expect, it } from "vitest";
import { checkCopy } from "../insights/insights";
import { account, pfc, tx, user } from "../signals/testkit";
import { paycheckHistory, SAVINGS_CHART_STEP_DAYS, savingsHistory } from "./history";
import { paycheckSentence, savingsSentence } from "./copy";

const AS_OF = "2026-11-01";
const chk = account("chk", { current_cents: 50_000 });
const sav = account("sav", { subtype: "savings", name: "Savings", mask: "1234", current_cents: 100_000 });
// Plaid's sign: -20,000 is $200 into savings on Oct 15; +5,000 is $50 out on Sep 1.
const savingsRows = [tx("2026-10-15", -20_000, "Transfer from checking", { account_id: "sav" }), tx("2026-09-01", 5_000, "Withdrawal", { account_id: "sav" })];

describe("savingsHistory", () => {
  it("walks the balance back from today's through the savings rows, one point a week, oldest first", () => {
    const h = savingsHistory(user([chk, sav], savingsRows), AS_OF, 30);
    expect(h).toEqual({
      status: "known",
      days: 30,
      points: [
        { date: "2026-10-04", cents: 80_000 },
        { date: "2026-10-11", cents: 80_000 },
        { date: "2026-10-18", cents: 100_000 },
        { date: "2026-10-25", cents: 100_000 },
        { date: "2026-11-01", cents: 100_000 },
      ],
    });
    const long = savingsHistory(user([chk, sav], savingsRows), AS_OF, 90);
    expect(long.status === "known" && long.points.length).toBe(Math.ceil(90 / SAVINGS_CHART_STEP_DAYS));
    // Before the $50 withdrawal of Sep 1 the balance was $50 higher.
    expect(long.status === "known" && long.points[0]).toEqual({ date: "2026-08-09", cents: 85_000 });
  });

  it("a savings balance the bank did not send leaves the line unknown (never zero); no savings account is said so", () => {
    const unknown = savingsHistory(user([chk, { ...sav, current_cents: null }], savingsRows), AS_OF, 30);
    expect(unknown).toEqual({ status: "unknown", days: 30, accounts: ["Savings ending in 1234"] });
    expect(savingsHistory(user([chk], []), AS_OF, 30)).toEqual({ status: "no_account", days: 30 });
  });

  it("its sentences name the change or why there is no line, and pass the tone check", () => {
    const lines = [
      savingsSentence(savingsHistory(user([chk, sav], savingsRows), AS_OF, 30)),
      savingsSentence({ status: "known", days: 30, points: [{ date: "2026-10-04", cents: 90_000 }, { date: "2026-11-01", cents: 85_000 }] }),
      savingsSentence(savingsHistory(user([chk, { ...sav, current_cents: null }], []), AS_OF, 30)),
      savingsSentence({ status: "no_account", days: 180 }),
    ];
    expect(lines).toEqual([
      "$800 on October 4, $1,000 on November 1: up $200 over the last 30 days.",
      "$900 on October 4, $850 on November 1: down $50 over the last 30 days.",
      "Your bank did not report the balance of Savings ending in 1234, so your savings over time are unknown.",
      "We don't see a savings account.",
    ]);
    for (const l of lines) expect(checkCopy(l)).toEqual({ ok: true, violations: [] });
  });
});

describe("paycheckHistory", () => {
  const rows = [
    tx("2026-09-15", -210_000, "ACME PAYROLL", pfc("INCOME_WAGES")),
    tx("2026-10-15", -200_000, "ACME PAYROLL", pfc("INCOME_WAGES")),
    tx("2026-10-15", -5_000, "ACME BONUS", pfc("INCOME_WAGES")),
    tx("2026-10-20", -1_200, "Interest", pfc("INCOME_INTEREST_EARNED")),
    tx("2026-10-21", 4_500, "Grocer", pfc("FOOD_AND_DRINK_GROCERIES")),
  ];

  it("pay deposits of the window, same-day deposits summed; interest and spending are not pay", () => {
    expect(paycheckHistory(user([chk], rows), AS_OF, 30)).toEqual({ days: 30, points: [{ date: "2026-10-15", cents: 205_000 }], total_cents: 205_000 });
    expect(paycheckHistory(user([chk], rows), AS_OF, 180).points).toEqual([
      { date: "2026-09-15", cents: 210_000 },
      { date: "2026-10-15", cents: 205_000 },
    ]);
  });

  it("its sentence counts the paychecks with the plural rules, or says there are none", () => {
    const lines = [paycheckSentence(paycheckHistory(user([chk], rows), AS_OF, 180)), paycheckSentence(paycheckHistory(user([chk], rows), AS_OF, 30)), paycheckSentence(paycheckHistory(user([chk], []), AS_OF, 180))];
    expect(lines).toEqual(["2 paychecks in the last 180 days, $4,150 in total.", "1 paycheck in the last 30 days, $2,050 in total.", "We don't see a paycheck in the last 180 days."]);
    for (const l of lines) expect(checkCopy(l)).toEqual({ ok: true, violations: [] });
  });
});
