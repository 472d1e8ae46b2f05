/** Thresholds of the customer's insights (lib/core/insights); each reads as the sentence it shapes. */

/** A monthly savings inflow is worth mentioning from this many cents ($25). */
export const SAVINGS_INFLOW_MENTION_MIN_CENTS = 2_500;
/** Coverage of usual spending above this many months reads "more than a year" (a short spend history can make it huge). */
export const COVERAGE_MAX_MONTHS = 12;
/** Coverage below this many months (about a week) reads "less than a week". */
export const COVERAGE_MIN_MONTHS = 0.25;
/** The subscriptions insight names at most this many merchants and counts the rest ("and 2 more"). */
export const SUBSCRIPTIONS_NAMED_MAX = 4;
