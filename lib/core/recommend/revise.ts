import { runGuardrails } from "../guardrails/run";
import type { Generator } from "../guardrails/trace";
import type { RecommendationDraft } from "./types";

/**
 * Replaces a draft's rationale (e.g. with a model's rewrite), records who wrote it and when, and
 * re-runs the guardrails. Check `trace.guardrails.passed` before showing the result. The facts are
 * unchanged: a rewrite may only state numbers they contain.
 */
export function reviseRationale(
  draft: RecommendationDraft,
  revision: { rationale: string; generator: Generator; generated_at: string },
): RecommendationDraft {
  const next: RecommendationDraft = {
    ...draft,
    rationale: revision.rationale,
    trace: { ...draft.trace, generator: revision.generator, generated_at: revision.generated_at },
  };
  const g = runGuardrails(next);
  return { ...next, trace: { ...next.trace, guardrails: g } };
}
