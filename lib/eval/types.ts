/**
 * The evaluation's plain data: per-user records in (what the database holds for one user and one
 * as-of date, plus the timed re-run and the generator's labels), metrics out. The metrics are pure
 * functions of these records (lib/eval/metrics.ts); the CLI, the operator page and the tests share them.
 */
import type { ConsentCode, DecisionTrace } from "../core/guardrails";
import type { PersonaAssignment } from "../core/personas/types";
import type { Exclusion } from "../core/recommend/types";
import type { WindowId, WindowSignals } from "../core/signals/types";
import type { UserLabels } from "../generator/labels";
import type { BehaviorId } from "./behaviors";
import type { StoredRecommendation } from "../core/profile-json";

export const DEMOGRAPHIC_FIELDS = ["age_band", "income_tier", "region"] as const;
export type DemographicField = (typeof DEMOGRAPHIC_FIELDS)[number];
export type Demographics = Partial<Record<DemographicField, string | null>>;

/** A stored recommendation (lib/profile.ts's shape) with its trace parsed; null when missing or not valid JSON. */
export interface EvalRecommendation extends StoredRecommendation {
  window: WindowId;
  kind: "education" | "offer";
  trace: DecisionTrace | null;
  /** The customer's verdict on the suggestion (lib/db/feedback.ts): true helpful, false not helpful; null or absent when none. */
  helpful?: boolean | null;
}

export interface EvalWindowRecord {
  signals: WindowSignals | null;
  persona: { primary: string | null; overridden: boolean; assignment: PersonaAssignment | null } | null;
  recommendations: EvalRecommendation[];
}

/** The timed re-run of the pipeline's work for one user (load, compute, phrasing; nothing written). */
export interface Rerun {
  ms: number;
  /** Candidates the recommender left out, with why (ineligible offers, failed guardrails). */
  excluded: Record<WindowId, Exclusion[]>;
}

export interface EvalUserRecord {
  user_id: string;
  consent: { granted: boolean; at: string | null };
  demographics: Demographics;
  /** Stored results for the as-of date; a window is absent when nothing is stored for it. */
  windows: Partial<Record<WindowId, EvalWindowRecord>>;
  rerun: Rerun | null;
  labels: UserLabels | null;
  /** Dates of the labelled transactions (id -> YYYY-MM-DD), for the recurring rule's 90-day spans. */
  label_dates: Record<string, string>;
}

// ------------------------------------------------------------------------------ per-user results

export interface RecommendationEval {
  id: string;
  kind: "education" | "offer";
  item_id: string;
  /** The rationale cites one of the user's own numbers that is a fact of the trace. */
  explainable: boolean;
  /** The user's own numbers the rationale cites (fact keys); empty when not explainable. */
  cited_facts: string[];
  /** The trace holds every guardrail, every fact the text states and the generator. */
  auditable: boolean;
  audit_missing: string[];
  /** Persona tag matches the user and every signal tag is about something the user has. */
  relevant: boolean;
  relevance_misses: string[];
  /** Stricter: every signal tag of the item is notable for the user (the recommender's own rule). */
  all_tags_notable: boolean;
  offer_kind: string | null;
  /** The customer's feedback: true helpful, false not helpful, null none. */
  helpful: boolean | null;
}

export interface GuardrailCounts {
  /** Template drafts the guardrails rejected, by check (TONE, NO_ADVICE_LANGUAGE, GROUNDED_NUMBERS...). */
  drafts_rejected: Record<string, number>;
  /** Offers left out for eligibility, by the check that failed (one offer may fail several). */
  ineligible_by_rule: Record<string, number>;
  ineligible_offers: number;
  /** Offers refused as predatory (NOT_PREDATORY failed). */
  predatory_refused: number;
  /** Model texts that fell back to the template, by reason (UNGROUNDED_NUMBER, TONE, MODEL_ERROR...). */
  fallbacks_by_reason: Record<string, number>;
  model_fallbacks: number;
  model_texts_used: number;
}

/** Coverage of one user's window (lib/eval/coverage.ts). */
export interface WindowCoverage {
  primary: string | null;
  matched: string[];
  overridden: boolean;
  behaviors: BehaviorId[];
  covered: boolean;
  /** Why not covered (no results, no persona, too few behaviors); null when covered. */
  uncovered_reason: string | null;
  /** Why no persona matched; null when there is one. */
  no_persona_reason: string | null;
}

export interface WindowEval extends WindowCoverage {
  has_results: boolean;
  recommendations: RecommendationEval[];
  offer_kinds: string[];
  guardrails: GuardrailCounts;
}

export interface UserAccuracy {
  subscriptions: { tp: number; fp: number; fn: number; cancelled_in_window: number; misses: string[] };
  /** null = no payroll was planted (then `false_payroll` says whether one was detected). */
  payroll: { planted: string; detected: string | null; right: boolean } | null;
  false_payroll: boolean;
  minimum_payment_only: { planted: boolean; detected: boolean };
  personas: Partial<Record<WindowId, { expected: string[]; primary: string | null; matched: string[] }>>;
}

/** Why the pipeline may not process a user (lib/core/guardrails/consent.ts canProcess). */
export type ConsentGate = Exclude<ConsentCode, "CONSENT_GRANTED">;

export interface UserEval {
  user_id: string;
  consenting: boolean;
  consent_gate: ConsentGate | null;
  demographics: Demographics;
  /** Windows with stored results (consenting users only). */
  windows: Partial<Record<WindowId, WindowEval>>;
  latency_ms: number | null;
  accuracy: UserAccuracy | null;
}

// ------------------------------------------------------------------------------ metrics (the output)

/** count of total; share null when total is 0 (nothing to measure). */
export interface Share {
  count: number;
  total: number;
  share: number | null;
}

/** A list cut at EVAL_LIST_LIMIT items; `total` is the whole count. */
export interface Listed<T> {
  total: number;
  items: T[];
}

export interface RecommendationMiss {
  user_id: string;
  recommendation_id: string;
  item_id: string;
  reasons: string[];
}

export interface FairnessRate {
  group: string;
  n: number;
  count: number;
  rate: number;
  /** In the parity difference (n ≥ FAIRNESS_MIN_GROUP_SIZE). */
  compared: boolean;
}

export interface FairnessComparison {
  /** "persona:savings_builder", "persona:none", "offer:high_yield_savings". */
  metric: string;
  label: string;
  rates: FairnessRate[];
  /** Demographic-parity difference: largest rate minus smallest among compared groups. */
  gap: number | null;
  high: string | null;
  low: string | null;
  flagged: boolean;
  /** One plain sentence per flag: what the gap is and whether the data explains it. */
  sentence: string | null;
  /** "by_design" | "planted" | "not_planted" | "chance" | "unexplained"; null when not flagged. */
  explanation: string | null;
}

export interface FairnessField {
  field: DemographicField;
  groups: { group: string; n: number }[];
  comparisons: FairnessComparison[];
}

export interface FairnessMetrics {
  /** Why fairness was skipped (no demographics); null when computed. */
  skipped: string | null;
  fields: FairnessField[];
  flags: number;
}

/** Customers' feedback on one kind of suggestion: rate = helpful / (helpful + not helpful), null without any. */
export interface FeedbackCounts {
  helpful: number;
  not_helpful: number;
  rate: number | null;
}

export type FeedbackMetrics = Record<"education" | "offer", FeedbackCounts>;

export interface WindowMetrics {
  users_with_results: number;
  coverage: Share & { behaviors: Record<string, number>; uncovered: Listed<{ user_id: string; reason: string }> };
  personas: { distribution: Record<string, number>; no_persona: Listed<{ user_id: string; reason: string }> };
  recommendations: { total: number; education: number; offers: number };
  explainability: Share & { misses: Listed<RecommendationMiss> };
  auditability: Share & { misses: Listed<RecommendationMiss> };
  relevance: Share & { misses: Listed<RecommendationMiss>; all_tags_notable: Share };
  fairness: FairnessMetrics;
  guardrails: GuardrailCounts & { tone_rejections: number };
  /** Absent in runs stored before feedback was counted (the operator page shows old runs too). */
  feedback?: FeedbackMetrics;
}

export interface LatencyMetrics {
  users: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  users_per_s: number;
  /** What was timed (docs/decisions.md, "Evaluation"). */
  measured: string;
}

export interface AccuracyMetrics {
  users: number;
  subscriptions: { tp: number; fp: number; fn: number; cancelled_in_window: number; precision: number | null; recall: number | null; misses: Listed<string> };
  payroll: Share & { false_payroll: number };
  minimum_payment_only: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null };
  personas: Partial<Record<WindowId, { primary_agreement: Share; set_match: Share }>>;
}

export interface EvalMetrics {
  as_of: string;
  population: { customers: number; consenting: number; pipeline_run_for: number };
  consent: { gated: number; by_reason: Partial<Record<ConsentGate, number>>; user_ids: Listed<string> };
  latency: LatencyMetrics | null;
  windows: Record<WindowId, WindowMetrics>;
  accuracy: AccuracyMetrics | null;
  /** Both windows together (each verdict is on one stored suggestion, so nothing is counted twice). */
  feedback?: FeedbackMetrics;
}

// ------------------------------------------------------------------------------ a run's files

export interface EvalArtifact {
  /** File name inside the run's folder ("metrics.csv", "signals.parquet"...); traces are counted, not listed. */
  name: string;
  path: string;
  bytes: number;
  content_type: string;
}

export interface EvalArtifacts {
  dir: string;
  files: EvalArtifact[];
  traces: { dir: string; count: number };
  labels_file: string | null;
  /** Where the run uploaded its files (S3_BUCKET set), else null. */
  s3: { endpoint: string; bucket: string; prefix: string; keys: string[] } | null;
}
