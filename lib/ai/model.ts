/**
 * The models behind rationale text and the chat. With OPENAI_API_KEY: OpenAI (OPENAI_MODEL, default
 * gpt-4o-mini) through @ai-sdk/openai, at OPENAI_BASE_URL when set. Without it: the local providers
 * (the rationale template provider, the chat provider). Either way the caller uses generateText /
 * streamText from `ai`, and the trace or chat record names the model id.
 *
 * Decision: OpenAI's chat-completions API (`provider.chat(id)`, POST {base}/chat/completions), not
 * the Responses API that `provider(id)` calls by default in @ai-sdk/openai 3. Chat completions are
 * stateless (nothing stored at OpenAI between turns), are what OpenAI-compatible gateways and
 * self-hosted servers speak, and are the protocol our tests serve locally (tests/openai-protocol).
 */
import { createOpenAI } from "@ai-sdk/openai";
import { createLocalTemplateModel, type LanguageModelV3 } from "./local-model";
import { createLocalChatModel } from "./chat/local-model";

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

export type RationaleModel = LanguageModelV3;

type Env = Record<string, string | undefined>;

/** OpenAI's chat-completions model when a key is set, else null. */
function openAiChatModel(env: Env): LanguageModelV3 | null {
  if (!env.OPENAI_API_KEY) return null;
  const provider = createOpenAI({ apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) });
  return provider.chat(env.OPENAI_MODEL || DEFAULT_OPENAI_MODEL);
}

export function getRationaleModel(env: Env = process.env): RationaleModel {
  return openAiChatModel(env) ?? createLocalTemplateModel();
}

/** The model behind "Ask SpendSense": the same OpenAI model, or the local chat provider. */
export function getChatModel(env: Env = process.env): LanguageModelV3 {
  return openAiChatModel(env) ?? createLocalChatModel();
}

