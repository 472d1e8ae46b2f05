import type { DecisionTrace } from "../guardrails/trace";
import type { EligibilityCheck, HeldAccount } from "../guardrails/eligibility";
import type { PersonaAssignment } from "../personas/types";
import type { WindowSignals } from "../signals/types";
import type { Fact, RecommendationKind } from "../shared/types";
import type { Catalog } from "./catalog";

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

/** not_relevant: a signal tag of the item does not hold for the user, or an offer answers none of their signals (./relevance.ts). */
export type ExclusionReason = "ineligible" | "not_relevant" | "duplicate_kind" | "below_cutoff" | "guardrail_failed";

export interface Exclusion {
  item_id: string;
  kind: RecommendationKind;
  reason: ExclusionReason;
  score: number;
  /** The failed checks (eligibility, relevance or guardrails) that excluded the item. */
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
