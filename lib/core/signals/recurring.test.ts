import { describe, expect, it } from "vitest";
import { addDays } from "../time";
import { detectCadence, predictNext } from "./cadence";
import { detectRecurringStreams } from "./recurring";
import { isoDay } from "./days";
import { computeWindow } from "./engine";
import { everyNDays, monthlyDates, pfc, rng, tx, user } from "./testkit";

const TV = pfc("ENTERTAINMENT_TV_AND_MOVIES");

describe("cadence", () => {
  it("Jan 31 -> Feb 29 -> Mar 31 (leap year) stays MONTHLY and predicts Apr 30", () => {
    const dates = ["2024-01-31", "2024-02-29", "2024-03-31"];
    expect(detectCadence(dates.map(isoDay))?.frequency).toBe("MONTHLY");
    expect(predictNext(dates, "MONTHLY")).toBe("2024-04-30");
    const streams = detectRecurringStreams(
      monthlyDates("2024-01-31", 5).map((d) => tx(d, 1549, "Netflix", { merchant_name: "Netflix", ...TV })),
      "2024-06-15",
    );
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({
      frequency: "MONTHLY",
      status: "MATURE",
      occurrences: 5,
      first_date: "2024-01-31",
      last_date: "2024-05-31",
      predicted_next_date: "2024-06-30",
      is_subscription: true,
      is_active: true,
    });
  });

  it("monthly charges with ±3 days of jitter and weekend shifts stay MONTHLY", () => {
    const jitter = [0, 3, -3, 2, -2, 3, 0, -3, 1, 3];
    const rows = monthlyDates("2025-01-15", 10).map((d, i) => tx(addDays(d, jitter[i]), 999, "HULU.COM/BILL", TV));
    const [s] = detectRecurringStreams(rows, "2025-10-20");
    expect(s.frequency).toBe("MONTHLY");
    expect(s.occurrences).toBe(10);
    expect(s.merchant).toBe("Hulu");
  });

  it("tells WEEKLY, BIWEEKLY, SEMI_MONTHLY and ANNUALLY apart", () => {
    expect(detectCadence(everyNDays("2025-01-03", 7, 8).map(isoDay))?.frequency).toBe("WEEKLY");
    expect(detectCadence(everyNDays("2025-01-03", 14, 8).map(isoDay))?.frequency).toBe("BIWEEKLY");
    // 1st and 15th, moved to the Friday before when they fall on a weekend (2025).
    const semi = ["2025-01-01", "2025-01-15", "2025-01-31", "2025-02-14", "2025-02-28", "2025-03-14", "2025-04-01", "2025-04-15", "2025-05-01", "2025-05-15"];
    expect(detectCadence(semi.map(isoDay))?.frequency).toBe("SEMI_MONTHLY");
    expect(detectCadence(["2024-03-15", "2025-03-14"].map(isoDay))?.frequency).toBe("ANNUALLY");
  });

  it("a missed month is tolerated, irregular gaps are not", () => {
    const withSkip = ["2025-01-10", "2025-02-10", "2025-04-10", "2025-05-10", "2025-06-10"].map(isoDay);
    expect(detectCadence(withSkip)).toMatchObject({ frequency: "MONTHLY", skips: 1 });
    const r = rng(7);
    let d = "2025-01-02";
    const irregular: number[] = [];
    for (let i = 0; i < 30; i++) {
      irregular.push(isoDay(d));
      d = addDays(d, 2 + Math.floor(r() * 10));
    }
    expect(detectCadence(irregular)).toBeNull();
  });
});

describe("detectRecurringStreams", () => {
  it("a price rise keeps one stream whose amount is the recent one", () => {
    const rows = monthlyDates("2025-01-08", 12).map((d, i) =>
      tx(d, i < 6 ? 1549 : 1799, "NETFLIX.COM 866-579-7172 CA", TV),
    );
    const streams = detectRecurringStreams(rows, "2025-12-20");
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({
      last_amount_cents: 1799,
      average_amount_cents: 1674,
      occurrences: 12,
      monthly_equivalent_cents: 1799,
      is_subscription: true,
    });
  });

  it("descriptor-only Netflix rows join the rows whose merchant_name is Netflix", () => {
    const rows = monthlyDates("2025-01-08", 6).map((d, i) =>
      i % 2 === 0
        ? tx(d, 1549, "NETFLIX.COM 866-579-7172 CA", TV)
        : tx(d, 1549, "Netflix.com", { merchant_name: "Netflix", ...TV }),
    );
    const streams = detectRecurringStreams(rows, "2025-06-20");
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ merchant: "Netflix", merchant_key: "netflix", occurrences: 6, frequency: "MONTHLY" });
  });

  it("an annual charge: ANNUALLY, MATURE after 2 instances, predicted a year on", () => {
    const rows = [
      tx("2024-11-15", 13900, "AMAZON PRIME*MEMBERSHIP", pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES")),
      tx("2025-11-14", 13900, "AMAZON PRIME*MEMBERSHIP", pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES")),
    ];
    const [s] = detectRecurringStreams(rows, "2025-12-01");
    expect(s).toMatchObject({
      frequency: "ANNUALLY",
      status: "MATURE",
      occurrences: 2,
      predicted_next_date: "2026-11-14",
      is_subscription: true,
      monthly_equivalent_cents: 1158,
    });
  });

  it("a weekly subscription with ±1 day jitter is WEEKLY; 52 charges a year", () => {
    const jitter = [0, 1, -1, 0, 1, 0, -1, 0, 0, 1];
    const rows = everyNDays("2025-03-03", 7, 10).map((d, i) => tx(addDays(d, jitter[i]), 999, "DAILY NEWS DIGITAL", pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES")));
    const [s] = detectRecurringStreams(rows, "2025-05-10");
    expect(s).toMatchObject({ frequency: "WEEKLY", occurrences: 10, is_subscription: true, monthly_equivalent_cents: 4329 });
  });

  it("groceries and coffee at irregular gaps with varying amounts are not a stream", () => {
    const r = rng(42);
    const rows = [];
    let d = "2025-01-02";
    for (let i = 0; i < 60; i++) {
      rows.push(tx(d, 2500 + Math.floor(r() * 12000), "SAFEWAY #1234", { merchant_name: "Safeway", ...pfc("FOOD_AND_DRINK_GROCERIES") }));
      d = addDays(d, 2 + Math.floor(r() * 8));
    }
    // Coffee: the same price every time, several times a week.
    d = "2025-01-02";
    for (let i = 0; i < 80; i++) {
      rows.push(tx(d, 475, "SQ *BLUE BOTTLE COFFEE", pfc("FOOD_AND_DRINK_COFFEE")));
      d = addDays(d, 1 + Math.floor(r() * 5));
    }
    // Groceries every Saturday, amounts all over the place.
    for (const [i, s] of everyNDays("2025-01-04", 7, 40).entries()) {
      rows.push(tx(s, 4000 + ((i * 3779) % 9000), "TRADER JOE'S #552", pfc("FOOD_AND_DRINK_GROCERIES")));
    }
    expect(detectRecurringStreams(rows, "2025-12-31")).toEqual([]);
  });

});

describe("detectRecurringStreams: categories", () => {
  it("utilities, rent and phone are bills, not subscriptions, even with variable amounts", () => {
    const power = [8234, 9120, 11876, 14302, 12011, 9560, 7710, 8123];
    const rows = [
      ...monthlyDates("2025-01-20", 8).map((d, i) => tx(d, power[i], "PG&E WEB ONLINE", pfc("RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"))),
      ...monthlyDates("2025-01-01", 8).map((d) => tx(d, 210000, "OAKWOOD APARTMENTS", pfc("RENT_AND_UTILITIES_RENT"))),
      ...monthlyDates("2025-01-12", 8).map((d) => tx(d, 6500, "VERIZON WIRELESS", pfc("RENT_AND_UTILITIES_TELEPHONE"))),
    ];
    const streams = detectRecurringStreams(rows, "2025-08-25");
    expect(streams.map((s) => [s.merchant_key, s.category, s.is_subscription]).sort()).toEqual([
      ["oakwood apartments", "bill", false],
      ["pg&e web", "bill", false],
      ["verizon wireless", "bill", false],
    ]);
  });

  it("a subscription among one-off purchases at the same merchant, and two plans at one merchant, are found by price", () => {
    const rows = [
      ...monthlyDates("2025-01-03", 8).map((d) => tx(d, 299, "APPLE.COM/BILL", pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES"))),
      ...monthlyDates("2025-01-20", 8).map((d) => tx(d, 1099, "APPLE.COM/BILL", pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES"))),
      tx("2025-02-11", 129900, "APPLE.COM/BILL", pfc("GENERAL_MERCHANDISE_ELECTRONICS")),
      tx("2025-05-02", 4900, "APPLE.COM/BILL", pfc("GENERAL_MERCHANDISE_ELECTRONICS")),
    ];
    const streams = detectRecurringStreams(rows, "2025-08-25");
    expect(streams.map((s) => [s.last_amount_cents, s.frequency, s.occurrences, s.is_subscription]).sort()).toEqual([
      [1099, "MONTHLY", 8, true],
      [299, "MONTHLY", 8, true],
    ]);
  });

  it("inflow streams: payroll is income; a cancelled subscription is inactive; own-account transfers are transfers", () => {
    const rows = [
      ...everyNDays("2025-01-10", 14, 12).map((d) => tx(d, -215000, "ACME CORP PAYROLL PPD ID: 99", {})),
      ...monthlyDates("2025-01-05", 3).map((d) => tx(d, 1099, "DISNEY PLUS", TV)),
      ...monthlyDates("2025-01-02", 6).map((d) => tx(d, 50000, "Online Transfer to SAV ...4321", {})),
    ];
    const byKey = Object.fromEntries(detectRecurringStreams(rows, "2025-06-20").map((s) => [s.merchant_key, s]));
    expect(byKey["acme"]).toMatchObject({ direction: "inflow", category: "income", frequency: "BIWEEKLY", is_subscription: false });
    expect(byKey["disney plus"]).toMatchObject({ is_subscription: true, is_active: false, last_date: "2025-03-05" });
    expect(byKey["transfer to sav"]).toMatchObject({ category: "transfer", is_subscription: false });
  });

  it("never reads rows dated after as-of", () => {
    const rows = monthlyDates("2025-01-08", 10).map((d) => tx(d, 1549, "Netflix", TV));
    const [s] = detectRecurringStreams(rows, "2025-05-31");
    expect(s).toMatchObject({ occurrences: 5, last_date: "2025-05-08", predicted_next_date: "2025-06-08" });
  });

});

describe("detectRecurringStreams: descriptor variants", () => {
  it("descriptor variants no key joins fill the stream's missing charge dates (same account, category, price)", () => {
    const variant = new Set([2, 3, 7]); // two in a row, then one more
    const rows = monthlyDates("2025-01-12", 12).map((d, i) =>
      tx(d, 1699, variant.has(i) ? "HBO Max" : "MAX.COM 855-442-6629 NY", { account_id: "card", ...TV }),
    );
    // A same-price charge at another merchant in the same category but on another day stays out.
    rows.push(tx("2025-05-27", 1699, "AMC 0042 ONLINE", { account_id: "card", ...TV }));
    const streams = detectRecurringStreams(rows, "2025-12-20", {
      accounts: [{ ...acct("card"), type: "credit" }],
    });
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ merchant_key: "max", occurrences: 12, frequency: "MONTHLY" });
    expect(streams[0].transaction_ids).not.toContain(rows[12].transaction_id);
  });

  it("one descriptor for two merchants (APPLE.COM/BILL): descriptor-only rows go to the merchant with their price", () => {
    const music = (d: string, named: boolean) =>
      tx(d, 1099, "APPLE.COM/BILL 866-712-7753 CA", { merchant_name: named ? "Apple Music" : null, ...pfc("ENTERTAINMENT_MUSIC_AND_AUDIO") });
    const icloud = (d: string, named: boolean) =>
      tx(d, 299, "APPLE.COM/BILL 866-712-7753 CA", { merchant_name: named ? "Apple iCloud" : null, ...pfc("GENERAL_SERVICES_OTHER_GENERAL_SERVICES") });
    const rows = [
      ...monthlyDates("2025-01-04", 8).map((d, i) => music(d, i % 3 === 0)),
      ...monthlyDates("2025-01-21", 8).map((d, i) => icloud(d, i % 2 === 0)),
    ];
    const streams = detectRecurringStreams(rows, "2025-08-30");
    expect(streams.map((x) => [x.merchant, x.occurrences, x.last_amount_cents]).sort()).toEqual([
      ["Apple Music", 8, 1099],
      ["Apple iCloud", 8, 299],
    ]);
  });

  it("memberships, news and meal kits filed under goods are subscriptions; a monthly donation is not", () => {
    const rows = [
      ...everyNDays("2025-03-03", 7, 12).map((d) => tx(d, 6999, "HELLOFRESH 646-846-3663 NY", pfc("FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK"))),
      ...monthlyDates("2025-01-09", 6).map((d) => tx(d, 1700, "NYT DIGITAL SUBSCRIPTION", pfc("GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS"))),
      ...monthlyDates("2025-01-15", 6).map((d) => tx(d, 2500, "RED CROSS MONTHLY", pfc("GOVERNMENT_AND_NON_PROFIT_DONATIONS"))),
    ];
    const by = Object.fromEntries(detectRecurringStreams(rows, "2025-06-30").map((x) => [x.merchant_key, [x.frequency, x.is_subscription]]));
    expect(by).toEqual({
      hellofresh: ["WEEKLY", true],
      "nyt digital subscription": ["MONTHLY", true],
      "red cross monthly": ["MONTHLY", false],
    });
  });

  it("a bonus paid on a payday is not a paycheck of the stream", () => {
    const rows = everyNDays("2025-01-03", 14, 12).map((d) => tx(d, -250_000, "INITECH DIRECT DEP", pfc("INCOME_WAGES")));
    rows.push(tx("2025-03-28", -180_000, "INITECH DIRECT DEP", pfc("INCOME_WAGES")));
    const [s] = detectRecurringStreams(rows, "2025-06-10");
    expect(s).toMatchObject({ frequency: "BIWEEKLY", occurrences: 12, average_amount_cents: 250_000, category: "income" });
  });

  it("a never-enriched merchant scattered over descriptor variants is one stream (same price, account, category)", () => {
    const names = ["DOW JONES WSJ", "WALL ST JOURNAL", "DOW JONES WSJ", "WSJ DIGITAL 800-568-7625", "WALL ST JOURNAL", "DOW JONES WSJ", "WALL ST JOURNAL", "DOW JONES WSJ"];
    const rows = monthlyDates("2025-01-22", 8).map((d, i) => tx(d, 3899, names[i], pfc("GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS")));
    const streams = detectRecurringStreams(rows, "2025-08-30");
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ occurrences: 8, frequency: "MONTHLY", is_subscription: true, last_amount_cents: 3899 });
  });

  it("variant streams that follow each other merge (a switch of descriptor mid-year)", () => {
    const rows = [
      ...monthlyDates("2025-01-10", 5).map((d) => tx(d, 1599, "DisneyPLUS", TV)),
      ...monthlyDates("2025-06-10", 5).map((d) => tx(d, 1599, "DISNEY PLUS BURBANK CA", TV)),
    ];
    const streams = detectRecurringStreams(rows, "2025-10-20");
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ occurrences: 10, first_date: "2025-01-10", last_date: "2025-10-10" });
  });

  it("a weekly card subscription posting 0-2 days late and moved off weekends stays WEEKLY", () => {
    // Authorized every Thursday; posted Thursday, Friday or (weekend) Monday.
    const lag = [0, 1, 4, 0, 1, 4, 4, 0, 1, 0, 4, 1];
    const rows = everyNDays("2025-03-06", 7, 12).map((d, i) => tx(addDays(d, lag[i]), 6999, "HELLOFRESH 646-846-3663 NY", { account_id: "card", ...pfc("FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK") }));
    const [s] = detectRecurringStreams(rows, "2025-05-31", { accounts: [{ ...acct("card"), type: "credit" }] });
    expect(s).toMatchObject({ frequency: "WEEKLY", occurrences: 12, is_subscription: true });
  });

});

describe("detectRecurringStreams: chance and payroll", () => {
  it("an annual renewal under the monthly plan's descriptor is not a monthly occurrence", () => {
    const rows = monthlyDates("2025-01-03", 10).map((d) => tx(d, 1499, "Amazon Prime*A1B2C3", { merchant_name: "Amazon Prime", ...pfc("GENERAL_MERCHANDISE_ONLINE_MARKETPLACES") }));
    rows.push(tx("2025-05-20", 13900, "Amazon Prime*Z9Y8X7", { merchant_name: "Amazon Prime", ...pfc("GENERAL_MERCHANDISE_ONLINE_MARKETPLACES") }));
    const monthly = detectRecurringStreams(rows, "2025-10-20").find((x) => x.frequency === "MONTHLY")!;
    expect(monthly).toMatchObject({ occurrences: 10, average_amount_cents: 1499, is_subscription: true });
  });

  it("a flat fare that happens to fall monthly among many same-fare rides is not a subscription", () => {
    const r = rng(3);
    const rows = [];
    let d = "2025-01-02";
    for (let i = 0; i < 120; i++) {
      rows.push(tx(d, 290, i % 2 ? "CTA VENTRA 347424" : "VENTRA CTA", pfc("TRANSPORTATION_PUBLIC_TRANSIT")));
      d = addDays(d, 1 + Math.floor(r() * 4));
    }
    // Three taps of another descriptor variant exactly a month apart.
    for (const day of ["2025-03-05", "2025-04-05", "2025-05-05"]) rows.push(tx(day, 290, "METRO TAP 4215", pfc("TRANSPORTATION_PUBLIC_TRANSIT")));
    expect(detectRecurringStreams(rows, "2025-06-30").filter((x) => x.is_subscription)).toEqual([]);
  });

  it("payroll paid under two rail descriptors is one employer; gig payouts labelled as wages are not payroll", () => {
    const pay = everyNDays("2025-01-10", 14, 12).map((d, i) =>
      tx(d, -212_345, i % 3 === 0 ? "WONKA INDUSTRIES DIRECT DEP" : "DIRECT DEPOSIT WONKA INDUSTRIES", pfc("INCOME_WAGES")),
    );
    const r = rng(11);
    const gig = everyNDays("2025-01-06", 7, 20).map((d) => tx(d, -Math.round(2000 + r() * 30000), "LYFT DIRECT DEP", pfc("INCOME_WAGES")));
    const streams = detectRecurringStreams([...pay, ...gig], "2025-06-20");
    const wonka = streams.find((x) => x.merchant_key === "wonka industries")!;
    expect(wonka).toMatchObject({ frequency: "BIWEEKLY", occurrences: 12, category: "income" });
    const both = computeWindow(user([acct("chk")], [...pay, ...gig]), "2025-06-20", "180d").income;
    expect(both).toMatchObject({ payroll_detected: true, frequency: "BIWEEKLY", paycheck_count: 12, median_pay_gap_days: 14 });
    const gigOnly = computeWindow(user([acct("chk")], gig), "2025-06-20", "180d").income;
    expect(gigOnly.payroll_detected).toBe(false);
    expect(gigOnly.median_pay_gap_days).toBe(7);
  });
});

function acct(id: string) {
  return {
    account_id: id, user_id: "u1", type: "depository" as const, subtype: "checking", name: id, mask: null,
    holder_category: "personal" as const, current_cents: 0, available_cents: null, limit_cents: null, iso_currency_code: "USD",
  };
}
