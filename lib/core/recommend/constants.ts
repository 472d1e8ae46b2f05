/**
 * Recommendation rules: scoring weights, counts, and when a signal tag is notable for a user.
 * Each constant is shown by name in the decision trace.
 */

// ── Scoring: score = persona weight + SIGNAL_TAG_WEIGHT × (item's signal tags notable for the user).
// Ties break by item id ascending. partner_payout_cents is never read.
/** Item tagged with the user's primary persona. */
export const PRIMARY_PERSONA_WEIGHT = 10;
/** Item tagged with another persona the user matches (not the primary). */
export const SECONDARY_PERSONA_WEIGHT = 4;
/** Item tagged "general" (the only candidates for a user with no persona). */
export const GENERAL_ITEM_WEIGHT = 1;
/** Per signal tag of the item that is notable for the user. */
export const SIGNAL_TAG_WEIGHT = 2;

// ── Counts (brief: "3-5 education items, 1-3 partner offers").
export const MIN_EDUCATION = 3;
export const MAX_EDUCATION = 5;
export const MIN_OFFERS = 1;
export const MAX_OFFERS = 3;
/** At most one offer of each kind (two balance-transfer cards are one choice, not two). */
export const MAX_OFFERS_PER_KIND = 1;
/** A rationale cites at most this many signal tags, from different signal groups. */
export const MAX_RATIONALE_TAGS = 2;

// ── When a signal tag is notable (beyond the persona constants the tags reuse).
/**
 * Brief's 30% utilization flag: a card at or above it makes credit.utilization notable, and the
 * rationale suggests bringing the card below it.
 */
export const CREDIT_UTILIZATION_TARGET_BELOW = 0.3;
/** savings.growth is notable when savings grew at all over the window. */
export const SAVINGS_GROWTH_NOTABLE_ABOVE = 0;
/** savings.inflow is notable when more went into savings than came out. */
export const SAVINGS_INFLOW_NOTABLE_ABOVE_CENTS = 0;
/** A common emergency-fund goal (3 to 6 months of expenses; we cite the lower end). */
export const EMERGENCY_FUND_TARGET_MONTHS = 3;
/** income.variability is notable when paycheck amounts vary by 20% or more (coefficient of variation). */
export const INCOME_VARIABILITY_NOTABLE_MIN = 0.2;

// ── Relevant or nothing (issue 11; ./relevance.ts).
/**
 * issue 11: "Every recommended item's signal tags must hold for the user, and its persona tag must match, or it is
 * a general item": the name of that check in exclusions and run notes.
 */
export const RELEVANT_SIGNAL_TAGS = "RELEVANT_SIGNAL_TAGS";
/** issue 11: "An offer needs a signal it answers": at least this many of its signal tags notable for the user. */
export const OFFER_MIN_ANSWERED_SIGNALS = 1;

/** Run note when no offer passed eligibility (0 offers is then acceptable). */
export const NO_ELIGIBLE_OFFER = "no eligible offer";

export const RECOMMEND_RULES = {
  PRIMARY_PERSONA_WEIGHT,
  SECONDARY_PERSONA_WEIGHT,
  GENERAL_ITEM_WEIGHT,
  SIGNAL_TAG_WEIGHT,
  MIN_EDUCATION,
  MAX_EDUCATION,
  MIN_OFFERS,
  MAX_OFFERS,
  MAX_OFFERS_PER_KIND,
  MAX_RATIONALE_TAGS,
  CREDIT_UTILIZATION_TARGET_BELOW,
  SAVINGS_GROWTH_NOTABLE_ABOVE,
  SAVINGS_INFLOW_NOTABLE_ABOVE_CENTS,
  EMERGENCY_FUND_TARGET_MONTHS,
  INCOME_VARIABILITY_NOTABLE_MIN,
  OFFER_MIN_ANSWERED_SIGNALS,
} as const;
