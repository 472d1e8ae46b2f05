/**
 * phraseRationale: asks the rationale model (OpenAI or the local template provider, through the AI
 * SDK) to word a draft's rationale, then checks the text before anyone sees it (lib/ai/checks.ts).
 * Any failed check, or any model error, falls back to the template rationale with the reason.
 * The disclosure is never model-written: DISCLOSURE is returned beside the text, verbatim.
 */
import { generateText, type LanguageModel } from "ai";
import { DISCLOSURE } from "../core/guardrails/constants";
import { reviseRationale } from "../core/recommend/revise";
import type { Generator } from "../core/guardrails/trace";
import { OFFER_RANKING_NOTE } from "../core/recommend/templates";
import type { RecommendationDraft } from "../core/recommend/types";
import { getCatalog } from "../content";
import { AI_CHECKS, catalogProductNames, checkModelText, failureReason, type AiCheck, type ProductName } from "./checks";
import { getRationaleModel } from "./model";
import { batchSystemPrompt, batchUserPrompt, buildRationalePrompt, parseBatchAnswer, rationalePayload } from "./prompt";

/** Any AI SDK model object (v4, or v3 for older providers/mocks); not a gateway id string. */
export type ModelObject = Exclude<LanguageModel, string>;

export type PhraseDraft = Pick<RecommendationDraft, "kind" | "title" | "rationale" | "facts">;

export interface PhraseOptions {
  draft: PhraseDraft;
  /** Product titles the text may name; the draft's own title is always allowed. */
  eligibleTitles: readonly string[];
  /** Defaults to getRationaleModel(). */
  model?: ModelObject;
  /** AI SDK retries; default 0 (fail fast, fall back). */
  maxRetries?: number;
  /** Known product names; defaults to every offer title and partner of lib/content's catalog. */
  products?: readonly ProductName[];
  abortSignal?: AbortSignal;
}

export interface PhraseResult {
  /** The text to show: the model's when every check passed, else the template rationale. */
  text: string;
  /** For the trace: the model id whose text is used, or "template". */
  generator: Generator;
  /** The model that was asked (also when it fell back). */
  model_id: string;
  /** Every output check on the model's text (empty when the model call failed). */
  checks: AiCheck[];
  fell_back: boolean;
  /** Why it fell back: "UNGROUNDED_NUMBER: 12%; TONE: irresponsible" or "MODEL_ERROR: …". */
  reason?: string;
  /** Always DISCLOSURE, verbatim; shown after the text. */
  disclosure: string;
}

let defaultProducts: ProductName[] | null = null;
export function catalogProducts(): ProductName[] {
  return (defaultProducts ??= catalogProductNames(getCatalog()));
}

/** Removes an exact copy of our disclosure (we append it ourselves) and trims. */
export function stripDisclosure(text: string): string {
  return text.split(DISCLOSURE).join(" ").replace(/[ \t]{2,}/g, " ").trim();
}

/** Offers always close with the ranking note; added when a model left it out. */
export function withRankingNote(kind: PhraseDraft["kind"], text: string): string {
  if (kind !== "offer" || text.length === 0 || text.includes(OFFER_RANKING_NOTE)) return text;
  return `${text} ${OFFER_RANKING_NOTE}`;
}

export function errorReason(err: unknown): string {
  const e = err as { name?: string; message?: string } | null;
  const msg = (e?.message ?? String(err)).replace(/\s+/g, " ").slice(0, 200);
  return `${AI_CHECKS.MODEL_ERROR}: ${e?.name ? `${e.name}: ` : ""}${msg}`;
}

/** Runs the checks on a model's finished text and decides: use it, or fall back to the template. */
export function decide(
  draft: PhraseDraft,
  modelText: string,
  modelId: string,
  eligibleTitles: readonly string[],
  products: readonly ProductName[],
): PhraseResult {
  const text = withRankingNote(draft.kind, stripDisclosure(modelText));
  const checks = checkModelText({ text, facts: draft.facts, eligibleTitles: [draft.title, ...eligibleTitles], products });
  if (checks.every((c) => c.passed)) return { text, generator: modelId, model_id: modelId, checks, fell_back: false, disclosure: DISCLOSURE };
  return { text: draft.rationale, generator: "template", model_id: modelId, checks, fell_back: true, reason: failureReason(checks), disclosure: DISCLOSURE };
}

export async function phraseRationale(opts: PhraseOptions): Promise<PhraseResult> {
  const { draft } = opts;
  const products = opts.products ?? catalogProducts();
  let model: ModelObject;
  try {
    model = opts.model ?? getRationaleModel();
  } catch (err) {
    return { text: draft.rationale, generator: "template", model_id: "unknown", checks: [], fell_back: true, reason: errorReason(err), disclosure: DISCLOSURE };
  }
  const { instructions, prompt } = buildRationalePrompt(draft);
  try {
    const r = await generateText({ model, system: instructions, prompt, maxRetries: opts.maxRetries ?? 0, abortSignal: opts.abortSignal });
    return decide(draft, r.text, model.modelId, opts.eligibleTitles, products);
  } catch (err) {
    return { text: draft.rationale, generator: "template", model_id: model.modelId, checks: [], fell_back: true, reason: errorReason(err), disclosure: DISCLOSURE };
  }
}

/**
 * One model call for many drafts (the pipeline's path: one call per user, whatever the model).
 * Each text is checked on its own exactly as in phraseRationale; a missing or failing text falls
 * back to that draft's template.
 */
export async function phraseBatch(opts: Omit<PhraseOptions, "draft"> & { drafts: readonly PhraseDraft[] }): Promise<PhraseResult[]> {
  const { drafts } = opts;
  if (drafts.length === 0) return [];
  const products = opts.products ?? catalogProducts();
  const fallback = (d: PhraseDraft, modelId: string, reason: string): PhraseResult => ({
    text: d.rationale, generator: "template", model_id: modelId, checks: [], fell_back: true, reason, disclosure: DISCLOSURE,
  });
  let model: ModelObject;
  try {
    model = opts.model ?? getRationaleModel();
  } catch (err) {
    return drafts.map((d) => fallback(d, "unknown", errorReason(err)));
  }
  const payload = { items: drafts.map((d, i) => ({ i, ...rationalePayload(d) })) };
  try {
    const r = await generateText({ model, system: batchSystemPrompt(), prompt: batchUserPrompt(payload), maxRetries: opts.maxRetries ?? 0, abortSignal: opts.abortSignal });
    const texts = parseBatchAnswer(r.text);
    return drafts.map((d, i) => {
      const t = texts.get(i);
      return t === undefined ? fallback(d, model.modelId, `${AI_CHECKS.EMPTY_OUTPUT}: no text for item ${i}`) : decide(d, t, model.modelId, opts.eligibleTitles, products);
    });
  } catch (err) {
    return drafts.map((d) => fallback(d, model.modelId, errorReason(err)));
  }
}

/**
 * For the pipeline: puts a phrasing result on a draft. A used model text goes through
 * reviseRationale (the core guardrails run again, generator = model id); if those fail too, or
 * the phrasing fell back, the draft keeps its template text. Either way the trace notes say what
 * happened: "AI_PHRASED: <model>" or "AI_FALLBACK: <reason>".
 */
export function applyPhrasing(draft: RecommendationDraft, result: PhraseResult, generatedAt: string): RecommendationDraft {
  const note = (d: RecommendationDraft, n: string): RecommendationDraft => ({ ...d, trace: { ...d.trace, notes: [...d.trace.notes, n] } });
  if (result.fell_back) return note(draft, `AI_FALLBACK: ${result.model_id}: ${result.reason ?? ""}`);
  const revised = reviseRationale(draft, { rationale: result.text, generator: result.generator, generated_at: generatedAt });
  if (revised.trace.guardrails?.passed) return note(revised, `AI_PHRASED: ${result.generator}`);
  return note(draft, `AI_FALLBACK: ${result.model_id}: GUARDRAILS: ${revised.trace.guardrails?.reasons.join("; ") ?? "not run"}`);
}
