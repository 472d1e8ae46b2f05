import { describe, expect, it } from "vitest";
import { assignPersonas } from "../personas/assign";
import { makeCard, makeWindow } from "../personas/test-helpers";
import { highUtilizationDrafts } from "../recommend/test-catalog";
import type { RecommendationDraft } from "../recommend/types";
import { DISCLOSURE } from "./constants";
import { checkGrounding, numberTokens } from "./grounding";
import { runGuardrails } from "./run";
import { buildTrace } from "./trace";

const drafts = highUtilizationDrafts;
const edu = () => drafts().find((d) => d.kind === "education")!;
const off = () => drafts().find((d) => d.kind === "offer")!;
const failed = (d: RecommendationDraft) => runGuardrails(d).checks.filter((c) => !c.passed).map((c) => c.rule);

describe("runGuardrails", () => {
  it("passes the template drafts", () => {
    for (const d of drafts()) expect(runGuardrails(d)).toMatchObject({ passed: true, reasons: [] });
  });

  it("fails shaming wording (TONE) with the phrase in the reason", () => {
    const d = { ...edu(), rationale: "Your Visa is at 68% because of reckless spending." };
    const g = runGuardrails(d);
    expect(g.passed).toBe(false);
    expect(failed(d)).toEqual(["TONE"]);
    expect(g.reasons[0]).toContain('"reckless"');
  });

  it("fails an altered or missing disclosure", () => {
    expect(failed({ ...edu(), disclosure: DISCLOSURE.replace("educational", "general") })).toEqual(["DISCLOSURE"]);
    expect(failed({ ...edu(), disclosure: "" })).toEqual(["DISCLOSURE"]);
    expect(failed({ ...edu(), disclosure: `${DISCLOSURE} Extra.` })).toEqual(["DISCLOSURE"]);
  });

  it("fails a number that is not in the facts", () => {
    const d = { ...edu(), rationale: "Your Visa ending in 4523 is at 68% utilization and costs you $99 a month." };
    const g = runGuardrails(d);
    expect(failed(d)).toEqual(["GROUNDED_NUMBERS"]);
    expect(g.grounding.ungrounded).toEqual(["$99"]);
  });

  it("fails advice language and empty rationales", () => {
    expect(failed({ ...edu(), rationale: "This will improve your credit score." })).toEqual(["NO_ADVICE_LANGUAGE"]);
    expect(failed({ ...edu(), rationale: "  " })).toEqual(["NON_EMPTY_RATIONALE"]);
  });

  it("fails an offer without a passing eligibility result", () => {
    const o = off();
    expect(failed({ ...o, trace: { ...o.trace, eligibility: null } })).toEqual(["OFFER_ELIGIBLE"]);
    const predatory = {
      offer_id: o.item_id,
      eligible: false,
      checks: [{ rule: "NOT_PREDATORY", passed: false, detail: "Refused: the item is marked predatory." }],
    };
    expect(failed({ ...o, trace: { ...o.trace, eligibility: predatory } })).toEqual(["OFFER_ELIGIBLE"]);
  });
});

describe("grounding", () => {
  it("extracts canonical number tokens with $ and %, without commas, sentence dots or zero decimals", () => {
    expect(numberTokens("Visa ending in 0042 is at 68.0% ($3,400 of $5,000.00 limit), $87.50 and 0.40 months.")).toEqual([
      "0042",
      "68%",
      "$3400",
      "$5000",
      "$87.5",
      "0.4",
    ]);
  });
  it("accepts masks from fact keys and subjects", () => {
    const facts = [{ key: "card.4523.utilization", label: "u", value: 0.68, unit: "ratio" as const, display: "68%" }];
    expect(checkGrounding("Card 4523 at 68%", facts).ok).toBe(true);
    expect(checkGrounding("Card 4524 at 68%", facts)).toEqual({ ok: false, ungrounded: ["4524"] });
    expect(checkGrounding("68 percent", facts).ok).toBe(false);
  });
});

describe("buildTrace", () => {
  it("merges persona signals and rules with the item's, de-duplicated by name", () => {
    const window = makeWindow({ credit: { cards: [makeCard({ balance_cents: 300_000 })] } });
    const personas = assignPersonas(window);
    const t = buildTrace({
      user_id: "u1",
      window: "30d",
      as_of: "2025-06-30",
      generated_at: "2025-06-30T00:00:00Z",
      generator: "template",
      item: { id: "x", kind: "education", title: "X" },
      personas,
      item_persona: "high_utilization",
      score: {
        persona_tag: "high_utilization",
        persona_rule: "PRIMARY_PERSONA_WEIGHT",
        persona_weight: 10,
        signal_matches: [],
        signal_weight_each: 2,
        signal_weight: 0,
        total: 10,
        tie_break: "item_id ascending",
        payout_considered: false,
      },
      signals: [{ name: "credit.max_utilization", value: 0.6 }, { name: "extra.signal", value: 1 }],
      rules: [{ name: "PRIMARY_PERSONA_WEIGHT", value: 10 }],
    });
    expect(t.signals.filter((s) => s.name === "credit.max_utilization")).toEqual([{ name: "credit.max_utilization", value: 0.6 }]);
    expect(t.signals).toContainEqual({ name: "extra.signal", value: 1 });
    expect(t.rules).toEqual(
      expect.arrayContaining([
        { name: "HIGH_UTILIZATION_CARD_UTILIZATION_MIN", value: 0.5 },
        { name: "HIGH_UTILIZATION_OVERDUE", value: true },
        { name: "PRIMARY_PERSONA_WEIGHT", value: 10 },
      ]),
    );
    expect(t).toMatchObject({ version: 1, generator: "template", eligibility: null, guardrails: null, consent: null, notes: [] });
    expect(JSON.parse(JSON.stringify(t))).toEqual(t); // plain JSON
  });
});
