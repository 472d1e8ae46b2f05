/**
 * What a customer reads when they open a suggestion, and the feedback they can leave on it. Pure:
 * lib/db hands the stored trace's eligibility checks in; every sentence goes through the tone check.
 */
import { z } from "zod";
import { GUARDRAIL_RULES as R } from "../guardrails/constants";
import type { EligibilityCheck } from "../guardrails/eligibility";
import { checkCopy } from "../insights/insights";

/** "helpful / not helpful, optional note": the note's length limit (a short comment, not a letter). */
export const FEEDBACK_NOTE_MAX_CHARS = 1000;

/** A suggestion's feedback, from a form ("true"/"false") or JSON (true/false). */
export const FeedbackInputSchema = z.object({
  recommendationId: z.string({ error: "Required" }).trim().min(1, "Required"),
  helpful: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "Choose helpful or not helpful" }),
  note: z
    .string({ error: "Must be text" })
    .trim()
    .max(FEEDBACK_NOTE_MAX_CHARS, `At most ${FEEDBACK_NOTE_MAX_CHARS} characters`)
    .optional()
    .transform((s) => s || null),
});
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;

/** Each eligibility rule in a customer's words (the trace keeps the constant's name). */
const RULE_LABELS: Partial<Record<string, string>> = {
  [R.NOT_PREDATORY]: "A fair product",
  [R.MIN_MONTHLY_INCOME]: "Income",
  [R.MAX_UTILIZATION]: "Card use",
  [R.MIN_UTILIZATION]: "Card use",
  [R.NOT_ALREADY_HELD]: "Something you don't have yet",
  [R.NO_OVERDUE]: "Payments up to date",
  [R.REQUIRES_PAYROLL]: "Regular pay",
  [R.REQUIRES_CREDIT_CARD]: "A credit card",
};

export interface PassedRule {
  label: string;
  detail: string;
}

/**
 * The eligibility rules an offer passed, labeled for the customer. Only passed checks are listed (an
 * offer the customer is shown passed them all); a rule without a label or whose text fails the tone
 * check is left out rather than shown in operator words.
 */
export function passedRules(checks: readonly EligibilityCheck[]): PassedRule[] {
  return checks.flatMap((c) => {
    const label = RULE_LABELS[c.rule];
    if (!c.passed || !label || !checkCopy(c.detail).ok) return [];
    return [{ label, detail: c.detail }];
  });
}

/** The same catalog item can be recommended for both windows: the customer sees it once (the first, in the given order). */
export function onePerItem<T extends { itemId: string }>(recs: readonly T[]): T[] {
  const seen = new Set<string>();
  return recs.filter((r) => !seen.has(r.itemId) && (seen.add(r.itemId), true));
}
