/** Fixtures for the lib/ai/chat tests: a data source over hand-made windows, mock models. Not production code. */
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import { SUGGESTIONS, richWindow } from "../../core/chat/testkit";
import type { SpendingByCategory } from "../../core/chat/spending";
import { USAGE } from "../test-helpers";
import type { ChatEvent, ChatTurnResult } from "./answer";
import type { ChatDataSource } from "./tools";

export const SPENDING: SpendingByCategory = {
  categories: [
    { primary: "FOOD_AND_DRINK", cents: 60_000 },
    { primary: "GENERAL_MERCHANDISE", cents: 40_000 },
  ],
  total_cents: 100_000,
};

/** A customer's data as the tools read it; counts the reads. */
export function fakeSource(over: Partial<ChatDataSource> = {}): ChatDataSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    signals: async () => (reads.push("signals"), { w30: richWindow(), w180: richWindow({ window: "180d" }) }),
    suggestions: async () => (reads.push("suggestions"), SUGGESTIONS),
    spending: async () => (reads.push("spending"), SPENDING),
    ...over,
  };
}

export async function collect(events: AsyncIterable<ChatEvent>): Promise<{ events: ChatEvent[]; text: string; turn: ChatTurnResult }> {
  const out: ChatEvent[] = [];
  for await (const e of events) out.push(e);
  const done = out.at(-1);
  if (done?.type !== "done") throw new Error("no done event");
  return { events: out, text: out.flatMap((e) => (e.type === "text" ? [e.text] : [])).join(""), turn: done.turn };
}

type Part = { type: "text"; text: string } | { type: "tool"; name: string; input?: string };

/**
 * A mock model that plays one step per call: `steps[i]` is what it says on its i-th call (text
 * chunks and tool calls). Records each call's prompt and tools.
 */
export function scriptedModel(steps: Part[][], modelId = "mock-chat") {
  let call = 0;
  const model = new MockLanguageModelV3({
    modelId,
    doStream: async () => {
      const parts = steps[Math.min(call++, steps.length - 1)];
      const chunks: unknown[] = [];
      const texts = parts.filter((p) => p.type === "text");
      if (texts.length) chunks.push({ type: "text-start", id: "t" }, ...texts.map((p) => ({ type: "text-delta", id: "t", delta: p.text })), { type: "text-end", id: "t" });
      parts.forEach((p, i) => {
        if (p.type === "tool") chunks.push({ type: "tool-call", toolCallId: `call-${call}-${i}`, toolName: p.name, input: p.input ?? "{}" });
      });
      const calls = parts.some((p) => p.type === "tool");
      chunks.push({ type: "finish", finishReason: { unified: calls ? "tool-calls" : "stop", raw: calls ? "tool_calls" : "stop" }, usage: USAGE });
      return { stream: simulateReadableStream({ chunks: chunks as never[] }) };
    },
  });
  return model;
}
