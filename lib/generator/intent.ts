/**
 * The generator's intent for each user: which personas it meant to plant, computed from the plan's
 * own numbers with the brief's persona rules. These are labels to measure the engine against, not a
 * second implementation of it: they read planted facts (streams, balances, fees), not the feed.
 */
import type { PlanBuilder } from "./builder";
import type { PlannedTxn } from "./model";

/** brief: "any card utilization ≥50% OR interest charges > 0 OR minimum-payment-only OR is_overdue". */
export const INTENT_HIGH_UTILIZATION = 0.5;
/** brief: "median pay gap > 45 days AND cash-flow buffer < 1 month". */
export const INTENT_VARIABLE_INCOME_GAP_DAYS = 45;
export const INTENT_VARIABLE_INCOME_BUFFER_MONTHS = 1;
/** brief: "recurring merchants ≥3 AND (monthly recurring spend ≥$50 in 30d OR subscription spend share ≥10%)", recurring = ≥3 in 90 days. */
export const INTENT_SUBSCRIPTION_MIN_MERCHANTS = 3;
export const INTENT_SUBSCRIPTION_MIN_MONTHLY_CENTS = 5_000;
export const INTENT_RECURRING_WINDOW_DAYS = 90;
export const INTENT_RECURRING_MIN_OCCURRENCES = 3;
/** brief: "savings growth rate ≥2% over window OR net savings inflow ≥$200/month, AND all card utilizations < 30%" (180-day window). */
export const INTENT_SAVINGS_GROWTH = 0.02;
export const INTENT_SAVINGS_MIN_MONTHLY_INFLOW_CENTS = 20_000;
export const INTENT_SAVINGS_MAX_UTILIZATION = 0.3;
export const INTENT_SAVINGS_WINDOW_DAYS = 180;

const PER_YEAR = { WEEKLY: 52, BIWEEKLY: 26, SEMI_MONTHLY: 24, MONTHLY: 12, ANNUALLY: 1 } as const;
const DAYS_PER_MONTH = 30.44;

/** Active monthly/weekly subscriptions with ≥3 charges in the last 90 days, and their monthly equivalent. */
export function recurringSubscriptions(b: PlanBuilder): { count: number; monthlyCents: number } {
  const since = b.period.end - INTENT_RECURRING_WINDOW_DAYS + 1;
  const byStream = new Map<number, PlannedTxn[]>();
  for (const t of b.planned) {
    const s = t.stream >= 0 ? b.streams[t.stream] : null;
    if (!s || s.kind !== "subscription" || !s.labelled || t.day < since) continue;
    if (s.frequency !== "MONTHLY" && s.frequency !== "WEEKLY") continue;
    (byStream.get(t.stream) ?? byStream.set(t.stream, []).get(t.stream)!).push(t);
  }
  let count = 0;
  let monthly = 0;
  for (const [sid, rows] of byStream) {
    if (rows.length < INTENT_RECURRING_MIN_OCCURRENCES) continue;
    count += 1;
    const last = rows.reduce((a, r) => (r.day >= a.day ? r : a));
    monthly += (last.cents * PER_YEAR[b.streams[sid].frequency]) / 12;
  }
  return { count, monthlyCents: Math.round(monthly) };
}

/** Savings-like accounts over the last 180 days: net inflow per month and growth (null from a zero start). */
export function savingsWindow(b: PlanBuilder): { monthlyNetInflow: number; growth: number | null; any: boolean } {
  const { start, end } = b.period;
  const windowStart = Math.max(start, end - INTENT_SAVINGS_WINDOW_DAYS + 1);
  const accounts = new Set<number>();
  let before = 0;
  b.accounts.forEach((a, i) => {
    if (a.role === "savings" || a.role === "hsa") {
      accounts.add(i);
      before += a.openingCents;
    }
  });
  let net = 0;
  for (const t of b.planned) {
    if (!accounts.has(t.account)) continue;
    if (t.day < windowStart) before -= t.cents;
    else net -= t.cents;
  }
  const months = (end - windowStart + 1) / DAYS_PER_MONTH;
  return { monthlyNetInflow: net / months, growth: before > 0 ? net / before : null, any: accounts.size > 0 };
}

const NOT_SPEND = /^(TRANSFER_|LOAN_PAYMENTS_CREDIT_CARD_PAYMENT|INCOME_)/;

/** Average monthly expenses: personal outflows other than own transfers and card payments, plus everyday budgets and fees. */
export function monthlyExpenses(b: PlanBuilder): number {
  let total = 0;
  for (const t of b.planned) {
    const a = b.accounts[t.account];
    if (a.holder_category !== "personal" || t.cents <= 0 || NOT_SPEND.test(t.source.pfc)) continue;
    total += t.cents;
  }
  for (const s of b.slices) if (b.accounts[s.account].holder_category === "personal") total += s.budgetCents;
  for (const f of b.fees) total += f.cents;
  return total / b.periodMonths();
}

export interface IntentInput {
  maxUtilization: number;
  interest: boolean;
  minPaymentOnly: boolean;
  overdue: boolean;
  gig: boolean;
  salaried: boolean;
  medianGapDays: number | null;
  checkingCents: number;
  paycheckToPaycheck: boolean;
}

export function expectedPersonas(b: PlanBuilder, x: IntentInput): string[] {
  const out: string[] = [];
  if (x.maxUtilization >= INTENT_HIGH_UTILIZATION || x.interest || x.minPaymentOnly || x.overdue) out.push("high_utilization");
  const expenses = monthlyExpenses(b);
  const buffer = expenses > 0 ? x.checkingCents / expenses : Infinity;
  if (x.gig && !x.salaried && x.medianGapDays !== null && x.medianGapDays > INTENT_VARIABLE_INCOME_GAP_DAYS && buffer < INTENT_VARIABLE_INCOME_BUFFER_MONTHS) {
    out.push("variable_income_budgeter");
  }
  const subs = recurringSubscriptions(b);
  if (subs.count >= INTENT_SUBSCRIPTION_MIN_MERCHANTS && subs.monthlyCents >= INTENT_SUBSCRIPTION_MIN_MONTHLY_CENTS) out.push("subscription_heavy");
  const sav = savingsWindow(b);
  if (
    sav.any &&
    (sav.monthlyNetInflow >= INTENT_SAVINGS_MIN_MONTHLY_INFLOW_CENTS || (sav.growth !== null && sav.growth >= INTENT_SAVINGS_GROWTH)) &&
    x.maxUtilization < INTENT_SAVINGS_MAX_UTILIZATION
  ) {
    out.push("savings_builder");
  }
  if (x.paycheckToPaycheck) out.push("paycheck_to_paycheck");
  return out;
}
