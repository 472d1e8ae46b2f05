import { describe, expect, it } from "vitest";
import { EDU_DRAFT, GROUNDED_TEXT, TEMPLATE, failingModel, mockModel } from "./test-helpers";
import { phraseBatch } from "./phrase";
import { createLocalTemplateModel, LOCAL_MODEL_ID } from "./local-model";
import type { PhraseDraft } from "./phrase";

const SECOND: PhraseDraft = { ...EDU_DRAFT, title: "Paying more than the minimum" };
const THIRD: PhraseDraft = { ...EDU_DRAFT, title: "Reading your statement" };

describe("phraseBatch (one model call per user)", () => {
  it("checks each item on its own: a grounded text is used, an invented number and a missing item fall back", async () => {
    const answer = JSON.stringify({
      rationales: [
        { i: 0, text: GROUNDED_TEXT },
        { i: 1, text: "Your Visa ending in 4523 is at 68% and rates near 12% are common." },
      ],
    });
    const model = mockModel(answer);
    const r = await phraseBatch({ drafts: [EDU_DRAFT, SECOND, THIRD], eligibleTitles: [], model });
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(r[0]).toMatchObject({ text: GROUNDED_TEXT, generator: "mock-model-1", fell_back: false });
    expect(r[1]).toMatchObject({ text: TEMPLATE, generator: "template", fell_back: true, reason: "UNGROUNDED_NUMBER: 12%" });
    expect(r[2]).toMatchObject({ text: TEMPLATE, fell_back: true, reason: "EMPTY_OUTPUT: no text for item 2" });
  });

  it("falls back for every item when the answer is not JSON or the model fails", async () => {
    const prose = await phraseBatch({ drafts: [EDU_DRAFT, SECOND], eligibleTitles: [], model: mockModel("Sure! Here you go.") });
    expect(prose.map((x) => x.fell_back)).toEqual([true, true]);
    const broken = await phraseBatch({ drafts: [EDU_DRAFT], eligibleTitles: [], model: failingModel() });
    expect(broken[0].reason).toMatch(/^MODEL_ERROR/);
    expect(broken[0].text).toBe(TEMPLATE);
  });

  it("the local provider returns every template unchanged, in one call", async () => {
    const r = await phraseBatch({ drafts: [EDU_DRAFT, SECOND, THIRD], eligibleTitles: [], model: createLocalTemplateModel() });
    expect(r.map((x) => [x.text, x.generator, x.fell_back])).toEqual([
      [TEMPLATE, LOCAL_MODEL_ID, false],
      [TEMPLATE, LOCAL_MODEL_ID, false],
      [TEMPLATE, LOCAL_MODEL_ID, false],
    ]);
  });
});
