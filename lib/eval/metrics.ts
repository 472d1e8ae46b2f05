/**
 * The metrics, in two pure steps: evaluateUser (one user's record → what holds for that user) and
 * aggregate (all users → the run's metrics). The CLI streams users through evaluateUser and keeps
 * only the small results; the tests build records by hand. Definitions: docs/decisions.md, "Evaluation".
 */
import { WINDOW_IDS, type WindowId } from "../core/signals";
import { PERSONA_PRIORITY } from "../core/personas";
import type { Exclusion } from "../core/recommend";
import { canProcess } from "../core/guardrails";
import { userAccuracy, sumAccuracy } from "./accuracy";
import { BEHAVIOR_IDS } from "./behaviors";
import { windowCoverage } from "./coverage";
import { auditGaps, citedUserFacts } from "./explain";
import { fairness } from "./fairness";
import { addGuardrailCounts, emptyGuardrailCounts, guardrailCounts } from "./guardrails";
import { relevance, type CatalogIndex } from "./relevance";
import type { ConsentGate, EvalMetrics, FeedbackCounts, FeedbackMetrics, EvalUserRecord, EvalWindowRecord, RecommendationEval, RecommendationMiss, UserEval, WindowEval, WindowMetrics } from "./types";
import { listed, percentile, share } from "./util";

export interface EvalContext {
  catalog: CatalogIndex;
}

function evaluateWindow(userId: string, w: EvalWindowRecord | undefined, excluded: readonly Exclusion[], ctx: EvalContext): WindowEval {
  const cov = windowCoverage(w);
  const recs: RecommendationEval[] = (w?.recommendations ?? []).map((r) => {
    const cited = citedUserFacts(r);
    const gaps = auditGaps(r, userId);
    const item = ctx.catalog.get(r.itemId);
    const rel = w?.signals
      ? relevance(r, w.signals, cov, item)
      : { relevant: false, misses: ["no signals stored for this window"], all_tags_notable: false };
    return {
      id: r.id, kind: r.kind, item_id: r.itemId, explainable: cited.length > 0, cited_facts: cited, auditable: gaps.length === 0, audit_missing: gaps,
      relevant: rel.relevant, relevance_misses: rel.misses, all_tags_notable: rel.all_tags_notable, offer_kind: item?.offer_kind ?? null,
      helpful: r.helpful ?? null,
    };
  });
  return {
    has_results: !!(w?.signals && w.persona),
    ...cov,
    recommendations: recs,
    offer_kinds: [...new Set(recs.flatMap((r) => (r.kind === "offer" && r.offer_kind ? [r.offer_kind] : [])))],
    guardrails: guardrailCounts(w?.recommendations ?? [], excluded),
  };
}

export function evaluateUser(r: EvalUserRecord, ctx: EvalContext): UserEval {
  // The pipeline's own gate: without a dated record there is no consent at all.
  const gate = canProcess(r.consent.at ? r.consent : null);
  const consenting = gate.allowed;
  const windows: UserEval["windows"] = {};
  if (consenting) for (const w of WINDOW_IDS) windows[w] = evaluateWindow(r.user_id, r.windows[w], r.rerun?.excluded[w] ?? [], ctx);
  return {
    user_id: r.user_id,
    consenting,
    consent_gate: gate.code === "CONSENT_GRANTED" ? null : gate.code,
    demographics: r.demographics,
    windows,
    latency_ms: consenting ? (r.rerun?.ms ?? null) : null,
    accuracy: consenting ? userAccuracy(r) : null,
  };
}

export interface AggregateContext {
  asOf: string;
  /** Consenting users the evaluation ran the pipeline for (their results were missing). */
  pipelineRunFor: number;
  /** Wall time of the timed re-runs, for users per second. */
  timingWallMs: number;
  offerKinds: readonly string[];
  incomeGatedKinds: ReadonlySet<string>;
  offerPersonas: Readonly<Record<string, readonly string[]>>;
}

type Entry = { user: UserEval; w: WindowEval };
const missesOf = (entries: Entry[], pick: (r: RecommendationEval) => string[] | null): RecommendationMiss[] =>
  entries.flatMap(({ user, w }) =>
    w.recommendations.flatMap((r) => {
      const reasons = pick(r);
      return reasons ? [{ user_id: user.user_id, recommendation_id: r.id, item_id: r.item_id, reasons }] : [];
    }),
  );

function windowMetrics(users: UserEval[], id: WindowId, ctx: AggregateContext): WindowMetrics {
  const all: Entry[] = users.flatMap((user) => (user.windows[id] ? [{ user, w: user.windows[id] }] : []));
  const withResults = all.filter((e) => e.w.has_results);
  const recs = all.flatMap((e) => e.w.recommendations);
  const distribution = Object.fromEntries([...PERSONA_PRIORITY, "none"].map((p) => [p, 0]));
  for (const e of withResults) distribution[e.w.primary ?? "none"] = (distribution[e.w.primary ?? "none"] ?? 0) + 1;
  const guardrails = all.reduce((g, e) => addGuardrailCounts(g, e.w.guardrails), emptyGuardrailCounts());
  return {
    users_with_results: withResults.length,
    coverage: {
      ...share(all.filter((e) => e.w.covered).length, all.length),
      behaviors: Object.fromEntries(BEHAVIOR_IDS.map((b) => [b, withResults.filter((e) => e.w.behaviors.includes(b)).length])),
      uncovered: listed(all.filter((e) => !e.w.covered).map((e) => ({ user_id: e.user.user_id, reason: e.w.uncovered_reason ?? "" }))),
    },
    personas: {
      distribution,
      no_persona: listed(withResults.filter((e) => e.w.primary === null).map((e) => ({ user_id: e.user.user_id, reason: e.w.no_persona_reason ?? "" }))),
    },
    recommendations: { total: recs.length, education: recs.filter((r) => r.kind === "education").length, offers: recs.filter((r) => r.kind === "offer").length },
    explainability: {
      ...share(recs.filter((r) => r.explainable).length, recs.length),
      misses: listed(missesOf(all, (r) => (r.explainable ? null : ["the rationale cites none of the user's own numbers"]))),
    },
    auditability: { ...share(recs.filter((r) => r.auditable).length, recs.length), misses: listed(missesOf(all, (r) => (r.auditable ? null : r.audit_missing))) },
    relevance: {
      ...share(recs.filter((r) => r.relevant).length, recs.length),
      misses: listed(missesOf(all, (r) => (r.relevant ? null : r.relevance_misses))),
      all_tags_notable: share(recs.filter((r) => r.all_tags_notable).length, recs.length),
    },
    fairness: fairness(
      withResults.map((e) => ({ demographics: e.user.demographics, primary: e.w.primary, offer_kinds: e.w.offer_kinds, expected: e.user.accuracy?.personas[id]?.expected ?? null })),
      { window: id, offerKinds: ctx.offerKinds, incomeGatedKinds: ctx.incomeGatedKinds, offerPersonas: ctx.offerPersonas },
    ),
    guardrails: { ...guardrails, tone_rejections: (guardrails.drafts_rejected.TONE ?? 0) + (guardrails.fallbacks_by_reason.TONE ?? 0) },
    feedback: feedbackMetrics(recs),
  };
}

/** Helpful and not-helpful verdicts by kind, and the helpful rate among the rated. */
export function feedbackMetrics(recs: readonly Pick<RecommendationEval, "kind" | "helpful">[]): FeedbackMetrics {
  const of = (kind: RecommendationEval["kind"]): FeedbackCounts => {
    const helpful = recs.filter((r) => r.kind === kind && r.helpful === true).length;
    const notHelpful = recs.filter((r) => r.kind === kind && r.helpful === false).length;
    return { helpful, not_helpful: notHelpful, rate: helpful + notHelpful > 0 ? helpful / (helpful + notHelpful) : null };
  };
  return { education: of("education"), offer: of("offer") };
}

/** What the latency figures time (docs/decisions.md, "Evaluation"). */
export const LATENCY_MEASURED = "per user: load from the database, signals, personas, recommendations, guardrails and phrasing through the AI layer, re-run in memory by the evaluation (nothing written)";

export function aggregate(users: UserEval[], ctx: AggregateContext): EvalMetrics {
  const consenting = users.filter((u) => u.consenting);
  const gated = users.filter((u) => !u.consenting);
  const ms = consenting.flatMap((u) => (u.latency_ms === null ? [] : [u.latency_ms]));
  const accuracy = consenting.flatMap((u) => (u.accuracy ? [u.accuracy] : []));
  return {
    as_of: ctx.asOf,
    population: { customers: users.length, consenting: consenting.length, pipeline_run_for: ctx.pipelineRunFor },
    consent: {
      gated: gated.length,
      by_reason: gated.reduce<Partial<Record<ConsentGate, number>>>((m, u) => (u.consent_gate ? { ...m, [u.consent_gate]: (m[u.consent_gate] ?? 0) + 1 } : m), {}),
      user_ids: listed(gated.map((u) => u.user_id)),
    },
    latency: ms.length
      ? { users: ms.length, p50_ms: percentile(ms, 50), p95_ms: percentile(ms, 95), max_ms: Math.max(...ms), users_per_s: ms.length / (Math.max(ctx.timingWallMs, 1e-6) / 1000), measured: LATENCY_MEASURED }
      : null,
    windows: { "30d": windowMetrics(consenting, "30d", ctx), "180d": windowMetrics(consenting, "180d", ctx) },
    accuracy: accuracy.length ? sumAccuracy(accuracy) : null,
    feedback: feedbackMetrics(consenting.flatMap((u) => WINDOW_IDS.flatMap((w) => u.windows[w]?.recommendations ?? []))),
  };
}
