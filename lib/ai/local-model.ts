/**
 * The offline provider: an AI SDK language model (specification v3, what `ai` 6 calls) that
 * "writes" the grounded template deterministically. It reads the ```json payload of the last user
 * message (lib/ai/prompt.ts) and returns its `template` verbatim; doStream emits the same text in
 * word chunks (each word with its trailing whitespace), so generateText and streamText run the
 * same code path with or without OPENAI_API_KEY. No network, no weights.
 */
import type { LanguageModel } from "ai";
import { parseBatchPayload, parsePayload } from "./prompt";

/** The v3 language-model interface, as `ai` 6 accepts it (taken from `ai`'s LanguageModel union). */
export type LanguageModelV3 = Extract<LanguageModel, { specificationVersion: "v3" }>;
type CallOptions = Parameters<LanguageModelV3["doGenerate"]>[0];
type GenerateResult = Awaited<ReturnType<LanguageModelV3["doGenerate"]>>;
type StreamResult = Awaited<ReturnType<LanguageModelV3["doStream"]>>;
type StreamPart = StreamResult["stream"] extends ReadableStream<infer P> ? P : never;

export const LOCAL_MODEL_ID = "local-template";
export const LOCAL_PROVIDER = "spendsense-local";

/** Splits text into word chunks that concatenate back to it exactly. */
export function wordChunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** The template carried by the prompt's last user message; throws when there is none. */
function templateFrom(options: CallOptions): string {
  for (let i = options.prompt.length - 1; i >= 0; i--) {
    const m = options.prompt[i];
    if (m.role !== "user") continue;
    const text = m.content.map((p) => (p.type === "text" ? p.text : "")).join("");
    const batch = parseBatchPayload(text);
    if (batch) return JSON.stringify({ rationales: batch.items.map((it) => ({ i: it.i, text: it.template })) });
    const payload = parsePayload(text);
    if (payload) return payload.template;
  }
  throw new Error(`${LOCAL_MODEL_ID}: the prompt carries no rationale payload (a \`\`\`json block with "template")`);
}

function usage(text: string) {
  const words = wordChunks(text).length;
  return {
    inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: words, text: words, reasoning: 0 },
  };
}

export function createLocalTemplateModel(): LanguageModelV3 {
  return {
    specificationVersion: "v3",
    provider: LOCAL_PROVIDER,
    modelId: LOCAL_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options: CallOptions): Promise<GenerateResult> {
      const text = templateFrom(options);
      return {
        content: [{ type: "text", text }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: usage(text),
        warnings: [],
        response: { modelId: LOCAL_MODEL_ID },
      };
    },
    async doStream(options: CallOptions): Promise<StreamResult> {
      const text = templateFrom(options);
      const parts: StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "response-metadata", modelId: LOCAL_MODEL_ID },
        { type: "text-start", id: "t0" },
        ...wordChunks(text).map((delta): StreamPart => ({ type: "text-delta", id: "t0", delta })),
        { type: "text-end", id: "t0" },
        { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: usage(text) },
      ];
      const stream = new ReadableStream<StreamPart>({
        start(controller) {
          for (const p of parts) controller.enqueue(p);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
