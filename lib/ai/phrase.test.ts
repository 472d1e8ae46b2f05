import { describe, expect, it } from "vitest";
import { DISCLOSURE } from "../core/guardrails/constants";
import { OFFER_RANKING_NOTE } from "../core/recommend/templates";
import type { DecisionTrace } from "../core/guardrails/trace";
import type { RecommendationDraft } from "../core/recommend/types";
import { EDU_DRAFT, FACTS, TEMPLATE, failingModel, mockModel } from "./test-helpers";
import { applyPhrasing, phraseRationale } from "./phrase";
import { getRationaleModel } from "./model";
import { LOCAL_MODEL_ID } from "./local-model";

const GROUNDED =
  "Your Visa ending in 4523 is using 68% of its limit, a $3,400 balance on $5,000. Keeping it under 30% can help your credit score and trim the $87 a month in interest.";

describe("phraseRationale", () => {
  it("uses a grounded model text, with the model id as generator", async () => {
    const model = mockModel(GROUNDED);
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model, maxRetries: 0 });
    expect(r).toMatchObject({ text: GROUNDED, generator: "mock-model-1", fell_back: false, disclosure: DISCLOSURE });
    expect(r.reason).toBeUndefined();
    expect(r.checks.every((c) => c.passed)).toBe(true);
    // the prompt carried the facts and the template, and the rules
    const call = model.doGenerateCalls[0];
    expect(call.prompt[0]).toMatchObject({ role: "system" });
    expect(JSON.stringify(call.prompt)).toContain("At most 2 sentences");
    expect(JSON.stringify(call.prompt)).toContain("$3,400");
  });

  it("accepts a number written differently with the same value ($3400.00 = $3,400)", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel("Your balance is $3400.00 at 68 percent of the limit.") });
    expect(r.fell_back).toBe(false);
  });

  it("catches an invented number and falls back to the template, naming the number", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel("Your Visa ending in 4523 is at 68% and rates near 12% are common.") });
    expect(r.fell_back).toBe(true);
    expect(r.text).toBe(TEMPLATE);
    expect(r.generator).toBe("template");
    expect(r.model_id).toBe("mock-model-1");
    expect(r.reason).toBe("UNGROUNDED_NUMBER: 12%");
  });

  it("catches an invented date", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel("Your $3,400 balance was due Nov 10.") });
    expect(r.fell_back).toBe(true);
    expect(r.reason).toBe("UNGROUNDED_DATE: Nov 10");
  });

  it("catches a shaming phrase", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel("Carrying $3,400 on a $5,000 limit is irresponsible.") });
    expect(r.fell_back).toBe(true);
    expect(r.text).toBe(TEMPLATE);
    expect(r.reason).toBe("TONE: irresponsible");
  });

  it("lists every failed check in the reason", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel("You are reckless with a 95% balance; get a payday loan.") });
    expect(r.reason).toBe("UNGROUNDED_NUMBER: 95%; TONE: reckless; INELIGIBLE_PRODUCT: payday loan");
  });

});

describe("phraseRationale: offers, disclosures and fallbacks", () => {
  it("catches a catalog offer or partner outside the eligible set", async () => {
    const r = await phraseRationale({
      draft: EDU_DRAFT,
      eligibleTitles: [],
      model: mockModel("At 68%, the Clearpath Balance Transfer Card could pause your interest."),
    });
    expect(r.fell_back).toBe(true);
    expect(r.reason).toBe("INELIGIBLE_PRODUCT: Clearpath Balance Transfer Card");

    const custom = await phraseRationale({
      draft: EDU_DRAFT,
      eligibleTitles: [],
      products: [{ name: "Payday Plus", titles: ["Payday Plus"] }],
      model: mockModel("Payday Plus can cover a $3,400 balance."),
    });
    expect(custom.reason).toBe("INELIGIBLE_PRODUCT: Payday Plus");
  });

  it("lets an offer name itself and its partner, and closes it with the ranking note", async () => {
    const draft = { kind: "offer" as const, title: "Clearpath Balance Transfer Card", rationale: `${TEMPLATE} ${OFFER_RANKING_NOTE}`, facts: FACTS };
    const r = await phraseRationale({
      draft,
      eligibleTitles: [draft.title],
      model: mockModel("The Clearpath Balance Transfer Card from Clearpath Bank can pause interest on a $3,400 balance."),
    });
    expect(r.fell_back).toBe(false);
    expect(r.text.endsWith(OFFER_RANKING_NOTE)).toBe(true);

    const other = await phraseRationale({ draft, eligibleTitles: [draft.title], model: mockModel("Northstar Credit Union has lower rates.") });
    expect(other.reason).toBe("INELIGIBLE_PRODUCT: Northstar Credit Union");
  });

  it("rejects a model-written disclosure, strips an exact copy of ours", async () => {
    const own = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel("Your card is at 68%. This is not financial advice.") });
    expect(own.reason).toBe("DISCLOSURE: not financial advice");
    const copy = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel(`Your card is at 68%. ${DISCLOSURE}`) });
    expect(copy).toMatchObject({ fell_back: false, text: "Your card is at 68%." });
  });

  it("falls back on a model error, with the reason", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: failingModel(), maxRetries: 0 });
    expect(r.fell_back).toBe(true);
    expect(r.text).toBe(TEMPLATE);
    expect(r.checks).toEqual([]);
    expect(r.reason).toMatch(/^MODEL_ERROR: .*ECONNREFUSED/);
  });

  it("falls back on an empty answer", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: mockModel("   ") });
    expect(r.reason).toBe("EMPTY_OUTPUT: (empty)");
  });
});

describe("getRationaleModel", () => {
  it("is the local template provider without OPENAI_API_KEY, OpenAI with it (no call made)", () => {
    expect(getRationaleModel({}).modelId).toBe(LOCAL_MODEL_ID);
    const m = getRationaleModel({ OPENAI_API_KEY: "sk-test" });
    expect(m.modelId).toBe("gpt-4o-mini");
    // chat completions (POST /chat/completions), not the Responses API `provider(id)` picks by default
    expect(m.provider).toBe("openai.chat");
    expect(getRationaleModel({ OPENAI_API_KEY: "sk-test", OPENAI_MODEL: "gpt-4.1-nano" }).modelId).toBe("gpt-4.1-nano");
  });

  it("phraseRationale with the local provider returns the template, generator local-template", async () => {
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: getRationaleModel({}) });
    expect(r).toMatchObject({ text: TEMPLATE, generator: LOCAL_MODEL_ID, fell_back: false });
  });
});

describe("applyPhrasing", () => {
  const draft = {
    item_id: "edu-utilization",
    kind: "education",
    title: EDU_DRAFT.title,
    rank: 1,
    rationale: TEMPLATE,
    disclosure: DISCLOSURE,
    facts: FACTS,
    trace: { generator: "template", generated_at: "2025-01-01", notes: [], eligibility: null } as unknown as DecisionTrace,
  } satisfies RecommendationDraft;

  it("puts a used text on the draft with the model as generator", async () => {
    const r = await phraseRationale({ draft, eligibleTitles: [], model: mockModel(GROUNDED) });
    const d = applyPhrasing(draft, r, "2025-01-02");
    expect(d.rationale).toBe(GROUNDED);
    expect(d.trace.generator).toBe("mock-model-1");
    expect(d.trace.guardrails?.passed).toBe(true);
    expect(d.trace.notes).toEqual(["AI_PHRASED: mock-model-1"]);
  });

  it("keeps the template and notes the reason when it fell back", async () => {
    const r = await phraseRationale({ draft, eligibleTitles: [], model: mockModel("Rates near 12% are common.") });
    const d = applyPhrasing(draft, r, "2025-01-02");
    expect(d.rationale).toBe(TEMPLATE);
    expect(d.trace.generator).toBe("template");
    expect(d.trace.notes).toEqual(["AI_FALLBACK: mock-model-1: UNGROUNDED_NUMBER: 12%"]);
  });
});
