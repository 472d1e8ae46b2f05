/**
 * The rules of "Ask SpendSense" (issue 13), one named constant each, with the words beside
 * them. lib/ai/chat and lib/db/chat read them; docs/ai.md cites them by name.
 */

/**
 * issue: "Rate limit per customer". At most this many questions per customer in any
 * CHAT_RATE_LIMIT_WINDOW_MINUTES; counted from the chat_turns table, so it holds across app instances.
 */
export const CHAT_RATE_LIMIT_QUESTIONS = 20;
/** The sliding window of CHAT_RATE_LIMIT_QUESTIONS, minutes. */
export const CHAT_RATE_LIMIT_WINDOW_MINUTES = 10;

/** Longest question we accept, characters (a question, not a document to summarize). */
export const CHAT_MAX_QUESTION_CHARS = 500;

/** Earlier turns of the same conversation the model sees (questions and the answers we showed). */
export const CHAT_HISTORY_TURNS = 4;

/** Most model steps per answer: tool calls, then the text (the AI SDK's stopWhen: stepCountIs). */
export const CHAT_MAX_STEPS = 4;

/** issue: "recent spending by category": the last this many days, ending on the as-of date. */
export const CHAT_SPENDING_WINDOW_DAYS = 30;
/** Categories named one by one in a spending answer; the rest are summed as "everything else". */
export const CHAT_SPENDING_TOP_CATEGORIES = 5;

/** Approved suggestions the suggestions tool returns (the page shows a handful). */
export const CHAT_MAX_SUGGESTIONS = 8;

/**
 * issue: "each number must match a fact the tools returned (or a sum of them)". A dollar amount is
 * also grounded when it is the sum of some of the dollar facts of one tool result; the sums are
 * enumerated up to this many distinct values per result (beyond it, only single facts count).
 */
export const CHAT_SUM_MAX_STATES = 50_000;

/**
 * How long savings (or the checking balance) would last reads in words at the ends of the scale,
 * as on the insights cards: under this many months, "less than a week" (a truncated "0 months"
 * would mislead)...
 */
export const CHAT_COVERAGE_UNDER_A_WEEK_MONTHS = 0.25;
/** ...and above this many, "more than a year" (a short spending history can make the figure huge). */
export const CHAT_COVERAGE_OVER_A_YEAR_MONTHS = 12;
