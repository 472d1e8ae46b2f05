import { describe, expect, it } from "vitest";
import { FEEDBACK_NOTE_MAX_CHARS, FeedbackInputSchema, onePerItem, passedRules } from "./suggestion";

describe("passedRules", () => {
  it("lists passed checks in customer words, never constant names, and drops failed or unknown ones", () => {
    const rules = passedRules([
      { rule: "NOT_PREDATORY", passed: true, detail: "Not a predatory product." },
      { rule: "MIN_MONTHLY_INCOME", passed: true, detail: "Monthly income $3,400 meets the minimum of $2,000." },
      { rule: "NO_OVERDUE", passed: false, detail: "A card payment is past due." },
      { rule: "KNOWN_ELIGIBILITY_FIELDS", passed: true, detail: "All fields known." },
    ]);
    expect(rules).toEqual([
      { label: "A fair product", detail: "Not a predatory product." },
      { label: "Income", detail: "Monthly income $3,400 meets the minimum of $2,000." },
    ]);
    expect(JSON.stringify(rules)).not.toMatch(/[A-Z]{2,}_[A-Z]/);
  });
});

describe("FeedbackInputSchema", () => {
  it("reads form strings and JSON booleans; an empty note is no note", () => {
    expect(FeedbackInputSchema.parse({ recommendationId: " r1 ", helpful: "false", note: "  " })).toEqual({ recommendationId: "r1", helpful: false, note: null });
    expect(FeedbackInputSchema.parse({ recommendationId: "r1", helpful: true, note: "Clear, thanks" })).toEqual({ recommendationId: "r1", helpful: true, note: "Clear, thanks" });
  });
  it("names each bad field", () => {
    const r = FeedbackInputSchema.safeParse({ recommendationId: "", helpful: "maybe", note: "x".repeat(FEEDBACK_NOTE_MAX_CHARS + 1) });
    expect(r.success).toBe(false);
    const paths = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(paths).toEqual({ recommendationId: "Required", helpful: "Choose helpful or not helpful", note: `At most ${FEEDBACK_NOTE_MAX_CHARS} characters` });
  });
});

describe("onePerItem", () => {
  it("keeps the first suggestion of each catalog item, in order", () => {
    const recs = [{ id: "a", itemId: "x" }, { id: "b", itemId: "y" }, { id: "c", itemId: "x" }];
    expect(onePerItem(recs).map((r) => r.id)).toEqual(["a", "b"]);
  });
});
