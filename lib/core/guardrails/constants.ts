/** Guardrail constants; the decision trace names them. */

/** Shown with every recommendation, exactly. */
export const DISCLOSURE =
  "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.";

/** Product kinds we never show, whatever a catalog says about them. */
export const PREDATORY_OFFER_KINDS = [
  "payday_loan",
  "title_loan",
  "pawn_loan",
  "cash_advance_app",
  "rent_to_own",
  "high_cost_installment_loan",
  "tax_refund_anticipation_loan",
] as const;

/**
 * A credit product above this APR is treated as predatory and refused (the 36% cap of the
 * Military Lending Act and most state small-loan laws, the usual consumer-advocacy line).
 */
export const PREDATORY_APR_ABOVE_PERCENT = 36;

/** Guardrail and eligibility rule names, as they appear in traces. */
export const GUARDRAIL_RULES = {
  NOT_PREDATORY: "NOT_PREDATORY",
  KNOWN_ELIGIBILITY_FIELDS: "KNOWN_ELIGIBILITY_FIELDS",
  MIN_MONTHLY_INCOME: "MIN_MONTHLY_INCOME",
  MAX_UTILIZATION: "MAX_UTILIZATION",
  MIN_UTILIZATION: "MIN_UTILIZATION",
  NOT_ALREADY_HELD: "NOT_ALREADY_HELD",
  NO_OVERDUE: "NO_OVERDUE",
  REQUIRES_PAYROLL: "REQUIRES_PAYROLL",
  REQUIRES_CREDIT_CARD: "REQUIRES_CREDIT_CARD",
  TONE: "TONE",
  NO_ADVICE_LANGUAGE: "NO_ADVICE_LANGUAGE",
  DISCLOSURE: "DISCLOSURE",
  GROUNDED_NUMBERS: "GROUNDED_NUMBERS",
  NON_EMPTY_RATIONALE: "NON_EMPTY_RATIONALE",
  OFFER_ELIGIBLE: "OFFER_ELIGIBLE",
  CONSENT: "CONSENT",
} as const;
export type GuardrailRuleName = keyof typeof GUARDRAIL_RULES;
