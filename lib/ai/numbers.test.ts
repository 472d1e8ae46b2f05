import { describe, expect, it } from "vitest";
import type { Fact } from "../core/shared/types";
import { extractNumbers, isGrounded, ungroundedNumbers } from "./numbers";

const pick = (text: string) => extractNumbers(text).map(({ raw, kind, value, unit }) => ({ raw, kind, value, unit }));

describe("extractNumbers", () => {
  it("reads dollar amounts as integer cents", () => {
    expect(pick("a balance of $3,400.")).toEqual([{ raw: "$3,400", kind: "usd", value: 340000, unit: null }]);
    expect(pick("$87.23 and $0.99")).toEqual([
      { raw: "$87.23", kind: "usd", value: 8723, unit: null },
      { raw: "$0.99", kind: "usd", value: 99, unit: null },
    ]);
    expect(pick("about $3.4k")[0]).toMatchObject({ kind: "usd", value: 340000 });
    expect(pick("3,400 dollars")[0]).toMatchObject({ kind: "usd", value: 340000 });
  });

  it('reads "$87/month" as $87 (the "/month" is wording)', () => {
    expect(pick("interest of $87/month")).toEqual([{ raw: "$87", kind: "usd", value: 8700, unit: null }]);
  });

  it("reads percents in percent points", () => {
    expect(pick("at 68% utilization")).toEqual([{ raw: "68%", kind: "percent", value: 68, unit: null }]);
    expect(pick("49.9 percent")[0]).toMatchObject({ kind: "percent", value: 49.9 });
  });

  it("reads quantities with their unit word, singular", () => {
    expect(pick("about 1.5 months of expenses")).toEqual([{ raw: "1.5 months", kind: "quantity", value: 1.5, unit: "month" }]);
    expect(pick("You have 3 subscriptions")).toEqual([{ raw: "3 subscriptions", kind: "quantity", value: 3, unit: "subscription" }]);
    expect(pick("covers 0.4 months.")[0]).toMatchObject({ value: 0.4, unit: "month" });
    expect(pick("a 12-month CD")[0]).toMatchObject({ value: 12, unit: "month" });
    expect(pick("ending in 4523")).toEqual([{ raw: "4523", kind: "quantity", value: 4523, unit: null }]);
  });

  it("reads dates as dates, never as the amount of their day", () => {
    for (const d of ["Nov 10", "November 10th", "10 Nov", "Nov. 10, 2024", "2024-11-10", "11/10/2024", "11/10"]) {
      const got = pick(`paid on ${d} last year`);
      expect(got, d).toHaveLength(1);
      expect(got[0], d).toMatchObject({ kind: "date" });
      expect(Number.isNaN(got[0].value), d).toBe(true);
    }
  });

  it("ignores digits inside words and finds nothing in plain prose", () => {
    expect(pick("GPT4 and mp3 files")).toEqual([]);
    expect(pick("It's one option to compare; take your time.")).toEqual([]);
  });
});

describe("grounding against facts", () => {
  const facts: Fact[] = [
    { key: "card.4523.balance", label: "Balance", value: 340000, unit: "usd_cents", display: "$3,400", subject: "Visa ending in 4523" },
    { key: "card.4523.utilization", label: "Utilization", value: 0.68, unit: "ratio", display: "68%", subject: "Visa ending in 4523" },
    { key: "savings.emergency_fund_months", label: "Emergency fund", value: 0.43, unit: "months", display: "0.4 months" },
    { key: "subscriptions.recurring_merchant_count", label: "Subscriptions", value: 3, unit: "count", display: "3 subscriptions" },
    { key: "window.days", label: "Window", value: 30, unit: "days", display: "30 days" },
  ];

  it("accepts the same value however it is written", () => {
    expect(ungroundedNumbers("$3400.00, 68 percent, 0.4 months, 3 recurring charges, 30 days, card 4523", facts)).toEqual([]);
  });

  it("rejects other values, other units and every date", () => {
    const bad = ungroundedNumbers("$3,500, 67%, 0.4 days, 30 months, 4 subscriptions, Nov 10", facts).map((n) => n.raw);
    expect(bad).toEqual(["$3,500", "67%", "0.4 days", "30 months", "4 subscriptions", "Nov 10"]);
  });

  it("does not let a dollar amount match a percent fact or the reverse", () => {
    expect(isGrounded({ raw: "$68", kind: "usd", value: 6800, unit: null }, facts)).toBe(false);
    expect(isGrounded({ raw: "3400%", kind: "percent", value: 3400, unit: null }, facts)).toBe(false);
  });
});
