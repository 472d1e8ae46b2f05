/**
 * The checking account, simulated day by day over the period so that its balance, the everyday
 * debit-card budget of each month and the overdraft / NSF fees agree.
 *
 * Spending follows the money: each month's everyday debit budget is the user's usual spend nudged
 * toward a target balance (spend more when flush, less when short). Paycheck-to-paycheck users have
 * a target near zero, so rent or a bill landing before payday takes them below zero and the bank
 * charges fees; everybody else has a buffer, raised until they never go below zero.
 */
import type { PlanBuilder } from "./builder";
import { monthSlices } from "./days";
import { MAINTENANCE_FEE_DESCRIPTORS } from "./merchants";

/** Share of the gap to the target balance closed by next month's spending. */
export const CONTROLLER_GAIN = 0.3;
/** Freelancers spend a windfall faster (and so live with a thin buffer between invoices). */
export const CONTROLLER_GAIN_FREELANCER = 0.6;
/** Below zero people cut back harder. */
export const CONTROLLER_GAIN_NEGATIVE = 0.8;
/** Monthly everyday debit spend stays within [FLOOR, CAP] x the usual amount. */
export const DEBIT_FLOOR_SHARE = 0.25;
export const DEBIT_CAP_MULTIPLE = 2.5;
/** A bank charges a fee when an item posts into a negative balance, again every few days while negative, at most a few per episode. */
export const FEE_REPEAT_DAYS = 5;
export const MAX_FEES_PER_EPISODE = 2;
/** Banks waive the fee when the account is overdrawn by less than this (cents). */
export const OVERDRAFT_DE_MINIMIS_CENTS = 5_000;
export const FEE_CENTS: readonly number[] = [3_000, 3_400, 3_500, 3_600];
/** Users who opted out of overdraft coverage get NSF (returned item) fees instead, mostly. */
export const NSF_USER_RATE = 0.3;
export const NSF_SHARE_NSF_USER = 0.85;
export const NSF_SHARE_OVERDRAFT_USER = 0.1;
/** Non-paycheck-to-paycheck users: buffer raised (this many times at most) until the balance never dips below this margin. */
export const BUFFER_RETRIES = 3;
export const BUFFER_MARGIN_CENTS = 20_000;
/** Freelancers run their account down to (but not below) empty before an invoice is paid. */
export const BUFFER_MARGIN_FREELANCER_CENTS = 2_000;

export interface CheckingInput {
  checking: number;
  opening: number;
  target: number;
  /** Usual everyday debit spend per month (cents). */
  baseDebit: number;
  /** Average everyday purchase (cents), to size the rows of each month. */
  ticket: number;
}

export interface CheckingResult {
  opening: number;
  current: number;
  feeCount: number;
  /** Average everyday debit spend per month actually planned. */
  monthlyDebit: number;
}

interface Run {
  balance: number;
  min: number;
  feeDays: Array<{ day: number; windowStart: number; windowEnd: number }>;
  budgets: Array<{ start: number; end: number; cents: number }>;
}

export function simulateChecking(b: PlanBuilder, input: CheckingInput): CheckingResult {
  const rng = b.rng;
  const { start, end } = b.period;
  const n = end - start + 1;
  const flow = new Float64Array(n);
  for (const t of b.planned) if (t.account === input.checking) flow[t.day - start] -= t.cents;
  const feeCents = rng.pick(FEE_CENTS);
  const nsfShare = rng.chance(NSF_USER_RATE) ? NSF_SHARE_NSF_USER : NSF_SHARE_OVERDRAFT_USER;

  const gain = b.traits.income === "gig_freelancer" ? CONTROLLER_GAIN_FREELANCER : CONTROLLER_GAIN;
  const run = (opening: number, target: number): Run => {
    const r: Run = { balance: opening, min: Infinity, feeDays: [], budgets: [] };
    let negative = false;
    let feesInEpisode = 0;
    let sinceFee = 0;
    for (const s of monthSlices(start, end)) {
      const len = s.end - s.start + 1;
      const frac = len / s.monthDays;
      const raw = input.baseDebit + (r.balance < 0 ? CONTROLLER_GAIN_NEGATIVE : gain) * (r.balance - target);
      const monthly = Math.min(DEBIT_CAP_MULTIPLE * input.baseDebit, Math.max(DEBIT_FLOOR_SHARE * input.baseDebit, raw));
      const cents = Math.round(monthly * frac);
      r.budgets.push({ start: s.start, end: s.end, cents });
      const daily = cents / len;
      for (let d = s.start; d <= s.end; d++) {
        r.balance += flow[d - start] - daily;
        if (r.balance < 0) {
          if (!negative) {
            negative = true;
            feesInEpisode = 0;
            sinceFee = FEE_REPEAT_DAYS;
          }
          if (feesInEpisode < MAX_FEES_PER_EPISODE && sinceFee >= FEE_REPEAT_DAYS && r.balance < -OVERDRAFT_DE_MINIMIS_CENTS) {
            r.balance -= feeCents;
            r.feeDays.push({ day: d, windowStart: s.start, windowEnd: s.end });
            feesInEpisode++;
            sinceFee = 0;
          }
          sinceFee++;
        } else negative = false;
        r.min = Math.min(r.min, r.balance);
      }
    }
    return r;
  };

  let opening = input.opening;
  let target = input.target;
  let r = run(opening, target);
  const margin = b.traits.income === "gig_freelancer" ? BUFFER_MARGIN_FREELANCER_CENTS : BUFFER_MARGIN_CENTS;
  for (let i = 0; i < BUFFER_RETRIES && !b.traits.paycheckToPaycheck && r.min < margin; i++) {
    const raise = Math.ceil(margin - r.min);
    opening += raise;
    target += raise;
    r = run(opening, target);
  }
  // A fee may push the balance further below zero; count what the final run charged.
  for (const f of r.feeDays) {
    b.fees.push({ account: input.checking, day: f.day, windowStart: f.windowStart, windowEnd: f.windowEnd, cents: feeCents, type: rng.chance(nsfShare) ? "nsf" : "overdraft" });
  }
  let total = 0;
  for (const m of r.budgets) {
    total += m.cents;
    if (m.cents > 0) b.slices.push({ account: input.checking, start: m.start, end: m.end, budgetCents: m.cents, count: Math.max(1, Math.round(m.cents / input.ticket)), mix: "personal" });
  }
  const opened = Math.round(opening);
  let current = opened;
  for (const t of b.planned) if (t.account === input.checking) current -= t.cents;
  current -= total + r.feeDays.length * feeCents;
  return { opening: opened, current, feeCount: r.feeDays.length, monthlyDebit: total / b.periodMonths() };
}

/** Paycheck-to-paycheck accounts often pay a flat monthly maintenance fee (recurring, stable, and not a subscription). */
export const MAINTENANCE_FEE_RATE = 0.5;
export const MAINTENANCE_FEE_CENTS: readonly number[] = [500, 1_000, 1_200, 1_500];

export function planMaintenanceFee(b: PlanBuilder, checking: number): void {
  const rng = b.rng;
  const src = b.rawSource(MAINTENANCE_FEE_DESCRIPTORS, "BANK_FEES_OTHER_BANK_FEES", "other");
  const cents = rng.pick(MAINTENANCE_FEE_CENTS);
  const stream = b.stream("Monthly maintenance fee", "bill", "outflow", "MONTHLY", checking);
  for (const s of monthSlices(b.period.start, b.period.end)) {
    if (s.end - s.start + 1 === s.monthDays) b.txn(checking, s.end, s.end, cents, src, stream);
  }
}
