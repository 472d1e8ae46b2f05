/**
 * Persona rules. Every threshold is one named constant with the brief's wording beside it, and
 * the decision trace names the constant (PersonaReason.rule) so an operator can find it here.
 *
 * Units follow lib/core/signals/types.ts: money in integer cents, ratios as fractions (0.5 = 50%),
 * pay gaps in days, buffers in months.
 */

export const PERSONA_IDS = [
  "high_utilization",
  "variable_income_budgeter",
  "subscription_heavy",
  "savings_builder",
  "paycheck_to_paycheck",
] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

/**
 * Primary persona = the first matching persona in this list: priority by severity of harm.
 * Revolving debt and missed payments compound fastest and hurt credit for years; overdrafts
 * cost real fees today and signal no cushion; irregular income with no buffer is fragile;
 * subscription creep is a leak, not an emergency; a savings builder is doing well.
 */
export const PERSONA_PRIORITY: readonly PersonaId[] = [
  "high_utilization",
  "paycheck_to_paycheck",
  "variable_income_budgeter",
  "subscription_heavy",
  "savings_builder",
];

// ── High Utilization ───────────────────────────────────────────────────────────────────────────
/** Brief: "Any card utilization ≥50%". Compared per card, inclusive (exactly 50% matches). */
export const HIGH_UTILIZATION_CARD_UTILIZATION_MIN = 0.5;
/** Brief: "OR interest charges > 0". Interest charged in the window, cents, strictly above. */
export const HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS = 0;
/** Brief: "OR minimum-payment-only". Matches when the engine flags minimum-payment-only behavior. */
export const HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY = true;
/** Brief: "OR is_overdue = true". Matches when any card liability is overdue. */
export const HIGH_UTILIZATION_OVERDUE = true;

// ── Variable Income Budgeter ───────────────────────────────────────────────────────────────────
/** Brief: "Median pay gap > 45 days". Strictly above: 45 days does not match, 46 does. */
export const VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS = 45;
/** Brief: "AND cash-flow buffer < 1 month". Strictly below; a null buffer never matches. */
export const VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS = 1;

// ── Subscription-Heavy ─────────────────────────────────────────────────────────────────────────
/** Brief: "recurring merchants ≥3". Inclusive. */
export const SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN = 3;
/** Brief: "AND (monthly recurring spend ≥$50 in 30d". Inclusive, cents: $49.99 does not match. */
export const SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS = 5_000;
/** Brief: "OR subscription spend share ≥10%)". Inclusive, fraction of total spend in the window. */
export const SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN = 0.1;

// ── Savings Builder ────────────────────────────────────────────────────────────────────────────
/** Brief: "Savings growth rate ≥2% over window". Inclusive; a null growth rate never matches. */
export const SAVINGS_BUILDER_GROWTH_RATE_MIN = 0.02;
/** Brief: "OR net savings inflow ≥$200/month". Inclusive, cents per month. */
export const SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS = 20_000;
/**
 * Brief: "AND all card utilizations < 30%". Strictly below, for every card. No cards: vacuously
 * true. A card without a reported limit (utilization null) does not satisfy "< 30%".
 */
export const SAVINGS_BUILDER_CARD_UTILIZATION_BELOW = 0.3;

// ── Paycheck-to-Paycheck (ours) ────────────────────────────────────────────────────────────────
/**
 * Ours: "an overdraft or insufficient-funds fee in the window" (BANK_FEES_OVERDRAFT_FEES,
 * BANK_FEES_INSUFFICIENT_FUNDS): fee count strictly above 0.
 */
export const PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE = 0;
/** Ours: "AND cash-flow buffer < 1 month". Strictly below; a null buffer never matches. */
export const PAYCHECK_TO_PAYCHECK_CASH_FLOW_BUFFER_BELOW_MONTHS = 1;

/** Every persona rule constant by name, for decision traces and docs. */
export const PERSONA_RULES = {
  HIGH_UTILIZATION_CARD_UTILIZATION_MIN,
  HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS,
  HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY,
  HIGH_UTILIZATION_OVERDUE,
  VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS,
  VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS,
  SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN,
  SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS,
  SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN,
  SAVINGS_BUILDER_GROWTH_RATE_MIN,
  SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS,
  SAVINGS_BUILDER_CARD_UTILIZATION_BELOW,
  PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE,
  PAYCHECK_TO_PAYCHECK_CASH_FLOW_BUFFER_BELOW_MONTHS,
} as const;
export type PersonaRuleName = keyof typeof PERSONA_RULES;
