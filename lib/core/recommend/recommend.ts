/**
 * recommend: 3-5 education items and 0-3 eligible partner offers for one user and one window,
 * ranked by fit (persona match + notable signal tags; ties by id), never by partner payout.
 * Candidates: a user with a persona gets items tagged with the personas they match (primary
 * first), and "general" items only to reach the minimum count; a user with no persona gets
 * "general" items. Offers are checked for eligibility first; an ineligible one is recorded with
 * its failed checks. At most one offer per kind. No eligible offer → 0 offers and the run note
 * NO_ELIGIBLE_OFFER ("no eligible offer") in the result and in every draft's trace.
 * Each draft carries its rationale (rendered from facts), the disclosure, and a decision trace.
 * Every draft has passed runGuardrails; one that fails is skipped, recorded in `excluded`, and the
 * next candidate takes its place.
 */
import { DISCLOSURE, PREDATORY_APR_ABOVE_PERCENT } from "../guardrails/constants";
import { checkEligibility, eligibilityFactsFrom, eligibilitySignals, type EligibilityResult } from "../guardrails/eligibility";
import { runGuardrails } from "../guardrails/run";
import { buildTrace, type TraceRule, type TraceSignal } from "../guardrails/trace";
import { PERSONA_IDS, type PersonaId } from "../personas/constants";
import type { WindowSignals } from "../signals/types";
import type { EducationItem, PartnerOffer, SignalTag } from "./catalog";
import {
  MAX_EDUCATION,
  MAX_OFFERS,
  MAX_OFFERS_PER_KIND,
  MAX_RATIONALE_TAGS,
  MIN_EDUCATION,
  MIN_OFFERS,
  NO_ELIGIBLE_OFFER,
  RECOMMEND_RULES,
} from "./constants";
import { renderRationale } from "./render";
import { byScoreThenId, scoreItem } from "./score";
import { activeSignalTags, PERSONA_RATIONALE_TAGS, TAG_DEFINITIONS, tagGroup, windowFact } from "./tags";
import { DEFAULT_WHY, GENERAL_TEMPLATES, OFFER_RANKING_NOTE, TAG_TEMPLATES } from "./templates";
import type { Fact, RecommendationKind, ScoreBreakdown } from "../shared/types";
import type { Exclusion, RecommendInput, RecommendationDraft, RecommendationResult } from "./types";

const isPersonaId = (s: string | null): s is PersonaId => s !== null && (PERSONA_IDS as readonly string[]).includes(s);

export interface ComposedRationale {
  text: string;
  facts: Fact[];
  /** Signal tags whose templates wrote the text. */
  tags: SignalTag[];
}

/**
 * The rationale of one item: up to MAX_RATIONALE_TAGS notable signal tags (the item's own first,
 * then its persona's), at most one per signal group, each rendered from its facts; the general
 * sentence when none applies; then the item's `why` (and, for offers, the ranking note).
 */
export function composeRationale(
  kind: RecommendationKind,
  item: Pick<EducationItem, "signal_tags" | "why">,
  w: WindowSignals,
  itemPersona: string | null,
  active: readonly SignalTag[],
): ComposedRationale {
  const candidates = [
    ...item.signal_tags.filter((t) => active.includes(t)),
    ...(isPersonaId(itemPersona) ? PERSONA_RATIONALE_TAGS[itemPersona].filter((t) => active.includes(t)) : []),
  ];
  const parts: string[] = [];
  const facts: Fact[] = [];
  const tags: SignalTag[] = [];
  const groups = new Set<string>();
  const addFacts = (fs: Fact[]) => {
    for (const f of fs) if (!facts.some((x) => x.key === f.key)) facts.push(f);
  };
  for (const t of candidates) {
    if (tags.length >= MAX_RATIONALE_TAGS) break;
    if (tags.includes(t) || groups.has(tagGroup(t))) continue;
    const r = renderRationale(TAG_TEMPLATES[t], TAG_DEFINITIONS[t].facts(w));
    if (!r.text) continue;
    parts.push(r.text);
    addFacts(r.facts);
    tags.push(t);
    groups.add(tagGroup(t));
  }
  if (parts.length === 0) {
    const r = renderRationale(GENERAL_TEMPLATES[kind], [windowFact(w)]);
    parts.push(r.text);
    addFacts(r.facts);
  }
  parts.push(item.why ?? DEFAULT_WHY[kind]);
  if (kind === "offer") parts.push(OFFER_RANKING_NOTE);
  return { text: parts.join(" "), facts, tags };
}

interface Candidate<T> {
  id: string;
  item: T;
  score: ScoreBreakdown;
}

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

export function recommendWithTrace(input: RecommendInput): RecommendationResult {
  const { user_id, window: w, personas, accounts, catalog } = input;
  if (personas.window !== w.window || personas.as_of !== w.as_of) {
    throw new Error(
      `recommend: personas are for ${personas.window} as of ${personas.as_of} but the window is ${w.window} as of ${w.as_of}`,
    );
  }
  const now = input.now ?? w.as_of;
  const active = activeSignalTags(w);
  const eligibilityFacts = eligibilityFactsFrom(w, accounts);
  const excluded: Exclusion[] = [];
  const notes: string[] = [];

  const draftFor = (
    kind: RecommendationKind,
    c: Candidate<EducationItem | PartnerOffer>,
    eligibility: EligibilityResult | null,
  ): RecommendationDraft => {
    const r = composeRationale(kind, c.item, w, c.score.persona_tag, active);
    const tagsRead = [...new Set([...c.score.signal_matches, ...r.tags])] as SignalTag[];
    const signals: TraceSignal[] = [
      ...tagsRead.flatMap((t) => TAG_DEFINITIONS[t].signals(w)),
      ...(eligibility ? eligibilitySignals(eligibilityFacts) : []),
    ];
    const rules: TraceRule[] = [
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
        user_id,
        window: w.window,
        as_of: w.as_of,
        generated_at: now,
        generator: "template",
        item: { id: c.id, kind, title },
        personas,
        item_persona: c.score.persona_tag,
        score: c.score,
        signals,
        rationale_tags: r.tags,
        facts: r.facts,
        eligibility,
        rules,
      }),
    };
  };

  /** Runs the guardrails; a failing draft is recorded and skipped. */
  const guarded = (d: RecommendationDraft, score: number): RecommendationDraft | null => {
    const g = runGuardrails(d);
    if (g.passed) return { ...d, trace: { ...d.trace, guardrails: g } };
    excluded.push({
      item_id: d.item_id,
      kind: d.kind,
      reason: "guardrail_failed",
      score,
      failed_checks: g.checks.filter((x) => !x.passed),
    });
    return null;
  };

  // ── Candidates: users with a persona get items tagged with their personas, and "general" items
  // only to reach the minimum count; users with no persona get "general" items.
  const pools = <T extends EducationItem | PartnerOffer>(items: T[]) => {
    const scored = items.map((item) => ({ id: item.id, item, score: scoreItem(item, personas, active) })).sort(byScoreThenId);
    const general = scored.filter((c) => c.score.persona_rule === "GENERAL_ITEM_WEIGHT");
    if (personas.primary === null) return { main: general, fill: [] as Candidate<T>[] };
    return { main: scored.filter((c) => c.score.persona_rule !== null && c.score.persona_rule !== "GENERAL_ITEM_WEIGHT"), fill: general };
  };

  // ── Education ──────────────────────────────────────────────────────────────────────────────
  const edu = pools(catalog.education);
  const education: RecommendationDraft[] = [];
  for (const [pool, limit] of [
    [edu.main, MAX_EDUCATION],
    [edu.fill, MIN_EDUCATION],
  ] as const) {
    for (const c of pool) {
      if (education.length >= limit) break;
      const d = guarded(draftFor("education", c, null), c.score.total);
      if (d) education.push({ ...d, rank: education.length + 1 });
    }
  }
  if (education.length < MIN_EDUCATION) {
    notes.push(`only ${education.length} education items available (minimum ${MIN_EDUCATION})`);
  }

  // ── Offers ─────────────────────────────────────────────────────────────────────────────────
  const off = pools(catalog.offers);
  const offers: RecommendationDraft[] = [];
  const perKind = new Map<string, number>();
  for (const [pool, limit] of [
    [off.main, MAX_OFFERS],
    [off.fill, MIN_OFFERS],
  ] as const) {
    for (const c of pool) {
      const eligibility = checkEligibility(c.item, eligibilityFacts);
      const base = { item_id: c.id, kind: "offer" as const, score: c.score.total };
      if (!eligibility.eligible) {
        excluded.push({ ...base, reason: "ineligible", failed_checks: eligibility.checks.filter((x) => !x.passed) });
        continue;
      }
      if (offers.length >= limit) {
        excluded.push({ ...base, reason: "below_cutoff", failed_checks: [] });
        continue;
      }
      if ((perKind.get(c.item.kind) ?? 0) >= MAX_OFFERS_PER_KIND) {
        excluded.push({ ...base, reason: "duplicate_kind", failed_checks: [] });
        continue;
      }
      const d = guarded(draftFor("offer", c, eligibility), c.score.total);
      if (!d) continue;
      offers.push({ ...d, rank: offers.length + 1 });
      perKind.set(c.item.kind, (perKind.get(c.item.kind) ?? 0) + 1);
    }
  }
  if (offers.length < MIN_OFFERS) notes.push(NO_ELIGIBLE_OFFER);

  const drafts = [...education, ...offers].map((d) => ({ ...d, trace: { ...d.trace, notes: [...notes] } }));
  return {
    user_id,
    window: w.window,
    as_of: w.as_of,
    generated_at: now,
    drafts,
    excluded,
    notes,
    active_signal_tags: active,
  };
}

/** The drafts of recommendWithTrace: education first (rank 1..n), then offers (rank 1..m). */
export function recommend(input: RecommendInput): RecommendationDraft[] {
  return recommendWithTrace(input).drafts;
}
