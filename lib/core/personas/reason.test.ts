import { describe, expect, it } from "vitest";
import { criterion } from "./reason";

describe("criterion (persona reason builder)", () => {
  it("takes the threshold from the rule constant and compares the value with it", () => {
    const r = criterion({ rule: "SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN", signal: "subscriptions.recurring_merchant_count", comparator: ">=", value: 3, text: (met) => (met ? "yes" : "no") });
    expect(r).toEqual({ rule: "SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN", signal: "subscriptions.recurring_merchant_count", value: 3, threshold: 3, comparator: ">=", met: true, text: "yes" });
    expect(criterion({ rule: "SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN", signal: "s", comparator: ">=", value: 2, text: (met) => String(met) }).text).toBe("false");
  });
  it("boolean rules match on equality; null never meets a comparison", () => {
    expect(criterion({ rule: "HIGH_UTILIZATION_OVERDUE", signal: "credit.overdue", comparator: "==", value: true, text: () => "" }).met).toBe(true);
    expect(criterion({ rule: "HIGH_UTILIZATION_OVERDUE", signal: "credit.overdue", comparator: "==", value: false, text: () => "" }).met).toBe(false);
    expect(criterion({ rule: "VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS", signal: "b", comparator: "<", value: null, text: () => "" }).met).toBe(false);
  });
  it("an explicit `met` wins; account ids only when there are some", () => {
    const r = criterion({ rule: "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW", signal: "c", comparator: "<", value: null, met: true, accountIds: [], text: () => "" });
    expect(r.met).toBe(true);
    expect(r).not.toHaveProperty("account_ids");
    expect(criterion({ rule: "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW", signal: "c", comparator: "<", value: 0.5, accountIds: ["a1"], text: () => "" })).toMatchObject({ met: false, account_ids: ["a1"] });
  });
});
