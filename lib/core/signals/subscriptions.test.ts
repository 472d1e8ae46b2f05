import { describe, expect, it } from "vitest";
import { computeSignals, computeWindow } from "./engine";
import { account, everyNDays, monthlyDates, pfc, tx, user } from "./testkit";

const AS_OF = "2025-06-30";
const accounts = [
  account("chk", { mask: "1111", current_cents: 250_000 }),
  account("sav", { subtype: "savings", mask: "4321", current_cents: 500_000 }),
  account("card", { type: "credit", subtype: "credit card", mask: "9876", current_cents: 120_000, limit_cents: 500_000 }),
];

function household() {
  return [
    ...monthlyDates("2025-01-08", 6).map((d) => tx(d, 1549, "NETFLIX.COM 866-579-7172 CA", { account_id: "card", ...pfc("ENTERTAINMENT_TV_AND_MOVIES") })),
    ...monthlyDates("2025-01-15", 6).map((d) => tx(d, 1199, "Spotify USA", { account_id: "card", merchant_name: "Spotify", ...pfc("ENTERTAINMENT_MUSIC_AND_AUDIO") })),
    ...everyNDays("2025-04-07", 7, 13).map((d) => tx(d, 500, "THE DAILY BRIEF", { account_id: "card", ...pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES") })),
    ...monthlyDates("2025-01-01", 6).map((d) => tx(d, 180_000, "OAKWOOD APARTMENTS", pfc("RENT_AND_UTILITIES_RENT"))),
    ...monthlyDates("2025-01-20", 6).map((d, i) => tx(d, [8234, 9120, 11876, 14302, 12011, 9560][i], "PG&E", pfc("RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"))),
    tx("2025-06-03", 6543, "SAFEWAY #1234", { account_id: "card", ...pfc("FOOD_AND_DRINK_GROCERIES") }),
    tx("2025-06-12", 8210, "SAFEWAY #1234", { account_id: "card", ...pfc("FOOD_AND_DRINK_GROCERIES") }),
    tx("2025-06-24", 7077, "SAFEWAY #1234", { account_id: "card", ...pfc("FOOD_AND_DRINK_GROCERIES") }),
    tx("2025-06-10", 8000, "TARGET 00012", { account_id: "card", ...pfc("GENERAL_MERCHANDISE_SUPERSTORES") }),
    // A refund: negative amount in a spending category reduces spend.
    tx("2025-06-20", -2500, "TARGET 00012", { account_id: "card", ...pfc("GENERAL_MERCHANDISE_SUPERSTORES") }),
    // Own-account transfers (both sides) and card payments (both sides) are not spend.
    ...monthlyDates("2025-01-02", 6).flatMap((d) => [
      tx(d, 50_000, "Online Transfer to SAV ...4321", pfc("TRANSFER_OUT_ACCOUNT_TRANSFER")),
      tx(d, -50_000, "Online Transfer from CHK ...1111", { account_id: "sav", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") }),
    ]),
    ...monthlyDates("2025-01-25", 6).flatMap((d) => [
      tx(d, 30_000, "CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224", pfc("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")),
      tx(d, -30_000, "AUTOMATIC PAYMENT - THANK YOU", { account_id: "card", ...pfc("TRANSFER_IN_ACCOUNT_TRANSFER") }),
    ]),
    // A transfer named only by the descriptor (no PFC) to one of the user's masks.
    tx("2025-06-18", 25_000, "TRANSFER TO ACCT XXXXXX4321", {}),
    ...everyNDays("2025-01-03", 14, 13).map((d) => tx(d, -215_000, "ACME CORP PAYROLL PPD ID: 99", pfc("INCOME_WAGES"))),
  ];
}

describe("subscription signals", () => {
  it("counts the three subscriptions, their monthly equivalent and their share of total spend (30d)", () => {
    const w = computeWindow(user(accounts, household()), AS_OF, "30d").subscriptions;
    // June spend: Netflix 15.49 + Spotify 11.99 + 5 x 5.00 newsletter + rent 1800 + power 95.60
    // + groceries 218.30 + Target 80.00 - refund 25.00 = 2221.38. Transfers and card payments are out.
    expect(w.total_spend_cents).toBe(222_138);
    expect(w.recurring_merchant_count).toBe(3);
    // 15.49 + 11.99 + 5.00 x 52 / 12 (= 21.67)
    expect(w.monthly_recurring_spend_cents).toBe(1549 + 1199 + 2167);
    expect(w.share_of_spend).toBeCloseTo(5248 / 222_138, 10);
    const counted = w.streams.filter((s) => s.meets_recurring_rule).map((s) => s.merchant).sort();
    expect(counted).toEqual(["Daily Brief", "Netflix", "Spotify"]);
  });

  it("utilities and rent are bills, own transfers are transfers: shown as streams, never counted", () => {
    const w = computeWindow(user(accounts, household()), AS_OF, "180d").subscriptions;
    const cat = Object.fromEntries(w.streams.map((s) => [s.merchant_key, [s.category, s.is_subscription, s.meets_recurring_rule]]));
    expect(cat["oakwood apartments"]).toEqual(["bill", false, false]);
    expect(cat["pg&e"]).toEqual(["bill", false, false]);
    expect(cat["transfer to sav"]).toEqual(["transfer", false, false]);
    expect(cat["chase credit crd autopay"]).toEqual(["debt_payment", false, false]);
    expect(cat["acme"]).toEqual(["income", false, false]);
    expect(w.recurring_merchant_count).toBe(3);
  });

  it("the 30d window applies the 3-in-90-days rule on the days of the window", () => {
    const rows = [
      // Started 2025-04-20: three charges in the last 90 days -> counted.
      ...monthlyDates("2025-04-20", 3).map((d) => tx(d, 999, "MAX.COM", pfc("ENTERTAINMENT_TV_AND_MOVIES"))),
      // Started 2025-05-10: two charges -> EARLY_DETECTION, not counted.
      ...monthlyDates("2025-05-10", 2).map((d) => tx(d, 799, "PARAMOUNT+", pfc("ENTERTAINMENT_TV_AND_MOVIES"))),
      // Cancelled after March: counted in the 180d window, not in the 30d one.
      ...monthlyDates("2025-01-10", 3).map((d) => tx(d, 1299, "PELOTON APP", pfc("PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"))),
      // Annual: a subscription, shown, but never "3 in 90 days".
      tx("2024-07-01", 9900, "NYTIMES ANNUAL", pfc("ENTERTAINMENT_OTHER_ENTERTAINMENT")),
      tx("2025-06-29", 9900, "NYTIMES ANNUAL", pfc("ENTERTAINMENT_OTHER_ENTERTAINMENT")),
    ];
    const s = computeSignals(user([account("chk")], rows), AS_OF);
    const w30 = s.windows["30d"].subscriptions;
    const w180 = s.windows["180d"].subscriptions;
    expect(w30.recurring_merchant_count).toBe(1);
    expect(w30.monthly_recurring_spend_cents).toBe(999);
    expect(w180.recurring_merchant_count).toBe(2);
    expect(w180.monthly_recurring_spend_cents).toBe(999 + 1299);
    const annual = w30.streams.find((x) => x.merchant_key === "nytimes annual")!;
    expect(annual).toMatchObject({ frequency: "ANNUALLY", is_subscription: true, meets_recurring_rule: false });
    const early = w30.streams.find((x) => x.merchant_key === "paramount")!;
    expect(early).toMatchObject({ status: "EARLY_DETECTION", meets_recurring_rule: false });
    // Spend still includes everything: 9.99 (Jun 20) + 7.99 (Jun 10) + 99.00 (Jun 29).
    expect(w30.total_spend_cents).toBe(999 + 799 + 9900);
    expect(w30.share_of_spend).toBeCloseTo(999 / (999 + 799 + 9900), 10);
  });

  it("a monthly charge just outside a 31-day month's 30d window still counts when its next charge is due", () => {
    const rows = monthlyDates("2025-05-01", 4).map((d) => tx(d, 1099, "DISNEY PLUS", pfc("ENTERTAINMENT_TV_AND_MOVIES")));
    // Window 2025-08-02..2025-08-31; the Aug 1 charge is one day before it, the Sep 1 charge is predicted.
    const w = computeWindow(user([account("chk")], rows), "2025-08-31", "30d").subscriptions;
    expect(w.recurring_merchant_count).toBe(1);
    expect(w.streams[0].predicted_next_date).toBe("2025-09-01");
    expect(w.total_spend_cents).toBe(0);
    expect(w.share_of_spend).toBe(0);
  });
});
