import { describe, expect, it } from "vitest";
import { fairness, type FairnessUser } from "./fairness";

const ctx = { window: "30d", offerKinds: ["high_yield_savings", "balance_transfer_card"], incomeGatedKinds: new Set(["balance_transfer_card"]), offerPersonas: { high_yield_savings: ["savings_builder"], balance_transfer_card: ["high_utilization"] } };

/** n users of one group, `hits` of them with the given primary persona (the rest: none). */
function group(field: "income_tier" | "region" | "age_band", value: string, n: number, hits: number, primary: string, extra: Partial<FairnessUser> = {}): FairnessUser[] {
  return Array.from({ length: n }, (_, i) => ({ demographics: { [field]: value }, primary: i < hits ? primary : null, offer_kinds: [], expected: null, ...extra }));
}
const comparison = (m: ReturnType<typeof fairness>, field: string, metric: string) =>
  m.fields.find((f) => f.field === field)!.comparisons.find((c) => c.metric === metric)!;

describe("fairness", () => {
  it("a biased population trips the flag; an income gap on savings is called expected by design", () => {
    const users = [...group("income_tier", "high", 20, 16, "savings_builder"), ...group("income_tier", "low", 20, 4, "savings_builder")];
    const m = fairness(users, ctx);
    const c = comparison(m, "income_tier", "persona:savings_builder");
    expect(c.gap).toBeCloseTo(0.6, 9);
    expect([c.high, c.low, c.flagged, c.explanation]).toEqual(["high", "low", true, "by_design"]);
    expect(c.sentence).toBe(
      "Savings Builder (30d): 80% of income tier high (20 users) against 20% of low (20), a 60-point gap. Expected by design: saving capacity rises with income; demographics are never an input to personas or offers.",
    );
    // "No persona" is the mirror image (20% vs 80%): flagged too, and not by design.
    expect(comparison(m, "income_tier", "persona:none")).toMatchObject({ flagged: true, explanation: "unexplained" });
    expect(m.flags).toBe(2);
  });

  it("a gap not by design: explained by chance in small groups, unexplained in large ones, planted with labels", () => {
    const small = fairness([...group("region", "West", 10, 4, "high_utilization"), ...group("region", "South", 10, 2, "high_utilization")], ctx);
    expect(comparison(small, "region", "persona:high_utilization")).toMatchObject({ flagged: true, explanation: "chance" });
    const large = fairness([...group("region", "West", 40, 24, "high_utilization"), ...group("region", "South", 40, 4, "high_utilization")], ctx);
    const c = comparison(large, "region", "persona:high_utilization");
    expect(c).toMatchObject({ flagged: true, explanation: "unexplained" });
    expect(c.sentence).toMatch(/^High Utilization \(30d\): 60% of region West \(40 users\) against 10% of South \(40\), a 50-point gap\. Not explained/);
    const planted = fairness(
      [
        ...group("region", "West", 40, 24, "high_utilization").map((u, i) => ({ ...u, expected: i < 22 ? ["high_utilization"] : [] })),
        ...group("region", "South", 40, 4, "high_utilization").map((u, i) => ({ ...u, expected: i < 5 ? ["high_utilization"] : [] })),
      ],
      ctx,
    );
    expect(comparison(planted, "region", "persona:high_utilization")).toMatchObject({ explanation: "planted", sentence: expect.stringContaining("planted 55% against 13%") });
    // Planted rates compare primaries: a user planted as both high utilization and subscription-heavy is planted high utilization.
    const primaries = fairness(
      [
        ...group("region", "West", 40, 0, "subscription_heavy", { expected: ["subscription_heavy", "high_utilization"] }),
        ...group("region", "South", 40, 24, "subscription_heavy", { expected: ["subscription_heavy"] }),
      ],
      ctx,
    );
    expect(comparison(primaries, "region", "persona:subscription_heavy").sentence).toContain("60% of region South (40 users) against 0% of West (40), a 60-point gap. The data does not explain it: the generator planted 100% against 0%");
    const notPlanted = fairness([...group("region", "West", 40, 24, "high_utilization", { expected: [] }), ...group("region", "South", 40, 4, "high_utilization", { expected: [] })], ctx);
    expect(comparison(notPlanted, "region", "persona:high_utilization").explanation).toBe("not_planted");
  });

  it("offer kinds: a rate per group; income-gated offers differ by income by design", () => {
    const users = [
      ...group("income_tier", "high", 10, 0, "x").map((u) => ({ ...u, offer_kinds: ["balance_transfer_card"] })),
      ...group("income_tier", "low", 10, 0, "x"),
    ];
    const c = comparison(fairness(users, ctx), "income_tier", "offer:balance_transfer_card");
    expect(c).toMatchObject({ gap: 1, flagged: true, explanation: "by_design" });
    expect(c.sentence).toContain("this offer's eligibility requires a minimum monthly income");
    // An offer for savers follows the savers persona, which follows income by design; not so by region.
    const savers = [
      ...group("income_tier", "high", 10, 0, "x").map((u) => ({ ...u, offer_kinds: ["high_yield_savings"], demographics: { income_tier: "high", region: "West" } })),
      ...group("income_tier", "low", 10, 0, "x").map((u) => ({ ...u, demographics: { income_tier: "low", region: "South" } })),
    ];
    const m = fairness(savers, ctx);
    expect(comparison(m, "income_tier", "offer:high_yield_savings").sentence).toContain("this offer is for Savings Builder users, and saving capacity rises with income");
    expect(comparison(m, "region", "offer:high_yield_savings").explanation).toBe("unexplained");
  });

  it("exactly 10 points is not flagged; groups under the minimum size are shown but not compared", () => {
    const m = fairness([...group("age_band", "25-34", 20, 4, "subscription_heavy"), ...group("age_band", "35-44", 20, 2, "subscription_heavy"), ...group("age_band", "65+", 5, 5, "subscription_heavy")], ctx);
    const c = comparison(m, "age_band", "persona:subscription_heavy");
    expect(c.gap).toBeCloseTo(0.1, 9);
    expect(c.flagged).toBe(false);
    expect(c.rates.find((r) => r.group === "65+")).toEqual({ group: "65+", n: 5, count: 5, rate: 1, compared: false });
  });

  it("skips cleanly when no demographics are present", () => {
    const m = fairness([{ demographics: {}, primary: null, offer_kinds: [], expected: null }], ctx);
    expect(m).toEqual({ skipped: "no demographics in the data (age band, income tier, region)", fields: [], flags: 0 });
  });
});
