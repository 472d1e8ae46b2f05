/**
 * "Detected behaviors" for coverage: things a user does that a signal saw in the window. Each is
 * one predicate over the window's signals. Recurring bills (rent, utilities) are not counted:
 * nearly everyone pays them, and counting them would make the "≥ 3 behaviors" bar say little.
 */
import type { WindowSignals } from "../core/signals/types";

export const BEHAVIORS = {
  /** A subscription that meets the recurring rule (≥ 3 charges in 90 days, weekly to monthly). */
  subscriptions: (w: WindowSignals) => w.subscriptions.recurring_merchant_count >= 1,
  /** A card at or above the brief's 30% utilization flag. */
  card_utilization_flag: (w: WindowSignals) => w.credit.cards.some((c) => c.flags.length > 0),
  /** Card interest charged in the window. */
  card_interest: (w: WindowSignals) => w.credit.interest_charged_cents > 0,
  /** Card payments that are only the minimum. */
  minimum_payment_only: (w: WindowSignals) => w.credit.minimum_payment_only,
  /** A card past due. */
  card_overdue: (w: WindowSignals) => w.credit.overdue,
  /** More money moved into savings-like accounts than out of them in the window. */
  savings_inflow: (w: WindowSignals) => w.savings.net_inflow_cents > 0,
  /** A payroll deposit stream. */
  payroll: (w: WindowSignals) => w.income.payroll_detected,
  /** Pay-like deposits (gig payouts, invoices) without a payroll stream. */
  irregular_income: (w: WindowSignals) => !w.income.payroll_detected && w.income.median_pay_gap_days !== null,
  /** An overdraft or insufficient-funds fee. */
  overdraft_fees: (w: WindowSignals) => w.fees.overdraft_fee_count > 0,
} as const satisfies Record<string, (w: WindowSignals) => boolean>;

export type BehaviorId = keyof typeof BEHAVIORS;
export const BEHAVIOR_IDS = Object.keys(BEHAVIORS) as BehaviorId[];

/** The behaviors the window's signals show, in BEHAVIOR_IDS order. */
export function detectBehaviors(w: WindowSignals): BehaviorId[] {
  return BEHAVIOR_IDS.filter((b) => BEHAVIORS[b](w));
}
