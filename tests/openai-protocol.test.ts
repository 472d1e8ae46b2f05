/**
 * The OpenAI path on the real protocol: @ai-sdk/openai's provider code (chat completions) talks to
 * a local server that speaks OpenAI's chat-completions protocol (tests/helpers/openai-server.ts),
 * found through OPENAI_BASE_URL. Rationales (generateText and the streamed explanations) and the
 * chat (streamed, with tool calls) send well-formed requests; a tool call round-trips; a made-up
 * number in the server's answer is caught and replaced; a 429 or 500 falls back cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISCLOSURE } from "@/lib/core/guardrails/constants";
import { renderToolAnswers } from "@/lib/core/chat/templates";
import { subscriptionsResult } from "@/lib/core/chat/tools";
import { richWindow } from "@/lib/core/chat/testkit";
import { getChatModel, getRationaleModel } from "@/lib/ai/model";
import { phraseRationale } from "@/lib/ai/phrase";
import { systemPrompt } from "@/lib/ai/prompt";
import { explanationEvents, type StreamEvent } from "@/lib/ai/stream";
import { chatAnswerEvents } from "@/lib/ai/chat/answer";
import { chatSystemPrompt } from "@/lib/ai/chat/prompt";
import { TOOL_DESCRIPTIONS } from "@/lib/ai/chat/tools";
import { collect, fakeSource } from "@/lib/ai/chat/test-helpers";
import { EDU_DRAFT, FACTS, GROUNDED_TEXT, TEMPLATE } from "@/lib/ai/test-helpers";
import { startFakeOpenAI, type FakeOpenAI } from "./helpers/openai-server";

let server: FakeOpenAI;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startFakeOpenAI();
  env = { OPENAI_API_KEY: "sk-test-local", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "gpt-4o-mini" };
});
afterAll(() => server.close());

const SUBS_TEMPLATE = renderToolAnswers([subscriptionsResult(richWindow())], "");

describe("rationales through @ai-sdk/openai on the chat-completions protocol", () => {
  it("sends a well-formed request and uses a grounded answer", async () => {
    server.script([{ kind: "text", text: GROUNDED_TEXT }]);
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: getRationaleModel(env) });
    expect(r).toMatchObject({ text: GROUNDED_TEXT, generator: "gpt-4o-mini", fell_back: false });
    expect(server.seen).toHaveLength(1);
    const [req] = server.seen;
    expect(req.problems).toEqual([]);
    expect(req.headers.authorization).toBe("Bearer sk-test-local");
    expect(req.body.model).toBe("gpt-4o-mini");
    expect(req.body.messages[0]).toEqual({ role: "system", content: systemPrompt("education", EDU_DRAFT.title) });
    expect(req.body.messages[1].role).toBe("user");
    expect(JSON.stringify(req.body.messages[1].content)).toContain("```json");
  });

  it("replaces a made-up number with the template", async () => {
    server.script([{ kind: "text", text: "Your card is at 68%, and cards like it usually carry a 29.99% APR." }]);
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: getRationaleModel(env) });
    expect(r).toMatchObject({ text: TEMPLATE, generator: "template", fell_back: true, reason: "UNGROUNDED_NUMBER: 29.99%" });
  });

  it.each([
    [429, "Rate limit reached for gpt-4o-mini"],
    [500, "The server had an error while processing your request"],
  ])("falls back cleanly on a %i", async (status, message) => {
    server.script([{ kind: "status", status, message }]);
    const r = await phraseRationale({ draft: EDU_DRAFT, eligibleTitles: [], model: getRationaleModel(env) });
    expect(r).toMatchObject({ text: TEMPLATE, generator: "template", fell_back: true });
    expect(r.reason).toMatch(new RegExp(`^MODEL_ERROR: AI_APICallError: ${message}`));
    expect(server.seen).toHaveLength(1); // maxRetries 0: no retry storm
  });

  it("streams an explanation over server-sent events, checked a sentence at a time", async () => {
    server.script([{ kind: "text", text: GROUNDED_TEXT, chunks: 9 }]);
    const evs: StreamEvent[] = [];
    const rec = { id: "r1", itemId: "edu-credit-utilization-101", kind: "education" as const, title: EDU_DRAFT.title, rationale: TEMPLATE, facts: FACTS };
    for await (const e of explanationEvents([rec], { model: getRationaleModel(env) })) evs.push(e);
    expect(server.seen[0].body.stream).toBe(true);
    expect(server.seen[0].problems).toEqual([]);
    expect(evs.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("")).toBe(GROUNDED_TEXT);
    expect(evs).toContainEqual({ type: "checked", id: "r1", generator: "gpt-4o-mini", fell_back: false });
  });
});

describe("the chat through @ai-sdk/openai: streamed, with tool calls", () => {
  it("declares the tools, round-trips a tool call, and shows the grounded answer", async () => {
    const text = "You have 3 subscriptions, $65.98 a month together. Netflix is $15.99 and renews on July 10. ";
    server.script([{ kind: "tool_calls", calls: [{ name: "get_subscriptions", arguments: '{"user_id":"u_other"}' }] }, { kind: "text", text, chunks: 7 }]);
    const source = fakeSource();
    const { text: shown, turn, events } = await collect(chatAnswerEvents({ question: "What do I spend on subscriptions?", source, model: getChatModel(env) }));
    expect(turn).toMatchObject({ outcome: "answer", modelId: "gpt-4o-mini", tools: ["get_subscriptions"], reason: null, disclosure: true });
    expect(shown).toBe(text);
    expect(events).toContainEqual({ type: "disclosure", text: DISCLOSURE });

    expect(server.seen).toHaveLength(2);
    for (const r of server.seen) expect(r.problems).toEqual([]);
    const [first, second] = server.seen.map((r) => r.body);
    expect(first.stream).toBe(true);
    expect(first.messages).toEqual([
      { role: "system", content: chatSystemPrompt() },
      { role: "user", content: "What do I spend on subscriptions?" },
    ]);
    expect(first.tools.map((t: any) => t.function.name).sort()).toEqual(Object.keys(TOOL_DESCRIPTIONS).sort());
    for (const t of first.tools) {
      expect(t.function.description).toBe(TOOL_DESCRIPTIONS[t.function.name as keyof typeof TOOL_DESCRIPTIONS]);
      expect(t.function.parameters).toMatchObject({ type: "object", properties: {} });
    }
    // The tool's result goes back as a `tool` message answering the call; the data is the session's.
    const call = second.messages.find((m: any) => m.role === "assistant").tool_calls[0];
    expect(call).toMatchObject({ type: "function", function: { name: "get_subscriptions" } });
    const result = second.messages.find((m: any) => m.role === "tool");
    expect(result.tool_call_id).toBe(call.id);
    expect(JSON.parse(result.content)).toMatchObject({ subscription_count: 3, monthly_total: "$65.98" });
    expect(source.reads).toEqual(["signals"]);
  });

  it("catches a made-up number in the server's answer and replaces it with the grounded fallback", async () => {
    server.script([
      { kind: "tool_calls", calls: [{ name: "get_subscriptions", arguments: "{}" }] },
      { kind: "text", text: "You have 3 subscriptions. Dropping Netflix would save you $191.88 a year. Spotify renews on July 14." },
    ]);
    const { text, turn } = await collect(chatAnswerEvents({ question: "What do I spend on subscriptions?", source: fakeSource(), model: getChatModel(env) }));
    expect(text).not.toContain("$191.88");
    expect(text).toBe(`You have 3 subscriptions. ${SUBS_TEMPLATE}`);
    expect(turn).toMatchObject({ outcome: "fallback", reason: "UNGROUNDED_NUMBER: $191.88" });
  });

  it.each([
    [429, "Rate limit reached for gpt-4o-mini"],
    [500, "The server had an error while processing your request"],
  ])("falls back cleanly on a %i: the question's tool and its grounded template", async (status, message) => {
    server.script([{ kind: "status", status, message }]);
    const { text, turn } = await collect(chatAnswerEvents({ question: "What do I spend on subscriptions?", source: fakeSource(), model: getChatModel(env) }));
    expect(text).toBe(SUBS_TEMPLATE);
    expect(turn).toMatchObject({ outcome: "fallback", tools: ["get_subscriptions"], modelId: "gpt-4o-mini" });
    expect(turn.reason).toMatch(new RegExp(`^MODEL_ERROR: AI_APICallError: ${message}`));
    expect(server.seen).toHaveLength(1);
  });
});
