import { describe, expect, it } from "vitest";
import { DISCLOSURE } from "../core/guardrails/constants";
import { FACTS, TEMPLATE, failingModel, mockModel } from "./test-helpers";
import { createLocalTemplateModel } from "./local-model";
import { explanationEvents, toNdjsonStream, type StreamEvent } from "./stream";
import type { StreamableRecommendation } from "../db/explain";

const REC: StreamableRecommendation = { id: "rec-1", itemId: "edu-credit-utilization-101", kind: "education", title: "How credit utilization works", rationale: TEMPLATE, facts: FACTS };

async function collect(it: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}
const deltas = (evs: StreamEvent[]) => evs.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("");

describe("explanationEvents", () => {
  it("streams the local template: header, deltas = template, checked, disclosure, end", async () => {
    const evs = await collect(explanationEvents([REC], { model: createLocalTemplateModel() }));
    expect(evs[0]).toEqual({ type: "recommendation", id: "rec-1", kind: "education", title: REC.title });
    expect(deltas(evs)).toBe(TEMPLATE);
    expect(evs.filter((e) => e.type === "delta").length).toBeGreaterThan(1);
    expect(evs.slice(-3)).toEqual([
      { type: "checked", id: "rec-1", generator: "local-template", fell_back: false },
      { type: "disclosure", id: "rec-1", text: DISCLOSURE },
      { type: "end", count: 1 },
    ]);
  });

  it("never releases a failing sentence: replace with the template and the reason", async () => {
    const model = mockModel(["Your card ", "is at 68%. ", "Rates near ", "12% are common. ", "More text."]);
    const evs = await collect(explanationEvents([REC], { model }));
    expect(deltas(evs)).toBe("Your card is at 68%. ");
    expect(JSON.stringify(evs)).not.toMatch(/"delta"[^}]*12%/);
    expect(evs).toContainEqual({ type: "replace", id: "rec-1", text: TEMPLATE, reason: "UNGROUNDED_NUMBER: 12%" });
    expect(evs).toContainEqual({ type: "checked", id: "rec-1", generator: "template", fell_back: true, reason: "UNGROUNDED_NUMBER: 12%" });
    expect(evs.at(-2)).toEqual({ type: "disclosure", id: "rec-1", text: DISCLOSURE });
  });

  it("checks the unfinished last sentence when the stream ends", async () => {
    const evs = await collect(explanationEvents([REC], { model: mockModel(["Your card is at 68%. ", "You are so ", "irresponsible"]) }));
    expect(evs).toContainEqual({ type: "replace", id: "rec-1", text: TEMPLATE, reason: "TONE: irresponsible" });
  });

  it("falls back on a model error", async () => {
    const evs = await collect(explanationEvents([REC, { ...REC, id: "rec-2" }], { model: failingModel() }));
    const replaces = evs.filter((e) => e.type === "replace");
    expect(replaces).toHaveLength(2);
    expect(replaces[0]).toMatchObject({ text: TEMPLATE, reason: expect.stringMatching(/^MODEL_ERROR: .*ECONNREFUSED/) });
    expect(evs.filter((e) => e.type === "disclosure")).toHaveLength(2);
  });

  it("encodes events as newline-delimited JSON", async () => {
    const body = toNdjsonStream(explanationEvents([REC], { model: createLocalTemplateModel() }));
    const text = await new Response(body).text();
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l) as StreamEvent);
    expect(lines[0].type).toBe("recommendation");
    expect(lines.at(-1)).toEqual({ type: "end", count: 1 });
  });
});
