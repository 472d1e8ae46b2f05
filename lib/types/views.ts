/**
 * The shapes lib/db hands to pages and components: the operator's view of a user and the small
 * object a customer gets of their own data. Types only (components may import this; they may not
 * import lib/db).
 */
import type { WindowId, WindowSignals } from "../core/signals/types";
import type { PersonaAssignment } from "../core/personas/types";
import type { DecisionTrace } from "../core/guardrails/trace";

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

export interface OperatorRecommendation {
  id: string;
  window: string;
  kind: string;
  itemId: string;
  title: string;
  rationale: string;
  disclosure: string;
  status: string;
  rank: number;
  generator: string;
  trace: DecisionTrace | null;
  createdAt: string;
}

export interface OperatorActionView {
  id: string;
  action: string;
  note: string | null;
  operatorId: string;
  recommendationId: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

/** Operators: everything about one customer (all statuses, traces, consent history, action log). */
export interface UserDetail {
  user: { id: string; name: string; email: string; consentGranted: boolean; consentAt: string | null; ageBand: string | null; incomeTier: string | null; region: string | null };
  asOf: string | null;
  accounts: AccountView[];
  windows: Record<WindowId, { signals: WindowSignals | null; persona: PersonaView | null }>;
  recommendations: OperatorRecommendation[];
  consentEvents: { granted: boolean; source: string; at: string }[];
  actions: OperatorActionView[];
}

/** What a customer reads of a recommendation: approved ones only; no trace, no status, no generator. */
export interface CustomerRecommendation {
  id: string;
  window: string;
  kind: string;
  itemId: string;
  title: string;
  rationale: string;
  disclosure: string;
}

/** A customer's own dashboard: consent, their accounts and signals, approved recommendations. No operator data. */
export interface CustomerView {
  user: { id: string; name: string; consentGranted: boolean; consentAt: string | null };
  asOf: string | null;
  accounts: Omit<AccountView, "id" | "holderCategory">[];
  windows: Record<WindowId, { signals: WindowSignals | null }>;
  recommendations: CustomerRecommendation[];
}
