/**
 * The rationale prompt. docs/ai.md quotes these strings verbatim; change both together.
 * The user message carries one ```json block (RationalePayload): the local provider reads the
 * template from it, a real model reads the facts and the template from it.
 */
import { OFFER_RANKING_NOTE } from "../core/recommend/templates";
import type { Fact, RecommendationKind } from "../core/shared/types";

export interface RationalePayload {
  kind: RecommendationKind;
  title: string;
  /** The only numbers the text may state, as they read in a sentence (no raw values). */
  facts: { key: string; label: string; display: string; subject?: string }[];
  /** The grounded template rationale (the draft's own text): correct, and the fallback. */
  template: string;
}

export interface RationalePrompt {
  instructions: string;
  prompt: string;
  payload: RationalePayload;
}

const KIND_NAME: Record<RecommendationKind, string> = { education: "an educational article", offer: "a partner offer" };

export function systemPrompt(kind: RecommendationKind, title: string): string {
  const lines = [
    `You write the short explanation shown to a bank customer next to ${KIND_NAME[kind]} titled "${title}": why it was picked for them.`,
    "Rules:",
    "- Plain, kind, non-judgmental words. Describe the situation, never the person. No blame, no shame.",
    "- This is education, not financial advice: do not tell the customer what they must do, do not promise outcomes, do not recommend investments.",
    '- Use only the numbers in "facts", written exactly as their "display". Do not calculate, round, convert or add any other number or date.',
    "- At most 2 sentences.",
    `- Mention no product, company, brand or offer other than "${title}".`,
    "- Do not add a disclaimer: we add our own.",
  ];
  if (kind === "offer") lines.push(`- After your sentences, end with this sentence exactly: "${OFFER_RANKING_NOTE}"`);
  lines.push('Answer with the explanation text only. "template" is a correct explanation: rephrase it, or return it as it is.');
  return lines.join("\n");
}

export function userPrompt(payload: RationalePayload): string {
  return ["Write the explanation from these facts and this template.", "```json", JSON.stringify(payload, null, 2), "```"].join("\n");
}

export function rationalePayload(draft: { kind: RecommendationKind; title: string; rationale: string; facts: readonly Fact[] }): RationalePayload {
  return {
    kind: draft.kind,
    title: draft.title,
    facts: draft.facts.map((f) => ({ key: f.key, label: f.label, display: f.display, ...(f.subject ? { subject: f.subject } : {}) })),
    template: draft.rationale,
  };
}

export function buildRationalePrompt(draft: { kind: RecommendationKind; title: string; rationale: string; facts: readonly Fact[] }): RationalePrompt {
  const payload = rationalePayload(draft);
  return { instructions: systemPrompt(draft.kind, draft.title), prompt: userPrompt(payload), payload };
}

const PAYLOAD_RE = /```json\n([\s\S]*?)\n```/;

/** The payload of a user message built by userPrompt, or null. */
export function parsePayload(text: string): RationalePayload | null {
  const m = PAYLOAD_RE.exec(text);
  if (!m) return null;
  try {
    const v = JSON.parse(m[1]) as Partial<RationalePayload>;
    return typeof v.template === "string" ? (v as RationalePayload) : null;
  } catch {
    return null;
  }
}

/**
 * Batch mode: one call phrases every recommendation of a user (the pipeline's path). The user
 * message carries { items: [{ i, kind, title, facts, template }] }; the answer is JSON
 * { "rationales": [{ "i": 0, "text": "…" }, …] }. Each text is then checked on its own.
 */
export interface BatchPayload {
  items: (RationalePayload & { i: number })[];
}

export function batchSystemPrompt(): string {
  return [
    "You write the short explanations shown to a bank customer next to educational articles and partner offers picked for them: why each was picked.",
    "Rules, for every item:",
    "- Plain, kind, non-judgmental words. Describe the situation, never the person. No blame, no shame.",
    "- This is education, not financial advice: do not tell the customer what they must do, do not promise outcomes, do not recommend investments.",
    '- Use only the numbers in the item\'s "facts", written exactly as their "display". Do not calculate, round, convert or add any other number or date.',
    "- At most 2 sentences.",
    '- Mention no product, company, brand or offer other than the item\'s own "title".',
    "- Do not add a disclaimer: we add our own.",
    `- For items of kind "offer", end with this sentence exactly: "${OFFER_RANKING_NOTE}"`,
    'Each item\'s "template" is a correct explanation: rephrase it, or return it as it is.',
    'Answer with JSON only: {"rationales":[{"i":<the item\'s i>,"text":"<explanation>"}]}, one entry per item.',
  ].join("\n");
}

export function batchUserPrompt(payload: BatchPayload): string {
  return ["Write the explanations from these items.", "```json", JSON.stringify(payload), "```"].join("\n");
}

export function parseBatchPayload(text: string): BatchPayload | null {
  const m = PAYLOAD_RE.exec(text);
  if (!m) return null;
  try {
    const v = JSON.parse(m[1]) as Partial<BatchPayload>;
    return Array.isArray(v.items) ? (v as BatchPayload) : null;
  } catch {
    return null;
  }
}

/** The texts of a batch answer by item index; tolerant of prose or code fences around the JSON. */
export function parseBatchAnswer(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return out;
  try {
    const v = JSON.parse(text.slice(start, end + 1)) as { rationales?: { i?: unknown; text?: unknown }[] };
    for (const r of v.rationales ?? []) if (typeof r.i === "number" && typeof r.text === "string") out.set(r.i, r.text);
  } catch {
    /* unparseable: every item falls back */
  }
  return out;
}
