import { describe, expect, it } from "vitest";
import { diffFacts, factsSignature, planCarryOver, type PriorDecision } from "./carry-over";
import type { Fact } from "../shared/types";

const util = (display: string, value = 0.68): Fact => ({ key: "card.4523.utilization", label: "Visa ending in 4523 utilization", value, unit: "ratio", display });
const bal = (display: string): Fact => ({ key: "card.4523.balance", label: "Visa ending in 4523 balance", value: 340000, unit: "usd_cents", display });
const prior = (over: Partial<PriorDecision>): PriorDecision => ({ id: "rec_a", window: "30d", itemId: "edu_util", asOf: "2026-10-01", status: "approved", facts: [util("68%"), bal("$3,400")], ...over });

describe("decision carry-over", () => {
  it("carries a decision when the same item has the same facts (order and raw precision do not matter)", () => {
    const plan = planCarryOver({ window: "30d", itemId: "edu_util", facts: [bal("$3,400"), util("68%", 0.6801)] }, [prior({})]);
    expect(plan).toEqual({ kind: "carry", from: prior({}) });
  });

  it("returns a changed item to the queue with what changed", () => {
    const plan = planCarryOver({ window: "30d", itemId: "edu_util", facts: [util("72%"), bal("$3,400")] }, [prior({ status: "rejected" })]);
    expect(plan).toMatchObject({ kind: "changed", from: { status: "rejected" }, changes: [{ key: "card.4523.utilization", before: "68%", after: "72%" }] });
  });

  it("takes the newest prior decision of the same window and item only", () => {
    const priors = [prior({ id: "old", asOf: "2026-09-01", status: "rejected" }), prior({ id: "new", asOf: "2026-10-01" }), prior({ id: "other", window: "180d", asOf: "2026-10-15" })];
    expect(planCarryOver({ window: "30d", itemId: "edu_util", facts: [util("68%"), bal("$3,400")] }, priors)).toMatchObject({ kind: "carry", from: { id: "new" } });
    expect(planCarryOver({ window: "30d", itemId: "edu_other", facts: [] }, priors)).toEqual({ kind: "new" });
  });

  it("diffs added and removed facts by key", () => {
    expect(diffFacts([util("68%")], [bal("$3,400")])).toEqual([
      { key: "card.4523.balance", label: "Visa ending in 4523 balance", before: null, after: "$3,400" },
      { key: "card.4523.utilization", label: "Visa ending in 4523 utilization", before: "68%", after: null },
    ]);
    expect(factsSignature([util("68%"), bal("$3,400")])).toBe(factsSignature([bal("$3,400"), util("68%", 0.9)]));
  });
});
