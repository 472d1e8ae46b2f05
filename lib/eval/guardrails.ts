/**
 * Guardrail counts of one user and window: template drafts the guardrails rejected and offers left
 * out for eligibility (from the timed re-run's exclusions: the pipeline stores only what it shows),
 * and model texts that fell back to the template, with why (from the stored traces' notes).
 */
import { GUARDRAIL_RULES as R } from "../core/guardrails";
import type { Exclusion } from "../core/recommend";
import type { EvalRecommendation, GuardrailCounts } from "./types";

const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (m[k] ?? 0) + by;
};

/** Trace note prefixes written by lib/ai/phrase.ts applyPhrasing. */
export const FALLBACK_NOTE = "AI_FALLBACK: ";
export const PHRASED_NOTE = "AI_PHRASED: ";

/**
 * The check names in a fallback note, e.g. "AI_FALLBACK: gpt-4o-mini: UNGROUNDED_NUMBER: 12%; TONE: lazy"
 * → [UNGROUNDED_NUMBER, TONE]; "…: GUARDRAILS: TONE: …" → [GUARDRAILS, TONE]. Each name once.
 */
export function fallbackReasons(note: string): string[] {
  const body = note.slice(FALLBACK_NOTE.length);
  const names = [...body.matchAll(/(?:^|[\s;:])([A-Z][A-Z_]{2,}):/g)].map((m) => m[1]);
  return [...new Set(names)];
}

export function emptyGuardrailCounts(): GuardrailCounts {
  return { drafts_rejected: {}, ineligible_by_rule: {}, ineligible_offers: 0, predatory_refused: 0, fallbacks_by_reason: {}, model_fallbacks: 0, model_texts_used: 0 };
}

export function guardrailCounts(recs: readonly EvalRecommendation[], excluded: readonly Exclusion[]): GuardrailCounts {
  const g = emptyGuardrailCounts();
  for (const x of excluded) {
    if (x.reason === "guardrail_failed") for (const c of x.failed_checks) bump(g.drafts_rejected, c.rule);
    if (x.reason !== "ineligible") continue;
    g.ineligible_offers++;
    for (const c of x.failed_checks) bump(g.ineligible_by_rule, c.rule);
    if (x.failed_checks.some((c) => c.rule === R.NOT_PREDATORY)) g.predatory_refused++;
  }
  for (const r of recs) {
    for (const n of r.trace?.notes ?? []) {
      if (n.startsWith(PHRASED_NOTE)) g.model_texts_used++;
      if (!n.startsWith(FALLBACK_NOTE)) continue;
      g.model_fallbacks++;
      for (const reason of fallbackReasons(n)) bump(g.fallbacks_by_reason, reason);
    }
  }
  return g;
}

/** Sums counts (users, windows). */
export function addGuardrailCounts(a: GuardrailCounts, b: GuardrailCounts): GuardrailCounts {
  const out = emptyGuardrailCounts();
  for (const src of [a, b]) {
    for (const [k, v] of Object.entries(src.drafts_rejected)) bump(out.drafts_rejected, k, v);
    for (const [k, v] of Object.entries(src.ineligible_by_rule)) bump(out.ineligible_by_rule, k, v);
    for (const [k, v] of Object.entries(src.fallbacks_by_reason)) bump(out.fallbacks_by_reason, k, v);
    out.ineligible_offers += src.ineligible_offers;
    out.predatory_refused += src.predatory_refused;
    out.model_fallbacks += src.model_fallbacks;
    out.model_texts_used += src.model_texts_used;
  }
  return out;
}
