/**
 * The decision trace stored with every recommendation: what was read, which rules fired, why
 * this item, which checks it passed, who wrote the text and when. Plain JSON.
 */
import type { PersonaId } from "../personas/constants";
import type { PersonaAssignment, PersonaMatch } from "../personas/types";
import type { WindowId } from "../signals/types";
import type { Fact, RecommendationKind, ScoreBreakdown } from "../shared/types";
import type { ConsentDecision } from "./consent";
import type { EligibilityResult } from "./eligibility";
import type { GuardrailResult } from "./run";

export type TraceValue = number | boolean | string | null;

export interface TraceSignal {
  /** Signal path in WindowSignals, e.g. "credit.max_utilization". */
  name: string;
  value: TraceValue;
}

export interface TraceRule {
  /** Constant name, e.g. "HIGH_UTILIZATION_CARD_UTILIZATION_MIN". */
  name: string;
  value: TraceValue | string[];
}

/** "template" when the rationale came from our templates, else the model id that wrote it. */
export type Generator = "template" | (string & {});

export interface DecisionTrace {
  version: 1;
  user_id: string;
  window: WindowId;
  as_of: string;
  generated_at: string;
  generator: Generator;
  item: { id: string; kind: RecommendationKind; title: string };
  signals: TraceSignal[];
  persona: {
    primary: PersonaId | null;
    matched: PersonaMatch[];
    /** The persona tag of the item that earned its persona weight ("general" for general items). */
    item_persona: string | null;
  };
  /** Why this item: score components. */
  score: ScoreBreakdown;
  /** Signal tags whose templates wrote the rationale. */
  rationale_tags: string[];
  facts: Fact[];
  eligibility: EligibilityResult | null;
  guardrails: GuardrailResult | null;
  consent: ConsentDecision | null;
  rules: TraceRule[];
  notes: string[];
}

export interface BuildTraceArgs {
  user_id: string;
  window: WindowId;
  as_of: string;
  generated_at: string;
  generator: Generator;
  item: { id: string; kind: RecommendationKind; title: string };
  personas: PersonaAssignment;
  item_persona: string | null;
  score: ScoreBreakdown;
  /** Signals read to pick and word this item (tags, eligibility); persona signals are added. */
  signals?: TraceSignal[];
  rationale_tags?: string[];
  facts?: Fact[];
  eligibility?: EligibilityResult | null;
  guardrails?: GuardrailResult | null;
  consent?: ConsentDecision | null;
  /** Rule constants beyond the persona rules (scoring weights, tag rules, eligibility requirements). */
  rules?: TraceRule[];
  notes?: string[];
}

function dedupe<T extends { name: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.name) ? false : (seen.add(x.name), true)));
}

export function buildTrace(a: BuildTraceArgs): DecisionTrace {
  // Persona signals and rule thresholds from every evaluated criterion of the matched personas
  // (the full evaluation of all five lives on the PersonaAssignment).
  const personaReasons = a.personas.matched.flatMap((m) => m.reasons);
  const primaryEval = a.personas.evaluations.find((e) => e.id === a.personas.primary);
  const evaluated = [...personaReasons, ...(primaryEval?.criteria ?? [])];
  const signals = dedupe<TraceSignal>([
    ...evaluated.map((r) => ({ name: r.signal, value: r.value })),
    ...(a.signals ?? []),
  ]);
  const rules = dedupe<TraceRule>([
    ...evaluated.map((r) => ({ name: r.rule, value: r.threshold })),
    ...(a.rules ?? []),
  ]);
  return {
    version: 1,
    user_id: a.user_id,
    window: a.window,
    as_of: a.as_of,
    generated_at: a.generated_at,
    generator: a.generator,
    item: a.item,
    signals,
    persona: { primary: a.personas.primary, matched: a.personas.matched, item_persona: a.item_persona },
    score: a.score,
    rationale_tags: a.rationale_tags ?? [],
    facts: a.facts ?? [],
    eligibility: a.eligibility ?? null,
    guardrails: a.guardrails ?? null,
    consent: a.consent ?? null,
    rules,
    notes: a.notes ?? [],
  };
}
