import type { DecisionTrace } from "../guardrails/trace";
import type { EligibilityCheck } from "../guardrails/eligibility";
import type { PersonaAssignment } from "../personas/types";
import type { WindowSignals } from "../signals/types";
import type { Catalog } from "./catalog";

export type FactUnit = "usd_cents" | "ratio" | "days" | "count" | "months";

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

export interface HeldAccount {
  account_id: string;
  type: string;
  subtype: string | null;
}

export interface RecommendInput {
  user_id: string;
  window: WindowSignals;
  /** assignPersonas(window): must be for the same window. */
  personas: PersonaAssignment;
  /** What the user holds (drives "already holds" exclusions). */
  accounts: HeldAccount[];
  catalog: Catalog;
  /** Timestamp written into traces ("when"); defaults to the window's as-of date. Never read from a clock. */
  now?: string;
}

export type RecommendationKind = "education" | "offer";

export interface RecommendationDraft {
  item_id: string;
  kind: RecommendationKind;
  title: string;
  /** 1-based rank within its kind (education 1..5, offers 1..3). */
  rank: number;
  rationale: string;
  disclosure: string;
  facts: Fact[];
  trace: DecisionTrace;
}

export interface ScoreBreakdown {
  /** Which persona tag of the item earned the persona weight ("general" for general items). */
  persona_tag: string | null;
  /** The constant that set the persona weight. */
  persona_rule: "PRIMARY_PERSONA_WEIGHT" | "SECONDARY_PERSONA_WEIGHT" | "GENERAL_ITEM_WEIGHT" | null;
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

export type ExclusionReason = "ineligible" | "duplicate_kind" | "below_cutoff" | "guardrail_failed";

export interface Exclusion {
  item_id: string;
  kind: RecommendationKind;
  reason: ExclusionReason;
  score: number;
  /** The failed checks (eligibility or guardrails) that excluded the item. */
  failed_checks: EligibilityCheck[];
}

export interface RecommendationResult {
  user_id: string;
  window: WindowSignals["window"];
  as_of: string;
  generated_at: string;
  drafts: RecommendationDraft[];
  /** Candidates considered but not shown, with why. */
  excluded: Exclusion[];
  /** Run-level notes, e.g. NO_ELIGIBLE_OFFER ("no eligible offer"); also copied into every trace. */
  notes: string[];
  active_signal_tags: string[];
}
