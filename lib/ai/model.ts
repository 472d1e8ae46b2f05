/**
 * The one model behind rationale text. With OPENAI_API_KEY: OpenAI (OPENAI_MODEL, default
 * gpt-4o-mini) through @ai-sdk/openai. Without it: the local template provider. Either way the
 * caller uses generateText/streamText from `ai`, and the trace records the model id.
 */
import { createOpenAI } from "@ai-sdk/openai";
import { createLocalTemplateModel, type LanguageModelV3 } from "./local-model";

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

export type RationaleModel = LanguageModelV3;

export function getRationaleModel(env: Record<string, string | undefined> = process.env): RationaleModel {
  if (env.OPENAI_API_KEY) {
    // The same as `openai(id)` from @ai-sdk/openai, with the key (and optional base URL) taken from `env`.
    const provider = createOpenAI({ apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) });
    return provider(env.OPENAI_MODEL || DEFAULT_OPENAI_MODEL);
  }
  return createLocalTemplateModel();
}

