/**
 * Explainability and auditability of one stored recommendation, read from its decision trace.
 * - Explainable: the rationale states at least one of the user's own numbers, and that number is a
 *   fact of the trace (goals we cite, like "below 30%", and the window's length are not the user's).
 * - Auditable: the trace is complete: every guardrail ran and passed, every number the text states
 *   is one of its facts, the generator is named (and agrees with the stored row), offers carry their
 *   eligibility result, and the persona and score that chose the item are there, with the signals
 *   they read (a general item for a user with no persona reads none).
 */
import { checkGrounding, GUARDRAIL_RULES as R, numberTokens } from "../core/guardrails";
import type { Fact } from "../core/shared/types";
import { NON_USER_FACT_PREFIXES } from "./constants";
import type { EvalRecommendation } from "./types";

const isUserFact = (f: Fact) => !NON_USER_FACT_PREFIXES.some((p) => f.key.startsWith(p));

/** Guardrail checks every shown recommendation must have passed (offers add OFFER_ELIGIBLE). */
export const REQUIRED_GUARDRAILS = [R.NON_EMPTY_RATIONALE, R.TONE, R.NO_ADVICE_LANGUAGE, R.DISCLOSURE, R.GROUNDED_NUMBERS] as const;

/**
 * The user's facts the rationale cites: a number of the text that is a user fact's number. A number
 * that is also one of our goals or the window's length ("3 months", "30 days") does not count.
 */
export function citedUserFacts(r: Pick<EvalRecommendation, "rationale" | "trace">): string[] {
  if (!r.trace) return [];
  const inText = new Set(numberTokens(r.rationale));
  const ours = new Set(r.trace.facts.filter((f) => !isUserFact(f)).flatMap((f) => numberTokens(f.display)));
  return r.trace.facts
    .filter((f) => isUserFact(f) && numberTokens(f.display).some((t) => inText.has(t) && !ours.has(t)))
    .map((f) => f.key);
}

/** What a recommendation's trace lacks (empty = complete). */
export function auditGaps(r: EvalRecommendation, userId: string): string[] {
  const t = r.trace;
  if (!t) return ["decision trace"];
  const gaps: string[] = [];
  if (t.user_id !== userId || t.item?.id !== r.itemId || t.window !== r.window) gaps.push("identity (user, item or window differs from the row)");
  if (!t.generator) gaps.push("generator");
  else if (t.generator !== r.generator) gaps.push(`generator (trace "${t.generator}", row "${r.generator}")`);
  if (!t.generated_at) gaps.push("generated_at");
  // Signals are due when something read them: a persona, or signal tags that chose or worded the item.
  const readSignals = t.persona?.primary != null || (t.score?.signal_matches?.length ?? 0) > 0 || (t.rationale_tags?.length ?? 0) > 0;
  if (readSignals && !t.signals?.length) gaps.push("signals");
  if (!t.persona) gaps.push("persona");
  if (!t.score) gaps.push("score");
  const required: string[] = [...REQUIRED_GUARDRAILS, ...(r.kind === "offer" ? [R.OFFER_ELIGIBLE] : [])];
  if (!t.guardrails) gaps.push("guardrail results");
  else {
    for (const rule of required) {
      const c = t.guardrails.checks.find((x) => x.rule === rule);
      if (!c) gaps.push(`guardrail ${rule}`);
      else if (!c.passed) gaps.push(`guardrail ${rule} failed`);
    }
  }
  const grounding = checkGrounding(r.rationale, t.facts ?? []);
  if (!grounding.ok) gaps.push(`facts for ${grounding.ungrounded.join(", ")}`);
  if (r.kind === "offer" && !t.eligibility?.eligible) gaps.push(t.eligibility ? "eligibility (not eligible)" : "eligibility result");
  return gaps;
}
