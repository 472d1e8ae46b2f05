/**
 * The offline chat provider: an AI SDK language model (specification v3) that answers the common
 * questions the way a tool-calling model would, deterministically. First step: it reads the last
 * user message (lib/core/chat/intents.ts) and calls the matching tool; next step: it renders the
 * grounded template (lib/core/chat/templates.ts) from the tool results in the prompt. Questions
 * without a tool get the fixed sentences. No network, no weights; streamText runs the same path
 * (tools, steps, checks) with or without OPENAI_API_KEY.
 */
import { isDataIntent, INTENT_TOOL, readQuestion } from "../../core/chat/intents";
import { CHAT_MESSAGES } from "../../core/chat/messages";
import { renderToolAnswers } from "../../core/chat/templates";
import type { AnyToolResult, ChatToolName } from "../../core/chat/types";
import { wordChunks, type LanguageModelV3 } from "../local-model";

type CallOptions = Parameters<LanguageModelV3["doGenerate"]>[0];
type GenerateResult = Awaited<ReturnType<LanguageModelV3["doGenerate"]>>;
type StreamResult = Awaited<ReturnType<LanguageModelV3["doStream"]>>;
type StreamPart = StreamResult["stream"] extends ReadableStream<infer P> ? P : never;
type Content = GenerateResult["content"][number];

export const LOCAL_CHAT_MODEL_ID = "local-chat";

const FIXED: Record<string, string> = {
  advice: CHAT_MESSAGES.REFUSAL_ADVICE,
  off_topic: CHAT_MESSAGES.REFUSAL_OFF_TOPIC,
  greeting: CHAT_MESSAGES.GREETING,
  help: CHAT_MESSAGES.HELP,
};

const textOf = (content: readonly { type: string; text?: string }[]) => content.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join("");

/** What to say next: a tool call for the question, or the text of the answer. */
export function localChatReply(options: Pick<CallOptions, "prompt" | "tools">): { toolCall: ChatToolName } | { text: string } {
  const { prompt } = options;
  let last = -1;
  for (let i = prompt.length - 1; i >= 0 && last < 0; i--) if (prompt[i].role === "user") last = i;
  if (last < 0) throw new Error(`${LOCAL_CHAT_MODEL_ID}: the prompt carries no user message`);
  const question = textOf(prompt[last].content as { type: string; text?: string }[]);
  const results: AnyToolResult[] = [];
  for (const m of prompt.slice(last + 1)) {
    if (m.role !== "tool") continue;
    for (const part of m.content) {
      if (part.type !== "tool-result" || part.output.type !== "json") continue;
      results.push({ tool: part.toolName as ChatToolName, data: part.output.value, facts: [], dates: [] } as unknown as AnyToolResult);
    }
  }
  if (results.length) return { text: renderToolAnswers(results, question) };
  const { intent } = readQuestion(question);
  const declared = new Set((options.tools ?? []).map((t) => t.name));
  if (isDataIntent(intent) && declared.has(INTENT_TOOL[intent])) return { toolCall: INTENT_TOOL[intent] };
  return { text: FIXED[intent] ?? CHAT_MESSAGES.HELP };
}

function usage(words: number) {
  return { inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: words, text: words, reasoning: 0 } };
}

let callSeq = 0;

export function createLocalChatModel(): LanguageModelV3 {
  const reply = (options: CallOptions) => {
    const r = localChatReply(options);
    if ("toolCall" in r) {
      const call: Content = { type: "tool-call", toolCallId: `local-call-${++callSeq}`, toolName: r.toolCall, input: "{}" };
      return { content: [call], finish: "tool-calls" as const, words: 0 };
    }
    return { content: [{ type: "text", text: r.text } as Content], finish: "stop" as const, words: wordChunks(r.text).length };
  };
  return {
    specificationVersion: "v3",
    provider: "spendsense-local",
    modelId: LOCAL_CHAT_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options: CallOptions): Promise<GenerateResult> {
      const r = reply(options);
      return { content: r.content, finishReason: { unified: r.finish, raw: r.finish }, usage: usage(r.words), warnings: [], response: { modelId: LOCAL_CHAT_MODEL_ID } };
    },
    async doStream(options: CallOptions): Promise<StreamResult> {
      const r = reply(options);
      const parts: StreamPart[] = [{ type: "stream-start", warnings: [] }, { type: "response-metadata", modelId: LOCAL_CHAT_MODEL_ID }];
      for (const c of r.content) {
        if (c.type === "text") {
          parts.push({ type: "text-start", id: "t0" }, ...wordChunks(c.text).map((delta): StreamPart => ({ type: "text-delta", id: "t0", delta })), { type: "text-end", id: "t0" });
        } else if (c.type === "tool-call") {
          parts.push(c);
        }
      }
      parts.push({ type: "finish", finishReason: { unified: r.finish, raw: r.finish }, usage: usage(r.words) });
      return {
        stream: new ReadableStream<StreamPart>({
          start(controller) {
            for (const p of parts) controller.enqueue(p);
            controller.close();
          },
        }),
      };
    },
  };
}
