/**
 * The two charts over time on a customer's dashboard: the savings balance and the paychecks. Pure;
 * money stays integer cents. The savings balance is walked back from the balance the bank reported
 * today through the savings accounts' own transactions (Plaid's sign: a positive amount left the
 * account), so a balance the bank did not send leaves the whole line unknown, never zero.
 */
import { prepareUser } from "../signals/prepare";
import { dayIso } from "../signals/days";
import { F_PAY } from "../signals/flags";
import { cardLabel } from "../shared/format";
import type { CoreUserData } from "../types";

/** One point of the savings line every this many days (a week: 26 points over 180 days, readable on a phone). */
export const SAVINGS_CHART_STEP_DAYS = 7;

export interface BalancePoint {
  date: string;
  cents: number;
}

export type SavingsHistory =
  | { status: "no_account"; days: number }
  /** A savings-like account's balance was not sent: `accounts` names them ("Savings ending in 1234"). */
  | { status: "unknown"; days: number; accounts: string[] }
  /** Oldest first; the last point is the as-of date's balance. */
  | { status: "known"; days: number; points: BalancePoint[] };

/** The savings balance at the end of every SAVINGS_CHART_STEP_DAYS-th day of the `days` days ending on `asOf`. */
export function savingsHistory(data: CoreUserData, asOf: string, days: number): SavingsHistory {
  const p = prepareUser(data, asOf);
  const savings = p.accounts.filter((a) => a.kind === "savings");
  if (!savings.length) return { status: "no_account", days };
  const missing = savings.filter((a) => a.account.current_cents === null).map((a) => cardLabel(a.account));
  if (missing.length) return { status: "unknown", days, accounts: missing };
  let balance = savings.reduce((s, a) => s + (a.account.current_cents ?? 0), 0);
  const rows = p.txs.filter((r) => r.acct.kind === "savings");
  const points: BalancePoint[] = [];
  let i = rows.length - 1;
  const firstDay = p.asOfDay - days + 1;
  for (let day = p.asOfDay; day >= firstDay; day -= SAVINGS_CHART_STEP_DAYS) {
    // Undo every row after `day`: the balance at the end of `day`.
    for (; i >= 0 && rows[i].day > day; i--) balance += rows[i].amount;
    points.push({ date: dayIso(day), cents: balance });
  }
  return { status: "known", days, points: points.reverse() };
}

export interface PaycheckPoint {
  date: string;
  cents: number;
}

export interface PaycheckHistory {
  days: number;
  /** Pay-like deposits (wages, and income that is not interest, dividends or a tax refund), same-day deposits summed, oldest first. */
  points: PaycheckPoint[];
  total_cents: number;
}

/** The paychecks of the `days` days ending on `asOf`: the rows the income signals count as pay. */
export function paycheckHistory(data: CoreUserData, asOf: string, days: number): PaycheckHistory {
  const p = prepareUser(data, asOf);
  const firstDay = p.asOfDay - days + 1;
  const points: PaycheckPoint[] = [];
  for (const r of p.txs) {
    if (r.day < firstDay || !(r.flags & F_PAY) || r.amount >= 0) continue;
    const date = dayIso(r.day);
    const last = points.at(-1);
    if (last?.date === date) last.cents -= r.amount;
    else points.push({ date, cents: -r.amount });
  }
  return { days, points, total_cents: points.reduce((s, x) => s + x.cents, 0) };
}
