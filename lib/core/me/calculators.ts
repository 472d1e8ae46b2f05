/**
 * The two planners on a customer's dashboard, pure and in integer cents: an emergency-fund planner
 * (months of expenses saved; the monthly amount that reaches a target in N months) and a card payoff
 * planner (avalanche vs snowball: months to pay off and total interest). Education, not advice: the
 * figures are arithmetic on the customer's own numbers and the assumptions named below.
 */
import type { WindowSignals } from "../signals/types";
import { cardLabel } from "../shared/format";

/** A common rule of thumb: three months of expenses set aside (the planner's starting target; the customer can change it). */
export const EMERGENCY_FUND_DEFAULT_TARGET_MONTHS = 3;
/** The planner's starting horizon for reaching the target, in months. */
export const EMERGENCY_FUND_DEFAULT_MONTHS_TO_GOAL = 12;

export interface EmergencyFundInput {
  savings_cents: number;
  monthly_expenses_cents: number;
  target_months: number;
  months_to_goal: number;
}

export interface EmergencyFundPlan {
  /** Savings / monthly expenses; null without expenses. */
  months_saved: number | null;
  target_cents: number;
  shortfall_cents: number;
  /** What to set aside each month to close the shortfall in months_to_goal (rounded up to the cent); 0 when already there. */
  monthly_cents: number;
}

export function emergencyFundPlan(i: EmergencyFundInput): EmergencyFundPlan {
  const target = Math.round(i.target_months * i.monthly_expenses_cents);
  const shortfall = Math.max(0, target - i.savings_cents);
  return {
    months_saved: i.monthly_expenses_cents > 0 ? i.savings_cents / i.monthly_expenses_cents : null,
    target_cents: target,
    shortfall_cents: shortfall,
    monthly_cents: shortfall === 0 ? 0 : Math.ceil(shortfall / Math.max(1, Math.floor(i.months_to_goal))),
  };
}

/** A card issuer's usual minimum payment: this share of the balance plus the month's interest ... */
export const MIN_PAYMENT_BALANCE_SHARE = 0.01;
/** ... and never less than this (or the whole balance when it is smaller). */
export const MIN_PAYMENT_FLOOR_CENTS = 2_500;
/** A card whose APR the bank did not report is planned at this APR (near the US average card APR); the customer can change it. */
export const ASSUMED_APR_PERCENT = 24;
/** The planner's starting budget: the cards' first minimums plus this much. */
export const PAYOFF_DEFAULT_EXTRA_CENTS = 10_000;
/**
 * A loop bound, never reached: a budget that covers the first minimums pays at least 1% of the
 * balance plus the interest every month, so the cards are paid off within about 100 months.
 */
const PAYOFF_MAX_MONTHS = 600;

export interface PayoffCard {
  label: string;
  balance_cents: number;
  apr_percentage: number;
}

export type PayoffStrategy = "avalanche" | "snowball";

export type PayoffResult =
  | { ok: true; strategy: PayoffStrategy; months: number; total_interest_cents: number; total_paid_cents: number; order: string[] }
  | { ok: false; strategy: PayoffStrategy; reason: "below_minimums"; minimums_cents: number };

const monthlyInterest = (balance: number, apr: number) => Math.round((balance * apr) / 100 / 12);

/** The minimum due on a balance that has just accrued `interest`. */
export function minimumPayment(balance: number, interest: number): number {
  return Math.min(balance, Math.max(MIN_PAYMENT_FLOOR_CENTS, Math.round(balance * MIN_PAYMENT_BALANCE_SHARE) + interest));
}

/** The minimums due in the first month: what any budget must at least cover. */
export function firstMinimums(cards: readonly PayoffCard[]): number {
  return cards.reduce((a, c) => (c.balance_cents > 0 ? a + minimumPayment(c.balance_cents + monthlyInterest(c.balance_cents, c.apr_percentage), monthlyInterest(c.balance_cents, c.apr_percentage)) : a), 0);
}

/** Avalanche: highest APR first (then smaller balance); snowball: smallest balance first (then higher APR). */
function targetOrder(cards: { bal: number; apr: number; i: number }[], strategy: PayoffStrategy) {
  return [...cards].sort((a, b) => (strategy === "avalanche" ? b.apr - a.apr || a.bal - b.bal : a.bal - b.bal || b.apr - a.apr) || a.i - b.i);
}

/**
 * Pays `budget_cents` a month: each card's minimum, then everything left to one card at a time in the
 * strategy's order (a paid-off card's payment rolls to the next). Interest accrues monthly at APR / 12.
 */
export function payoffPlan(cards: readonly PayoffCard[], budget_cents: number, strategy: PayoffStrategy): PayoffResult {
  const minimums = firstMinimums(cards);
  if (budget_cents < minimums) return { ok: false, strategy, reason: "below_minimums", minimums_cents: minimums };
  const state = cards.map((c, i) => ({ bal: c.balance_cents, apr: c.apr_percentage, i }));
  const order: string[] = [];
  let months = 0;
  let interest = 0;
  let paid = 0;
  while (state.some((c) => c.bal > 0)) {
    if (months === PAYOFF_MAX_MONTHS) throw new Error(`payoff plan did not finish in ${PAYOFF_MAX_MONTHS} months`);
    months++;
    let left = budget_cents;
    const active = state.filter((c) => c.bal > 0);
    for (const c of active) {
      const charge = monthlyInterest(c.bal, c.apr);
      c.bal += charge;
      interest += charge;
      const due = Math.min(left, minimumPayment(c.bal, charge));
      c.bal -= due;
      left -= due;
    }
    for (const c of targetOrder(active, strategy)) {
      const extra = Math.min(left, c.bal);
      c.bal -= extra;
      left -= extra;
    }
    paid += budget_cents - left;
    for (const c of active) if (c.bal === 0) order.push(cards[c.i].label);
  }
  return { ok: true, strategy, months, total_interest_cents: interest, total_paid_cents: paid, order };
}

export interface PlannerDefaults {
  /** savings_cents is null when the bank did not send a savings balance: the planner asks for it (unknown is never zero). */
  emergency: Omit<EmergencyFundInput, "savings_cents"> & { savings_cents: number | null };
  payoff: { cards: PayoffCard[]; budget_cents: number; assumed_apr: string[] };
}

/**
 * The planners' starting numbers, the customer's own: savings balance and average monthly expenses
 * from the long window (steadier), card balances and APRs from the recent one; a card without a
 * reported APR starts at ASSUMED_APR_PERCENT (named in assumed_apr).
 */
export function plannerDefaults(recent: WindowSignals | null, long: WindowSignals | null): PlannerDefaults {
  const sav = (long ?? recent)?.savings;
  // A card whose balance the bank did not send is left out: unknown is never zero (docs/decisions.md).
  const owed = ((recent ?? long)?.credit.cards ?? []).flatMap((c) => (c.balance_cents !== null && c.balance_cents > 0 ? [{ ...c, balance_cents: c.balance_cents }] : []));
  const cards = owed.map((c) => ({ label: cardLabel(c), balance_cents: c.balance_cents, apr_percentage: c.apr_percentage ?? ASSUMED_APR_PERCENT }));
  const budget = cards.length ? Math.ceil((firstMinimums(cards) + PAYOFF_DEFAULT_EXTRA_CENTS) / 100) * 100 : 0;
  return {
    emergency: {
      // No savings-like account is $0 saved; an account whose balance was not sent is unknown (null).
      savings_cents: !sav?.has_savings_account ? 0 : sav.end_balance_cents === null ? null : Math.max(0, sav.end_balance_cents),
      monthly_expenses_cents: sav?.avg_monthly_expenses_cents ?? 0,
      target_months: EMERGENCY_FUND_DEFAULT_TARGET_MONTHS,
      months_to_goal: EMERGENCY_FUND_DEFAULT_MONTHS_TO_GOAL,
    },
    payoff: { cards, budget_cents: budget, assumed_apr: owed.filter((c) => c.apr_percentage === null).map(cardLabel) },
  };
}
