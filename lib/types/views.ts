/**
 * The shapes lib/db hands to pages and components: the operator's view of a user and the small
 * object a customer gets of their own data. Types only (components may import this; they may not
 * import lib/db).
 */
import type { WindowId, WindowSignals } from "../core/signals/types";
import type { PersonaAssignment } from "../core/personas/types";
import type { StoredRecommendation } from "../core/profile-json";

/** The fields every view of a stored recommendation shares (one shape, lib/core/profile-json.ts). */
type RecommendationBase = Pick<StoredRecommendation, "id" | "window" | "kind" | "itemId" | "title" | "rationale" | "disclosure">;

export interface AccountView {
  id: string;
  type: string;
  subtype: string | null;
  name: string;
  mask: string | null;
  currentCents: number | null;
  limitCents: number | null;
  holderCategory: string | null;
}

export interface PersonaView {
  primary: string | null;
  overridden: boolean;
  assignment: PersonaAssignment | null;
}

export interface OperatorRecommendation extends RecommendationBase {
  status: string;
  rank: number;
  generator: string;
  createdAt: string;
}

export interface OperatorActionView {
  id: string;
  action: string;
  note: string | null;
  operatorId: string;
  operatorName: string;
  recommendationId: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

/** Operators: one row of the review queue (lib/db/review-queue.ts). */
export interface ReviewQueueItem {
  id: string;
  userId: string;
  userName: string;
  window: string;
  asOf: string;
  kind: string;
  title: string;
  rationale: string;
  status: string;
  generator: string;
  /** the facts changed since an earlier decision: the item waits for review again */
  changed: boolean;
}

/** Operators: everything about one customer (all statuses, consent history, action log; traces load on demand). */
export interface UserDetail {
  user: { id: string; name: string; email: string; consentGranted: boolean; consentAt: string | null; ageBand: string | null; incomeTier: string | null; region: string | null };
  asOf: string | null;
  accounts: AccountView[];
  windows: Record<WindowId, { signals: WindowSignals | null; persona: PersonaView | null }>;
  recommendations: OperatorRecommendation[];
  consentEvents: { granted: boolean; source: string; at: string }[];
  actions: OperatorActionView[];
}

/** A customer's verdict on one suggestion (lib/db/feedback.ts). */
export interface FeedbackView {
  id: string;
  /** null once a later run removed the suggestion (item id and title stay). */
  recommendationId: string | null;
  itemId: string;
  title: string;
  window: string;
  helpful: boolean;
  note: string | null;
  at: string;
}

/**
 * What a customer reads of a recommendation: approved ones only; no trace, no status, no generator,
 * never a partner payout. Education carries its catalog text; an offer the rules it passed.
 */
export interface CustomerRecommendation extends RecommendationBase {
  /** The catalog summary (education and offers). */
  summary: string | null;
  /** Education: the catalog's full text, one string per paragraph; offers: empty. */
  body: string[];
  /** Offers: the eligibility rules it passed, in the customer's words; education: empty. */
  passedRules: { label: string; detail: string }[];
  /** The customer's own feedback on it, if any. */
  feedback: { helpful: boolean; note: string | null } | null;
}

/** A customer's own dashboard: consent, their accounts and signals, approved recommendations. No operator data. */
export interface CustomerView {
  user: { id: string; name: string; consentGranted: boolean; consentAt: string | null };
  asOf: string | null;
  accounts: Omit<AccountView, "id" | "holderCategory">[];
  windows: Record<WindowId, { signals: WindowSignals | null }>;
  recommendations: CustomerRecommendation[];
}
