import { describe, expect, it } from "vitest";
import { renderRationale, renderTemplate } from "./render";
import { DEFAULT_WHY, GENERAL_TEMPLATES, OFFER_RANKING_NOTE, TAG_TEMPLATES } from "./templates";
import type { Fact } from "../shared/types";

const facts: Fact[] = [
  { key: "card.1111.utilization", label: "Amex", value: 0.2, unit: "ratio", display: "20%", subject: "Amex ending in 1111" },
  { key: "card.4523.utilization", label: "Visa", value: 0.68, unit: "ratio", display: "68%", subject: "Visa ending in 4523" },
  { key: "card.4523.limit", label: "Visa limit", value: 500_000, unit: "usd_cents", display: "$5,000", subject: "Visa ending in 4523" },
];

describe("renderTemplate", () => {
  it("substitutes displays and subjects", () => {
    expect(renderTemplate("{card.4523.utilization|subject} is at {card.4523.utilization}.", facts)).toBe("Visa ending in 4523 is at 68%.");
  });
  it("binds * to one card across the sentence (the first card with every fact)", () => {
    expect(renderTemplate("{card.*.utilization|subject}: {card.*.utilization} of {card.*.limit}", facts)).toBe(
      "Visa ending in 4523: 68% of $5,000",
    );
  });
  it("returns null when a fact is missing", () => {
    expect(renderTemplate("Interest {credit.interest_monthly}", facts)).toBeNull();
  });
  it("renderRationale takes the first alternative that resolves and returns the facts used", () => {
    const r = renderRationale([["A {missing}.", "B {card.4523.limit}."], ["C {nothing}."]], facts);
    expect(r.text).toBe("B $5,000.");
    expect(r.facts.map((f) => f.key)).toEqual(["card.4523.limit"]);
  });
});

describe("templates hold no numbers of their own", () => {
  const all = [
    ...Object.values(TAG_TEMPLATES).flat(2),
    ...Object.values(GENERAL_TEMPLATES).flat(2),
    ...Object.values(DEFAULT_WHY),
    OFFER_RANKING_NOTE,
  ];
  it.each(all)("%s", (t) => {
    expect(t.replace(/\{[^}]+\}/g, "")).not.toMatch(/\d/);
  });
});
