/**
 * recommend: 3-5 education items and 0-3 eligible partner offers for one user and one window,
 * ranked by fit (persona match + notable signal tags; ties by id), never by partner payout.
 * Candidates: a user with a persona gets items tagged with the personas they match (primary
 * first), and "general" items only to reach the minimum count; a user with no persona gets
 * "general" items. Offers are checked for eligibility first; an ineligible one is recorded with
 * its failed checks. At most one offer per kind. No eligible offer → 0 offers and the run note
 * NO_ELIGIBLE_OFFER ("no eligible offer") in the result and in every draft's trace.
 * Relevant or nothing (./relevance.ts): an item whose signal tags do not hold for the user, or an offer that answers
 * none of their notable signals, is left out (reason not_relevant); fewer items are given then, and the run notes
 * say why. Each draft carries its rationale (rendered from facts), the disclosure, and a decision trace.
 * Every draft has passed runGuardrails; one that fails is skipped, recorded in `excluded`, and the
 * next candidate takes its place.
 *
 * The steps, in order: checkInput, draftContext, candidatePools, selectEducation, selectOffers, runNotes.
 */
import { checkEligibility, eligibilityFactsFrom } from "../guardrails/eligibility";
import type { PersonaWeightRule, RecommendationKind } from "../shared/types";
import type { EducationItem, PartnerOffer } from "./catalog";
import { MAX_EDUCATION, MAX_OFFERS, MAX_OFFERS_PER_KIND, MIN_EDUCATION, MIN_OFFERS, NO_ELIGIBLE_OFFER, RELEVANT_SIGNAL_TAGS } from "./constants";
import { draftFor, guard, type Candidate, type DraftContext } from "./draft";
import { relevanceChecks } from "./relevance";
import { byScoreThenId, scoreItem } from "./score";
import { activeSignalTags } from "./tags";
import type { Exclusion, RecommendInput, RecommendationDraft, RecommendationResult } from "./types";

/** Candidates are drawn from pools: items of the user's personas, and general items. */
type PoolId = "persona" | "general";

/** The pool an item joins, by the constant that set its persona weight (an item with none joins no pool). */
const POOL_OF_RULE: Record<PersonaWeightRule, PoolId> = {
  PRIMARY_PERSONA_WEIGHT: "persona",
  SECONDARY_PERSONA_WEIGHT: "persona",
  GENERAL_ITEM_WEIGHT: "general",
};

interface PoolDraw {
  pool: PoolId;
  /** Draw from the pool while the kind has fewer than this many items. */
  limit: number;
}

/**
 * The pools in priority order: a user with a persona gets their personas' items up to the maximum, then general
 * items only to reach the minimum; a user with no persona gets general items up to the maximum.
 */
function drawOrder(kind: RecommendationKind, hasPersona: boolean): PoolDraw[] {
  const [min, max] = kind === "education" ? [MIN_EDUCATION, MAX_EDUCATION] : [MIN_OFFERS, MAX_OFFERS];
  return hasPersona
    ? [
        { pool: "persona", limit: max },
        { pool: "general", limit: min },
      ]
    : [{ pool: "general", limit: max }];
}

function checkInput({ window: w, personas }: RecommendInput): void {
  if (personas.window !== w.window || personas.as_of !== w.as_of) {
    throw new Error(`recommend: personas are for ${personas.window} as of ${personas.as_of} but the window is ${w.window} as of ${w.as_of}`);
  }
}

function draftContext(input: RecommendInput): DraftContext {
  const w = input.window;
  return {
    user_id: input.user_id,
    w,
    personas: input.personas,
    now: input.now ?? w.as_of,
    active: activeSignalTags(w),
    eligibilityFacts: eligibilityFactsFrom(w, input.accounts),
  };
}

/** Items scored and ranked (highest score first, ties by id), grouped by pool. */
function candidatePools<T extends EducationItem | PartnerOffer>(items: T[], ctx: DraftContext): Record<PoolId, Candidate<T>[]> {
  const pools: Record<PoolId, Candidate<T>[]> = { persona: [], general: [] };
  const ranked = items.map((item) => ({ id: item.id, item, score: scoreItem(item, ctx.personas, ctx.active) })).sort(byScoreThenId);
  for (const c of ranked) if (c.score.persona_rule) pools[POOL_OF_RULE[c.score.persona_rule]].push(c);
  return pools;
}

interface Selection {
  drafts: RecommendationDraft[];
  excluded: Exclusion[];
}

/** Education: each pool in priority order, every draft guarded; a failing one is recorded and the next takes its place. */
function selectEducation(ctx: DraftContext, items: EducationItem[]): Selection {
  const pools = candidatePools(items, ctx);
  const out: Selection = { drafts: [], excluded: [] };
  for (const { pool, limit } of drawOrder("education", ctx.personas.primary !== null)) {
    for (const c of pools[pool]) {
      if (out.drafts.length >= limit) break;
      const misses = relevanceChecks(c.item, "education", ctx.w, ctx.active);
      if (misses.length) {
        out.excluded.push({ item_id: c.id, kind: "education", reason: "not_relevant", score: c.score.total, failed_checks: misses });
        continue;
      }
      const g = guard(draftFor(ctx, "education", c, null), c.score.total);
      if ("draft" in g) out.drafts.push({ ...g.draft, rank: out.drafts.length + 1 });
      else out.excluded.push(g.exclusion);
    }
  }
  return out;
}

/**
 * Offers: each pool in priority order; an offer is shown only when eligible, within the pool's limit, the first
 * of its kind, and it passes the guardrails. Every offer left out is recorded with why.
 */
function selectOffers(ctx: DraftContext, items: PartnerOffer[]): Selection {
  const pools = candidatePools(items, ctx);
  const out: Selection = { drafts: [], excluded: [] };
  const perKind = new Map<string, number>();
  for (const { pool, limit } of drawOrder("offer", ctx.personas.primary !== null)) {
    for (const c of pools[pool]) {
      const eligibility = checkEligibility(c.item, ctx.eligibilityFacts);
      const base = { item_id: c.id, kind: "offer" as const, score: c.score.total };
      const misses = eligibility.eligible ? relevanceChecks(c.item, "offer", ctx.w, ctx.active) : [];
      if (!eligibility.eligible) {
        out.excluded.push({ ...base, reason: "ineligible", failed_checks: eligibility.checks.filter((x) => !x.passed) });
      } else if (misses.length) {
        out.excluded.push({ ...base, reason: "not_relevant", failed_checks: misses });
      } else if (out.drafts.length >= limit) {
        out.excluded.push({ ...base, reason: "below_cutoff", failed_checks: [] });
      } else if ((perKind.get(c.item.kind) ?? 0) >= MAX_OFFERS_PER_KIND) {
        out.excluded.push({ ...base, reason: "duplicate_kind", failed_checks: [] });
      } else {
        const g = guard(draftFor(ctx, "offer", c, eligibility), c.score.total);
        if (!("draft" in g)) {
          out.excluded.push(g.exclusion);
          continue;
        }
        out.drafts.push({ ...g.draft, rank: out.drafts.length + 1 });
        perKind.set(c.item.kind, (perKind.get(c.item.kind) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** Run-level notes: too few education items (and the items left out as not relevant), NO_ELIGIBLE_OFFER. */
function runNotes(education: Selection, offers: Selection): string[] {
  const notes: string[] = [];
  const notRelevant = (sel: Selection) => sel.excluded.filter((x) => x.reason === "not_relevant").length;
  if (education.drafts.length < MIN_EDUCATION) {
    const n = notRelevant(education);
    notes.push(
      `only ${education.drafts.length} education items available (minimum ${MIN_EDUCATION})` +
        (n ? `: ${n} candidate(s) left out as not relevant to the user (${RELEVANT_SIGNAL_TAGS}); fewer items rather than irrelevant ones` : ""),
    );
  }
  if (offers.drafts.length < MIN_OFFERS) {
    notes.push(NO_ELIGIBLE_OFFER);
    const n = notRelevant(offers);
    if (n) notes.push(`${n} eligible offer(s) left out as not relevant to the user (${RELEVANT_SIGNAL_TAGS}, OFFER_MIN_ANSWERED_SIGNALS)`);
  }
  return notes;
}

export function recommendWithTrace(input: RecommendInput): RecommendationResult {
  checkInput(input);
  const ctx = draftContext(input);
  const education = selectEducation(ctx, input.catalog.education);
  const offers = selectOffers(ctx, input.catalog.offers);
  const notes = runNotes(education, offers);
  return {
    user_id: input.user_id,
    window: ctx.w.window,
    as_of: ctx.w.as_of,
    generated_at: ctx.now,
    drafts: [...education.drafts, ...offers.drafts].map((d) => ({ ...d, trace: { ...d.trace, notes: [...notes] } })),
    excluded: [...education.excluded, ...offers.excluded],
    notes,
    active_signal_tags: ctx.active,
  };
}

/** The drafts of recommendWithTrace: education first (rank 1..n), then offers (rank 1..m). */
export function recommend(input: RecommendInput): RecommendationDraft[] {
  return recommendWithTrace(input).drafts;
}
