import { describe, expect, it } from "vitest";
import { addDays } from "../time";
import { detectCadence, detectRecurringStreams, predictNext } from "./recurring";
import { isoDay } from "./prepare";
import { everyNDays, monthlyDates, pfc, rng, tx } from "./testkit";

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
    expect(byKey["acme payroll"]).toMatchObject({ direction: "inflow", category: "income", frequency: "BIWEEKLY", is_subscription: false });
    expect(byKey["disney plus"]).toMatchObject({ is_subscription: true, is_active: false, last_date: "2025-03-05" });
    expect(byKey["transfer to sav"]).toMatchObject({ category: "transfer", is_subscription: false });
  });

  it("never reads rows dated after as-of", () => {
    const rows = monthlyDates("2025-01-08", 10).map((d) => tx(d, 1549, "Netflix", TV));
    const [s] = detectRecurringStreams(rows, "2025-05-31");
    expect(s).toMatchObject({ occurrences: 5, last_date: "2025-05-08", predicted_next_date: "2025-06-08" });
  });
});
