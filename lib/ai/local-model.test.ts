import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { OFFER_RANKING_NOTE } from "../core/recommend/templates";
import { EDU_DRAFT, FACTS, TEMPLATE } from "./test-helpers";
import { createLocalTemplateModel, LOCAL_MODEL_ID, wordChunks } from "./local-model";
import { buildRationalePrompt } from "./prompt";

describe("local template provider", () => {
  it("implements the v4 language-model interface", () => {
    const m = createLocalTemplateModel();
    expect(m).toMatchObject({ specificationVersion: "v3", modelId: LOCAL_MODEL_ID });
  });

  it("round-trips the template exactly through generateText", async () => {
    for (const draft of [EDU_DRAFT, { kind: "offer" as const, title: "Harbor Starter Savings", rationale: `Based on the last 30 days of your transactions. ${OFFER_RANKING_NOTE}`, facts: FACTS }]) {
      const { instructions, prompt } = buildRationalePrompt(draft);
      const r = await generateText({ model: createLocalTemplateModel(), system: instructions, prompt, maxRetries: 0 });
      expect(r.text).toBe(draft.rationale);
      expect(r.finishReason).toBe("stop");
    }
  });

  it("streams the template in word chunks that concatenate to it", async () => {
    const { instructions, prompt } = buildRationalePrompt(EDU_DRAFT);
    const r = streamText({ model: createLocalTemplateModel(), system: instructions, prompt, maxRetries: 0 });
    const chunks: string[] = [];
    for await (const c of r.textStream) chunks.push(c);
    expect(chunks.length).toBe(TEMPLATE.split(" ").length);
    expect(chunks[0]).toBe("We ");
    expect(chunks.join("")).toBe(TEMPLATE);
    expect(await r.text).toBe(TEMPLATE);
  });

  it("errors (so callers fall back) when the prompt carries no payload", async () => {
    await expect(generateText({ model: createLocalTemplateModel(), prompt: "hello", maxRetries: 0 })).rejects.toThrow(/no rationale payload/);
  });

  it("wordChunks keeps every character", () => {
    const s = "  two  spaces\nand a newline ";
    expect(wordChunks(s).join("")).toBe(s);
    expect(wordChunks("")).toEqual([]);
  });
});
