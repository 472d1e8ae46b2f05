import { describe, expect, it } from "vitest";
import { cardKey, cardLabel, formatDays, formatMoney, formatMonths, formatPercent } from "./format";

describe("format", () => {
  it("percent truncates and never rounds across a boundary", () => {
    expect(formatPercent(0.68)).toBe("68%");
    expect(formatPercent(0.29)).toBe("29%");
    expect(formatPercent(0.499)).toBe("49.9%");
    expect(formatPercent(0.4999)).toBe("49.9%");
    expect(formatPercent(0.025)).toBe("2.5%");
    expect(formatPercent(0.1)).toBe("10%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(-0.0125)).toBe("-1.2%");
  });
  it("money shows cents only when present", () => {
    expect(formatMoney(340_000)).toBe("$3,400");
    expect(formatMoney(8_723)).toBe("$87.23");
    expect(formatMoney(-500)).toBe("-$5");
  });
  it("months and days", () => {
    expect(formatMonths(0.43)).toBe("0.4 months");
    expect(formatMonths(1)).toBe("1 month");
    expect(formatMonths(2.96)).toBe("2.9 months");
    expect(formatDays(52)).toBe("52 days");
    expect(formatDays(45.5)).toBe("45.5 days");
  });
  it("card label and key use the mask", () => {
    expect(cardLabel({ name: "Visa", mask: "4523" })).toBe("Visa ending in 4523");
    expect(cardLabel({ name: "Store card", mask: null })).toBe("Store card");
    expect(cardKey({ mask: "4523", account_id: "x" })).toBe("card.4523");
    expect(cardKey({ mask: null, account_id: "acc-9" })).toBe("card.acc-9");
  });
});
