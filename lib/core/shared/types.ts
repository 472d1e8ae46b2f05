/**
 * Types that cross stages: the numbers a sentence may state (facts, written by recommend, checked
 * by the guardrails and the AI output checks), the kind of an item and its score breakdown (made
 * by recommend, recorded in the decision trace). They live here so no stage imports a later one.
 */

export type RecommendationKind = "education" | "offer";

type FactUnit = "usd_cents" | "ratio" | "days" | "count" | "months";

/**
 * One number a rationale may state. The facts of a draft are the ground truth for every number
 * in its text (checked by the grounding guardrail and, later, the AI output checks).
 */
export interface Fact {
  /** e.g. "card.4523.utilization"; card keys carry the card's mask. */
  key: string;
  label: string;
  value: number;
  unit: FactUnit;
  /** How the value reads in a sentence: "68%", "$3,400", "0.4 months", "3 subscriptions". */
  display: string;
  /** What the fact is about, when it is a specific thing: "Visa ending in 4523". */
  subject?: string;
}

/** The constant that set an item's persona weight (see lib/core/recommend/constants.ts). */
export type PersonaWeightRule = "PRIMARY_PERSONA_WEIGHT" | "SECONDARY_PERSONA_WEIGHT" | "GENERAL_ITEM_WEIGHT";

export interface ScoreBreakdown {
  /** Which persona tag of the item earned the persona weight ("general" for general items). */
  persona_tag: string | null;
  /** The constant that set the persona weight. */
  persona_rule: PersonaWeightRule | null;
  persona_weight: number;
  /** The item's signal tags that are notable for this user. */
  signal_matches: string[];
  signal_weight_each: number;
  signal_weight: number;
  total: number;
  tie_break: "item_id ascending";
  /** Ranking never reads partner_payout_cents. */
  payout_considered: false;
}
