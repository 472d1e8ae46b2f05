/** Shared fixtures for lib/ai tests; not imported by production code. */
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import type { Fact } from "../core/shared/types";
import type { PhraseDraft } from "./phrase";

export const FACTS: Fact[] = [
  { key: "card.4523.utilization", label: "Visa ending in 4523 utilization", value: 0.68, unit: "ratio", display: "68%", subject: "Visa ending in 4523" },
  { key: "card.4523.balance", label: "Visa ending in 4523 balance", value: 340000, unit: "usd_cents", display: "$3,400", subject: "Visa ending in 4523" },
  { key: "card.4523.limit", label: "Visa ending in 4523 credit limit", value: 500000, unit: "usd_cents", display: "$5,000", subject: "Visa ending in 4523" },
  { key: "target.utilization", label: "Utilization to aim below", value: 0.3, unit: "ratio", display: "30%" },
  { key: "credit.interest_monthly", label: "Card interest per month", value: 8700, unit: "usd_cents", display: "$87" },
];

export const TEMPLATE =
  "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of $5,000 limit). Bringing this below 30% could improve your credit score and reduce interest charges of $87/month.";

export const EDU_DRAFT: PhraseDraft = { kind: "education", title: "How credit utilization works", rationale: TEMPLATE, facts: FACTS };

export const USAGE = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 20, text: 20, reasoning: 0 },
};

/** A mock model that answers `text` (generate) or streams it in the given chunks. */
export function mockModel(text: string | string[], modelId = "mock-model-1") {
  const chunks = Array.isArray(text) ? text : [text];
  return new MockLanguageModelV3({
    modelId,
    doGenerate: async () => ({
      content: [{ type: "text", text: chunks.join("") }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: USAGE,
      warnings: [],
    }),
    doStream: async () => ({
      stream: simulateReadableStream({
        chunks: [
          { type: "text-start" as const, id: "t" },
          ...chunks.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
          { type: "text-end" as const, id: "t" },
          { type: "finish" as const, finishReason: { unified: "stop" as const, raw: "stop" }, usage: USAGE },
        ],
      }),
    }),
  });
}

export function failingModel(message = "connect ECONNREFUSED api.openai.com") {
  return new MockLanguageModelV3({
    modelId: "mock-broken",
    doGenerate: async () => {
      throw new Error(message);
    },
    doStream: async () => {
      throw new Error(message);
    },
  });
}

/** A model text that states only FACTS' numbers. */
export const GROUNDED_TEXT =
  "Your Visa ending in 4523 is using 68% of its limit, a $3,400 balance on $5,000. Keeping it under 30% can help your credit score and trim the $87 a month in interest.";
