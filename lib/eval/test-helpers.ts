/**
 * Test fixtures for the evaluation: hand-built users (signals from makeWindow, personas from the
 * real rules) and hand-built recommendations with real decision traces. Not imported by production code.
 */
import { assignPersonas, type PersonaAssignment } from "../core/personas";
import { makeCard, makeWindow, type WindowOverrides } from "../core/personas/test-helpers";
import { buildTrace, runGuardrails, DISCLOSURE, type EligibilityResult } from "../core/guardrails";
import type { Exclusion } from "../core/recommend";
import type { Fact } from "../core/shared/types";
import type { WindowId, WindowSignals } from "../core/signals";
import type { Demographics, EvalRecommendation, EvalUserRecord, EvalWindowRecord } from "./types";

export { makeCard, makeWindow };

export const AS_OF = "2025-06-30";

export const fact = (key: string, display: string, value = 0): Fact => ({ key, label: key, value, unit: "count", display });

export interface RecSpec {
  id?: string;
  item_id: string;
  kind?: "education" | "offer";
  rationale: string;
  facts?: Fact[];
  /** The persona tag that earned the item its place (trace.persona.item_persona). */
  item_persona?: string | null;
  eligibility?: EligibilityResult | null;
  notes?: string[];
  generator?: string;
  /** The customer's feedback (true helpful, false not helpful); none when absent. */
  helpful?: boolean | null;
}

/** A recommendation with a real trace (buildTrace) whose guardrails ran on its text (runGuardrails). */
export function makeRec(userId: string, w: WindowSignals, personas: PersonaAssignment, s: RecSpec): EvalRecommendation {
  const kind = s.kind ?? "education";
  const facts = s.facts ?? [];
  const eligibility = kind === "offer" ? (s.eligibility !== undefined ? s.eligibility : { offer_id: s.item_id, eligible: true, checks: [{ rule: "NOT_PREDATORY", passed: true, detail: "ok" }] }) : null;
  const trace = buildTrace({
    user_id: userId, window: w.window, as_of: w.as_of, generated_at: `${w.as_of}T00:00:00.000Z`, generator: s.generator ?? "template",
    item: { id: s.item_id, kind, title: `Title ${s.item_id}` }, personas, item_persona: s.item_persona === undefined ? (personas.primary ?? "general") : s.item_persona,
    score: { persona_tag: null, persona_rule: null, persona_weight: 0, signal_matches: [], signal_weight_each: 2, signal_weight: 0, total: 0, tie_break: "item_id ascending", payout_considered: false },
    signals: [{ name: "credit.max_utilization", value: w.credit.max_utilization }], facts, eligibility, notes: s.notes,
  });
  const draft = { item_id: s.item_id, kind, title: `Title ${s.item_id}`, rationale: s.rationale, disclosure: DISCLOSURE, facts, trace };
  return {
    id: s.id ?? `${userId}-${w.window}-${s.item_id}`, window: w.window, kind, itemId: s.item_id, title: draft.title, rationale: s.rationale,
    disclosure: DISCLOSURE, status: "pending", rank: 1, generator: s.generator ?? "template", trace: { ...trace, guardrails: runGuardrails(draft) },
    helpful: s.helpful ?? null,
  };
}

export interface UserSpec {
  demographics?: Demographics;
  consent?: { granted: boolean; at: string | null };
  /** Signals per window (absent = no stored results for that window). */
  windows?: Partial<Record<WindowId, WindowOverrides>>;
  /** Recommendations per window, built from the window's signals and personas. */
  recs?: Partial<Record<WindowId, RecSpec[]>>;
  excluded?: Partial<Record<WindowId, Exclusion[]>>;
  ms?: number | null;
  primaryOverride?: string | null;
}

export function makeUser(userId: string, spec: UserSpec = {}): EvalUserRecord {
  const windows: EvalUserRecord["windows"] = {};
  for (const [id, o] of Object.entries(spec.windows ?? { "30d": {} }) as [WindowId, WindowOverrides][]) {
    const signals = makeWindow({ as_of: AS_OF, ...o, window: id });
    const assignment = assignPersonas(signals);
    const overridden = spec.primaryOverride !== undefined;
    const w: EvalWindowRecord = {
      signals,
      persona: { primary: overridden ? (spec.primaryOverride ?? null) : assignment.primary, overridden, assignment },
      recommendations: (spec.recs?.[id] ?? []).map((r) => makeRec(userId, signals, assignment, r)),
    };
    windows[id] = w;
  }
  return {
    user_id: userId,
    consent: spec.consent ?? { granted: true, at: "2025-01-01T00:00:00.000Z" },
    demographics: spec.demographics ?? {},
    windows,
    rerun: spec.ms === null ? null : { ms: spec.ms ?? 10, excluded: { "30d": spec.excluded?.["30d"] ?? [], "180d": spec.excluded?.["180d"] ?? [] } },
    labels: null,
    label_dates: {},
  };
}

/** Window overrides for users who match a given persona (and detect the listed behaviors). */
export const SIGNALS = {
  /** high_utilization; behaviors: subscriptions, card_utilization_flag, savings_inflow, payroll. */
  highUtilization: (): WindowOverrides => ({ credit: { cards: [makeCard({ balance_cents: 300_000, limit_cents: 500_000 })] } }),
  /** high_utilization with only card_utilization_flag and payroll (2 behaviors). */
  highUtilizationTwoBehaviors: (): WindowOverrides => ({
    credit: { cards: [makeCard({ balance_cents: 300_000, limit_cents: 500_000 })] },
    subscriptions: { recurring_merchant_count: 0, monthly_recurring_spend_cents: 0, share_of_spend: 0 },
    savings: { net_inflow_cents: 0, monthly_net_inflow_cents: 0, growth_rate: 0 },
  }),
  /** savings_builder: $300/month into savings, card at 10%. */
  savingsBuilder: (): WindowOverrides => ({ savings: { net_inflow_cents: 30_000, monthly_net_inflow_cents: 30_000, growth_rate: 0.05 } }),
  /** no persona, no card, no subscription. */
  noPersonaNoCard: (): WindowOverrides => ({ credit: { cards: [] }, subscriptions: { recurring_merchant_count: 0, monthly_recurring_spend_cents: 0, share_of_spend: 0 } }),
};
