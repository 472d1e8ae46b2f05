/**
 * The builder of persona reasons: one criterion names its rule constant once, and the threshold,
 * the comparison and the trace fields follow from it.
 */
import { compare, type Comparator } from "../shared/compare";
import { PERSONA_RULES, type PersonaRuleName } from "./constants";
import type { PersonaReason } from "./types";

interface CriterionSpec {
  /** The rule constant; its value is the threshold. */
  rule: PersonaRuleName;
  /** Signal path in WindowSignals, e.g. "credit.max_utilization". */
  signal: string;
  comparator: Comparator;
  /** The user's value; null never meets a comparison. */
  value: number | boolean | null;
  /** The sentence, given whether the criterion is met. */
  text: (met: boolean) => string;
  /** When the criterion is not a plain comparison of `value` (per-card rules, vacuous truth). */
  met?: boolean;
  /** Cards the criterion is about; left out when empty. */
  accountIds?: string[];
  /** Set when an input the rule needs is missing: the criterion is "not evaluated" and not met. */
  notEvaluated?: string | null;
}

/** One evaluated criterion: `value <comparator> PERSONA_RULES[rule]` (booleans: equal), with its sentence. */
export function criterion(spec: CriterionSpec): PersonaReason {
  const threshold = PERSONA_RULES[spec.rule];
  const met = spec.notEvaluated
    ? false
    : spec.met ??
    (typeof threshold === "boolean"
      ? spec.value === threshold
      : compare(typeof spec.value === "number" ? spec.value : null, spec.comparator, threshold));
  return {
    rule: spec.rule,
    signal: spec.signal,
    value: spec.value,
    threshold,
    comparator: spec.comparator,
    met,
    text: spec.text(met),
    ...(spec.accountIds?.length ? { account_ids: spec.accountIds } : {}),
    ...(spec.notEvaluated ? { not_evaluated: spec.notEvaluated } : {}),
  };
}
