import { describe, expect, it } from "vitest";
import { getCatalog } from "../content";
import type { Exclusion } from "../core/recommend";
import { fallbackReasons, guardrailCounts } from "./guardrails";
import { aggregate, evaluateUser } from "./metrics";
import { catalogIndex } from "./relevance";
import { makeUser, SIGNALS } from "./test-helpers";

const check = (rule: string) => ({ rule, passed: false, detail: `${rule} failed` });
const excluded: Exclusion[] = [
  { item_id: "offer-a", kind: "offer", reason: "ineligible", score: 1, failed_checks: [check("MIN_MONTHLY_INCOME"), check("NOT_ALREADY_HELD")] },
  { item_id: "offer-b", kind: "offer", reason: "ineligible", score: 1, failed_checks: [check("NOT_PREDATORY")] },
  { item_id: "edu-c", kind: "education", reason: "guardrail_failed", score: 1, failed_checks: [check("TONE")] },
  { item_id: "offer-d", kind: "offer", reason: "below_cutoff", score: 1, failed_checks: [] },
];

describe("guardrail counts", () => {
  it("reads the check names out of a fallback note", () => {
    expect(fallbackReasons("AI_FALLBACK: gpt-4o-mini: UNGROUNDED_NUMBER: 12%; TONE: lazy; UNGROUNDED_NUMBER: $40")).toEqual(["UNGROUNDED_NUMBER", "TONE"]);
    expect(fallbackReasons("AI_FALLBACK: gpt-4o-mini: GUARDRAILS: TONE: Judgmental wording: \"lazy\".")).toEqual(["GUARDRAILS", "TONE"]);
    expect(fallbackReasons("AI_FALLBACK: unknown: MODEL_ERROR: AI_LoadAPIKeyError: no key")).toEqual(["MODEL_ERROR"]);
  });

  it("counts rejected drafts, ineligible and predatory offers, and model fallbacks with why", () => {
    const r = makeUser("u", {
      windows: { "30d": SIGNALS.highUtilization() },
      excluded: { "30d": excluded },
      recs: {
        "30d": [
          { item_id: "edu-credit-utilization-101", rationale: "x", notes: ["AI_FALLBACK: gpt-4o-mini: TONE: lazy"] },
          { item_id: "edu-understanding-apr", rationale: "x", notes: ["AI_FALLBACK: gpt-4o-mini: UNGROUNDED_NUMBER: 12%"] },
          { item_id: "edu-paydown-avalanche-snowball", rationale: "x", notes: ["AI_PHRASED: gpt-4o-mini"], generator: "gpt-4o-mini" },
        ],
      },
    });
    const g = guardrailCounts(r.windows["30d"]!.recommendations, excluded);
    expect(g).toEqual({
      drafts_rejected: { TONE: 1 },
      ineligible_by_rule: { MIN_MONTHLY_INCOME: 1, NOT_ALREADY_HELD: 1, NOT_PREDATORY: 1 },
      ineligible_offers: 2,
      predatory_refused: 1,
      fallbacks_by_reason: { TONE: 1, UNGROUNDED_NUMBER: 1 },
      model_fallbacks: 2,
      model_texts_used: 1,
    });
    const m = aggregate([evaluateUser(r, { catalog: catalogIndex(getCatalog()) })], {
      asOf: "2025-06-30", pipelineRunFor: 0, timingWallMs: 1, offerKinds: [], incomeGatedKinds: new Set(), offerPersonas: {},
    });
    // A tone rejection of a template draft and one of a model's text.
    expect(m.windows["30d"].guardrails.tone_rejections).toBe(2);
  });
});
