/**
 * Output contract of the signal engine (lib/core/signals). Internal money is integer cents
 * (fields ending in _cents); `toProfileWindowJson` in ./profile.ts renders them for the profile JSON
 * (dollars with two decimals, ratios as fractions).
 */

export type WindowId = "30d" | "180d";
/** The brief's two windows, in days. */
export const WINDOW_DAYS: Record<WindowId, number> = { "30d": 30, "180d": 180 };
export const WINDOW_IDS: WindowId[] = ["30d", "180d"];

export type Frequency = "WEEKLY" | "BIWEEKLY" | "SEMI_MONTHLY" | "MONTHLY" | "ANNUALLY";
export type StreamCategory = "subscription" | "bill" | "debt_payment" | "transfer" | "income" | "other";

/** Which rows and accounts a signal was computed from (for the decision trace). */
export interface Evidence {
  transaction_ids: string[];
  account_ids: string[];
  /** Short plain-language notes of how the value was derived. */
  notes: string[];
}

/** A recurring stream, with the semantics of Plaid's /transactions/recurring/get. */
export interface RecurringStream {
  /** Stable id: direction + merchant key. */
  stream_id: string;
  direction: "inflow" | "outflow";
  /** Display name of the merchant (or payer for inflows). */
  merchant: string;
  /** Normalized identity: merchant_entity_id, else merchant_name, else normalized descriptor. */
  merchant_key: string;
  frequency: Frequency;
  status: "MATURE" | "EARLY_DETECTION";
  /** Absolute values in cents. */
  average_amount_cents: number;
  last_amount_cents: number;
  first_date: string;
  last_date: string;
  predicted_next_date: string;
  occurrences: number;
  category: StreamCategory;
  is_subscription: boolean;
  pfc_primary: string | null;
  pfc_detailed: string | null;
  transaction_ids: string[];
  /** Added (optional): Plaid's is_active: the next charge is not overdue beyond the cadence's grace days. */
  is_active?: boolean;
  /** Added (optional): the stream counts in this window's subscription signals (the "3 in 90 days" rule). */
  meets_recurring_rule?: boolean;
  /** Added (optional): account of the latest charge (Plaid's stream account_id). */
  account_id?: string;
  /** Added (optional): last amount x occurrences per year / 12, cents. */
  monthly_equivalent_cents?: number;
  /** Added (optional): the descriptor rule (lib/core/signals/descriptor-rules.ts) that decided the category of a stream without a PFC category. */
  descriptor_rule?: string;
}

export interface SubscriptionSignals {
  /** Distinct subscription merchants meeting the recurring rule (>= 3 in 90 days, monthly or weekly cadence). */
  recurring_merchant_count: number;
  /** Monthly equivalent of those subscriptions (amount x occurrences per year / 12). */
  monthly_recurring_spend_cents: number;
  /** Total spend in the window (excludes own-account transfers and card payments; refunds netted). */
  total_spend_cents: number;
  /** Subscription spend in the window / total spend in the window (0..1); 0 when there is no spend. */
  share_of_spend: number;
  /** All outflow and inflow streams detected (subscriptions and others), for display. */
  streams: RecurringStream[];
  evidence: Evidence;
}

export interface SavingsSignals {
  has_savings_account: boolean;
  net_inflow_cents: number;
  monthly_net_inflow_cents: number;
  /** null when a savings-like account's balance was not sent (unknown is never zero). */
  start_balance_cents: number | null;
  end_balance_cents: number | null;
  /** (end - start) / start; null when start balance is 0 or unknown (see docs/decisions.md). */
  growth_rate: number | null;
  avg_monthly_expenses_cents: number;
  /** Savings balance / average monthly expenses; null when there are no expenses or the balance is unknown. */
  emergency_fund_months: number | null;
  /** Signals left null because an input was missing: field -> why (see UnknownReasons). */
  unknown?: UnknownReasons;
  evidence: Evidence;
}

/**
 * "Unknown is never zero": a signal that needs a balance or limit the bank did not send is null,
 * and this names why, by the signal's field (e.g. { cash_flow_buffer_months: "the balance of
 * checking ••1234 was not reported" }). Absent or empty when every input was there.
 */
export type UnknownReasons = Record<string, string>;

export type UtilizationFlag = "30" | "50" | "80";

export interface CardSignal {
  account_id: string;
  name: string;
  mask: string | null;
  /** current balance, else the last statement's; null when the bank sent neither. */
  balance_cents: number | null;
  limit_cents: number | null;
  /** balance / limit (0..n); null without a limit or a balance. */
  utilization: number | null;
  /** Why utilization is null when an input was missing (no limit, no balance). */
  unknown_reason?: string;
  flags: UtilizationFlag[];
  minimum_payment_only: boolean;
  interest_charged_cents: number;
  overdue: boolean;
  apr_percentage: number | null;
}

export interface CreditSignals {
  card_count: number;
  max_utilization: number | null;
  cards: CardSignal[];
  minimum_payment_only: boolean;
  /** Interest charged in the window, cents. */
  interest_charged_cents: number;
  overdue: boolean;
  /** max_utilization: why it may understate (a card whose utilization is unknown). */
  unknown?: UnknownReasons;
  evidence: Evidence;
}

export interface IncomeSignals {
  payroll_detected: boolean;
  frequency: Frequency | null;
  paycheck_count: number;
  median_pay_gap_days: number | null;
  /** Coefficient of variation of paycheck amounts (0..n); null with fewer than 2 paychecks. */
  pay_variability: number | null;
  average_paycheck_cents: number | null;
  monthly_income_cents: number;
  /** null when a checking account's balance was not sent (unknown is never zero). */
  checking_balance_cents: number | null;
  avg_monthly_expenses_cents: number;
  /** Checking balance / average monthly expenses; null when there are no expenses or the balance is unknown. */
  cash_flow_buffer_months: number | null;
  unknown?: UnknownReasons;
  evidence: Evidence;
}

export interface FeeSignals {
  /** BANK_FEES_OVERDRAFT_FEES and BANK_FEES_INSUFFICIENT_FUNDS in the window. */
  overdraft_fee_count: number;
  overdraft_fee_cents: number;
  evidence: Evidence;
}

export interface WindowSignals {
  window: WindowId;
  as_of: string;
  /** First day of the window (inclusive); the window ends on as_of (inclusive). */
  start_date: string;
  /** What the engine looked at (cadence detection may look back further than the window). */
  lookback: { from: string; to: string; transactions_read: number; accounts_read: number };
  subscriptions: SubscriptionSignals;
  savings: SavingsSignals;
  credit: CreditSignals;
  income: IncomeSignals;
  fees: FeeSignals;
}

export interface UserSignals {
  user_id: string;
  as_of: string;
  windows: Record<WindowId, WindowSignals>;
}
