/** One recommendation draft: its rationale, disclosure and decision trace, then the guardrails' verdict. */
import { DISCLOSURE, PREDATORY_APR_ABOVE_PERCENT } from "../guardrails/constants";
import { eligibilitySignals, type EligibilityFacts, type EligibilityResult } from "../guardrails/eligibility";
import { runGuardrails } from "../guardrails/run";
import { buildTrace, type TraceRule, type TraceSignal } from "../guardrails/trace";
import type { PersonaAssignment } from "../personas/types";
import type { WindowSignals } from "../signals/types";
import type { RecommendationKind, ScoreBreakdown } from "../shared/types";
import type { EducationItem, PartnerOffer, SignalTag } from "./catalog";
import { MAX_EDUCATION, MAX_OFFERS, MAX_OFFERS_PER_KIND, MAX_RATIONALE_TAGS, RECOMMEND_RULES } from "./constants";
import { composeRationale } from "./rationale";
import { TAG_DEFINITIONS } from "./tags";
import type { Exclusion, RecommendationDraft } from "./types";

export interface Candidate<T extends EducationItem | PartnerOffer = EducationItem | PartnerOffer> {
  id: string;
  item: T;
  score: ScoreBreakdown;
}

/** What every draft of one user and window reads. */
export interface DraftContext {
  user_id: string;
  w: WindowSignals;
  personas: PersonaAssignment;
  /** Written into traces as "when". */
  now: string;
  active: SignalTag[];
  eligibilityFacts: EligibilityFacts;
}

/** The offer's eligibility requirements as trace rules (each field present is one). */
function eligibilityRules(offer: PartnerOffer): TraceRule[] {
  const e = offer.eligibility;
  const rules: TraceRule[] = [{ name: "PREDATORY_APR_ABOVE_PERCENT", value: PREDATORY_APR_ABOVE_PERCENT }];
  if (e.min_monthly_income_cents !== undefined) rules.push({ name: "MIN_MONTHLY_INCOME", value: e.min_monthly_income_cents });
  if (e.max_utilization !== undefined) rules.push({ name: "MAX_UTILIZATION", value: e.max_utilization });
  if (e.min_utilization !== undefined) rules.push({ name: "MIN_UTILIZATION", value: e.min_utilization });
  if (e.excluded_if_holds !== undefined) rules.push({ name: "NOT_ALREADY_HELD", value: e.excluded_if_holds });
  if (e.requires_no_overdue) rules.push({ name: "NO_OVERDUE", value: true });
  if (e.requires_payroll) rules.push({ name: "REQUIRES_PAYROLL", value: true });
  if (e.requires_credit_card) rules.push({ name: "REQUIRES_CREDIT_CARD", value: true });
  return rules;
}

/** The rule constants a draft's trace names: its persona weight, the tags it read, the counts, the disclosure. */
function draftRules(kind: RecommendationKind, c: Candidate, tagsRead: SignalTag[]): TraceRule[] {
  return [
    ...(c.score.persona_rule ? [{ name: c.score.persona_rule, value: c.score.persona_weight }] : []),
    { name: "SIGNAL_TAG_WEIGHT", value: RECOMMEND_RULES.SIGNAL_TAG_WEIGHT },
    ...tagsRead.map((t) => TAG_DEFINITIONS[t].rule),
    ...(kind === "education"
      ? [{ name: "MAX_EDUCATION", value: MAX_EDUCATION }]
      : [
          { name: "MAX_OFFERS", value: MAX_OFFERS },
          { name: "MAX_OFFERS_PER_KIND", value: MAX_OFFERS_PER_KIND },
          ...eligibilityRules(c.item as PartnerOffer),
        ]),
    { name: "MAX_RATIONALE_TAGS", value: MAX_RATIONALE_TAGS },
    { name: "DISCLOSURE", value: DISCLOSURE },
  ];
}

/** The draft of one candidate (rank 0 until it is placed), with its decision trace. */
export function draftFor(ctx: DraftContext, kind: RecommendationKind, c: Candidate, eligibility: EligibilityResult | null): RecommendationDraft {
  const { w } = ctx;
  const r = composeRationale(kind, c.item, w, c.score.persona_tag, ctx.active);
  const tagsRead = [...new Set([...c.score.signal_matches, ...r.tags])] as SignalTag[];
  const signals: TraceSignal[] = [
    ...tagsRead.flatMap((t) => TAG_DEFINITIONS[t].signals(w)),
    ...(eligibility ? eligibilitySignals(ctx.eligibilityFacts) : []),
  ];
  const title = c.item.title;
  return {
    item_id: c.id,
    kind,
    title,
    rank: 0,
    rationale: r.text,
    disclosure: DISCLOSURE,
    facts: r.facts,
    trace: buildTrace({
      user_id: ctx.user_id,
      window: w.window,
      as_of: w.as_of,
      generated_at: ctx.now,
      generator: "template",
      item: { id: c.id, kind, title },
      personas: ctx.personas,
      item_persona: c.score.persona_tag,
      score: c.score,
      signals,
      rationale_tags: r.tags,
      facts: r.facts,
      eligibility,
      rules: draftRules(kind, c, tagsRead),
    }),
  };
}

/** Runs the guardrails: the draft with their result in its trace, or the exclusion that records why it is not shown. */
export function guard(d: RecommendationDraft, score: number): { draft: RecommendationDraft } | { exclusion: Exclusion } {
  const g = runGuardrails(d);
  if (g.passed) return { draft: { ...d, trace: { ...d.trace, guardrails: g } } };
  return {
    exclusion: { item_id: d.item_id, kind: d.kind, reason: "guardrail_failed", score, failed_checks: g.checks.filter((x) => !x.passed) },
  };
}
