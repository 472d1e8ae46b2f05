/**
 * Coverage of one user in one window: a primary persona and at least COVERAGE_MIN_BEHAVIORS
 * detected behaviors. Users without a persona get a reason an operator can read.
 */
import { PERSONAS, type PersonaEvaluation, type PersonaId } from "../core/personas";
import { detectBehaviors } from "./behaviors";
import { COVERAGE_MIN_BEHAVIORS } from "./constants";
import type { EvalWindowRecord, WindowCoverage } from "./types";

const metShare = (e: PersonaEvaluation) => (e.criteria.length ? e.criteria.filter((c) => c.met).length / e.criteria.length : 0);

/** Why a window has no primary persona: an operator's override, or the rule that came closest. */
export function noPersonaReason(persona: EvalWindowRecord["persona"]): string {
  if (!persona) return "no persona assignment stored";
  if (persona.overridden) return "an operator set no persona";
  const evals = persona.assignment?.evaluations ?? [];
  if (evals.length === 0) return "no persona rule was evaluated";
  // The closest rule: most of its criteria met; ties go to the higher priority (evaluation order).
  const closest = evals.reduce((best, e) => (metShare(e) > metShare(best) ? e : best));
  const unmet = closest.criteria.find((c) => !c.met);
  const name = PERSONAS[closest.id as PersonaId]?.name ?? closest.id;
  return `matched none of the ${evals.length} personas; closest: ${name}${unmet ? ` (${unmet.text})` : ""}`;
}

export function windowCoverage(w: EvalWindowRecord | undefined): WindowCoverage {
  if (!w || !w.signals || !w.persona) {
    return {
      primary: null, matched: [], overridden: false, behaviors: [], covered: false,
      uncovered_reason: "no results stored for this as-of date", no_persona_reason: "no results stored for this as-of date",
    };
  }
  const primary = w.persona.primary;
  const behaviors = detectBehaviors(w.signals);
  const noPersona = primary === null ? noPersonaReason(w.persona) : null;
  const reasons: string[] = [];
  if (noPersona) reasons.push(`no persona (${noPersona})`);
  if (behaviors.length < COVERAGE_MIN_BEHAVIORS) {
    const list = behaviors.length ? `: ${behaviors.join(", ")}` : "";
    reasons.push(`${behaviors.length} detected ${behaviors.length === 1 ? "behavior" : "behaviors"}${list} (${COVERAGE_MIN_BEHAVIORS} needed)`);
  }
  return {
    primary,
    matched: (w.persona.assignment?.matched ?? []).map((m) => m.id),
    overridden: w.persona.overridden,
    behaviors,
    covered: reasons.length === 0,
    uncovered_reason: reasons.length ? reasons.join("; ") : null,
    no_persona_reason: noPersona,
  };
}
