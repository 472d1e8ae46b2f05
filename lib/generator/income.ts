/**
 * Income: salaried payroll by ACH (WEEKLY, BIWEEKLY, SEMI_MONTHLY, MONTHLY), irregular platform
 * payouts (gig work), and lumpy freelance invoices from several clients (long, irregular gaps).
 */
import { PlanBuilder, cadenceDays, previousBusinessDay, semiMonthlyDays, nextBusinessDay } from "./builder";
import { FRIDAY, THURSDAY, weekday } from "./days";
import {
  EMPLOYERS, FREELANCE_CLIENTS, FREELANCE_DESCRIPTORS, GIG_PLATFORMS, PAYROLL_DESCRIPTORS, PAYROLL_PROCESSOR_DESCRIPTORS,
  type MerchantDef,
} from "./merchants";
import type { PayFrequency, UserPlan } from "./model";
import type { PfcDetailed } from "./pfc";

export const PAY_FREQUENCY_WEIGHTS: ReadonlyArray<readonly [PayFrequency, number]> = [
  ["BIWEEKLY", 45], ["SEMI_MONTHLY", 25], ["WEEKLY", 13], ["MONTHLY", 17],
];
export const PAYS_PER_YEAR: Record<PayFrequency, number> = { WEEKLY: 52, BIWEEKLY: 26, SEMI_MONTHLY: 24, MONTHLY: 12 };
/** Weekly/biweekly paydays: Friday, else Thursday. */
export const FRIDAY_PAYDAY_RATE = 0.85;
/** Semi-monthly on the 15th and last day (else the 1st and 15th). */
export const SEMI_MONTHLY_15_LAST_RATE = 0.7;
/** Monthly pay on the last business day (else the 1st, else the 25th). */
export const MONTHLY_LAST_DAY_RATE = 0.6;
export const MONTHLY_FIRST_DAY_RATE = 0.2;
/** Share of payroll paid through a processor whose descriptor does not name the employer. */
export const PAYROLL_PROCESSOR_RATE = 0.2;
/** Hourly workers: each paycheck varies (normal, this relative sd), clamped to ±HOURLY_MAX_SWING. */
export const HOURLY_RATE = 0.4;
export const HOURLY_PAY_SD = 0.045;
export const HOURLY_MAX_SWING = 0.12;
/** A raise mid-period: probability and size range. */
export const RAISE_RATE = 0.35;
export const RAISE_RANGE: readonly [number, number] = [0.02, 0.05];
/** A one-off bonus deposit from the employer on a payday (same descriptor, not part of the stream). */
export const BONUS_RATE = 0.15;
export const BONUS_RANGE: readonly [number, number] = [0.2, 1.0];

/** Platform gig workers use 1–3 platforms; payouts come every 1–12 days or so, with some slow spells. */
export const GIG_PLATFORM_COUNT: readonly [number, number] = [1, 3];
export const GIG_GAP_SPREAD: readonly [number, number] = [0.35, 1.7];
export const GIG_BREAK_RATE = 0.35;
export const GIG_BREAK_DAYS: readonly [number, number] = [14, 30];
/** Side gigs of salaried users: monthly payout total (cents). */
export const SIDE_GIG_MONTHLY: readonly [number, number] = [25_000, 90_000];

/**
 * Freelancers: 2–4 clients. "Lumpy" freelancers (most) are paid every 40–85 days (median gap above 45
 * days: the variable-income case); the others every 12–35 days.
 */
export const FREELANCE_CLIENT_COUNT: readonly [number, number] = [2, 4];
export const FREELANCE_LUMPY_RATE = 0.75;
export const FREELANCE_LUMPY_GAP: readonly [number, number] = [40, 85];
export const FREELANCE_STEADY_GAP: readonly [number, number] = [12, 35];
export const FREELANCE_AMOUNT_SIGMA = 0.35;
/** How Plaid categorizes a freelance client's deposits (fixed per client). */
export const FREELANCE_PFC_WEIGHTS: ReadonlyArray<readonly [PfcDetailed, number]> = [
  ["INCOME_OTHER_INCOME", 55], ["INCOME_WAGES", 25], ["TRANSFER_IN_DEPOSIT", 20],
];

export interface IncomeResult {
  payroll: UserPlan["payroll"];
  gig: boolean;
  /** Days of regular income deposits (paydays or gig payouts), ascending. */
  incomeDays: number[];
  /** Median days between income deposits (null with fewer than two). */
  medianGapDays: number | null;
}

const upper = (s: string) => s.toUpperCase().replace(/[^A-Z0-9&' ]/g, "");

export function planIncome(b: PlanBuilder, checking: number): IncomeResult {
  const t = b.traits;
  const days: number[] = [];
  let payroll: UserPlan["payroll"] = null;
  if (t.income === "salaried") payroll = planPayroll(b, checking, days);
  if (t.income === "gig_platform") planPlatformGig(b, checking, t.monthlyIncomeCents, days);
  if (t.income === "gig_freelancer") planFreelance(b, checking, days);
  if (t.sideGig) planPlatformGig(b, checking, b.rng.int(SIDE_GIG_MONTHLY[0], SIDE_GIG_MONTHLY[1]), null);
  days.sort((x, y) => x - y);
  return { payroll, gig: t.income !== "salaried" || t.sideGig, incomeDays: days, medianGapDays: medianGap(days) };
}

function medianGap(days: number[]): number | null {
  if (days.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i] - days[i - 1]);
  gaps.sort((x, y) => x - y);
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}

function payDays(b: PlanBuilder, frequency: PayFrequency): number[] {
  const { start, end } = b.period;
  const rng = b.rng;
  if (frequency === "WEEKLY" || frequency === "BIWEEKLY") {
    const wd = rng.chance(FRIDAY_PAYDAY_RATE) ? FRIDAY : THURSDAY;
    let anchor = start + rng.int(0, 13);
    while (weekday(anchor) !== wd) anchor++;
    return cadenceDays(frequency, anchor, start, end);
  }
  if (frequency === "SEMI_MONTHLY") {
    const [d1, d2] = rng.chance(SEMI_MONTHLY_15_LAST_RATE) ? [15, 31] : [1, 15];
    return semiMonthlyDays(d1, d2, start - 5, end + 5).map(previousBusinessDay).filter((d) => d >= start && d <= end);
  }
  const r = rng.float();
  const dom = r < MONTHLY_LAST_DAY_RATE ? 31 : r < MONTHLY_LAST_DAY_RATE + MONTHLY_FIRST_DAY_RATE ? 1 : 25;
  return semiMonthlyDays(dom, dom, start - 5, end + 5)
    .filter((d, i, a) => i === 0 || d !== a[i - 1])
    .map(previousBusinessDay)
    .filter((d) => d >= start && d <= end);
}

function planPayroll(b: PlanBuilder, checking: number, days: number[]): NonNullable<UserPlan["payroll"]> {
  const rng = b.rng;
  const frequency = rng.weighted(PAY_FREQUENCY_WEIGHTS);
  const employer = rng.pick(EMPLOYERS);
  const viaProcessor = rng.chance(PAYROLL_PROCESSOR_RATE);
  const templates = viaProcessor ? [rng.pick(PAYROLL_PROCESSOR_DESCRIPTORS)] : rng.sample(PAYROLL_DESCRIPTORS, rng.int(1, 3));
  const def: MerchantDef = { key: `employer:${employer}`, name: employer, entityId: null, descriptors: templates, pfc: "INCOME_WAGES", channel: "other" };
  const source = b.source(def, { ctx: { EMP: upper(employer) } });
  const perPay = Math.round((b.traits.monthlyIncomeCents * 12) / PAYS_PER_YEAR[frequency]) + rng.int(-99, 99);
  const hourly = rng.chance(HOURLY_RATE);
  const raiseDay = rng.chance(RAISE_RATE) ? b.period.start + rng.int(60, b.period.end - b.period.start) : Infinity;
  const raise = 1 + rng.uniform(RAISE_RANGE[0], RAISE_RANGE[1]);
  const stream = b.stream(employer, "income", "inflow", frequency, checking);
  const dates = payDays(b, frequency);
  const bonusIdx = rng.chance(BONUS_RATE) && dates.length > 2 ? rng.int(1, dates.length - 1) : -1;
  let last = perPay;
  dates.forEach((d, i) => {
    let amount = d >= raiseDay ? Math.round(perPay * raise) : perPay;
    if (hourly) amount = Math.round(amount * (1 + Math.max(-HOURLY_MAX_SWING, Math.min(HOURLY_MAX_SWING, HOURLY_PAY_SD * rng.normal()))));
    if (b.txn(checking, d, d, -amount, source, stream)) {
      days.push(d);
      last = amount;
    }
    if (i === bonusIdx) b.txn(checking, d, d, -Math.round(perPay * rng.uniform(BONUS_RANGE[0], BONUS_RANGE[1])), source);
  });
  return { frequency, employer, amount_cents: last };
}

function planPlatformGig(b: PlanBuilder, checking: number, monthlyCents: number, days: number[] | null): void {
  const rng = b.rng;
  const platforms = rng.sample(GIG_PLATFORMS, rng.int(GIG_PLATFORM_COUNT[0], days ? GIG_PLATFORM_COUNT[1] : 1));
  const shares = platforms.map(() => rng.uniform(0.5, 1.5));
  const totalShare = shares.reduce((a, x) => a + x, 0);
  const { start, end } = b.period;
  platforms.forEach((p, i) => {
    const monthly = (monthlyCents * shares[i]) / totalShare;
    const meanGap = Math.max(1, Math.min(20, (30.44 * p.median) / monthly));
    const source = b.source(p.merchant);
    let d = start + rng.int(0, Math.ceil(meanGap));
    const breakAt = rng.chance(GIG_BREAK_RATE) ? start + rng.int(30, Math.max(31, end - start - 30)) : Infinity;
    let onBreak = false;
    while (d <= end) {
      const posted = nextBusinessDay(d);
      const amount = Math.round(rng.logNormal(p.median, p.sigma));
      if (b.txn(checking, posted, posted, -amount, source) && days) days.push(posted);
      let gap = Math.max(1, Math.round(meanGap * rng.uniform(GIG_GAP_SPREAD[0], GIG_GAP_SPREAD[1])));
      if (!onBreak && d + gap >= breakAt) {
        onBreak = true;
        gap += rng.int(GIG_BREAK_DAYS[0], GIG_BREAK_DAYS[1]);
      }
      d = posted + gap;
    }
  });
}

function planFreelance(b: PlanBuilder, checking: number, days: number[]): void {
  const rng = b.rng;
  const clients = rng.sample(FREELANCE_CLIENTS, rng.int(FREELANCE_CLIENT_COUNT[0], FREELANCE_CLIENT_COUNT[1]));
  const sources = clients.map((c) => {
    const template = rng.pick(FREELANCE_DESCRIPTORS);
    const named = template.includes("{CLIENT}");
    const def: MerchantDef = { key: `client:${c}`, name: named ? c : null, entityId: null, descriptors: [template], pfc: rng.weighted(FREELANCE_PFC_WEIGHTS), channel: "other" };
    return b.source(def, { ctx: { CLIENT: upper(c) } });
  });
  const [gLo, gHi] = rng.chance(FREELANCE_LUMPY_RATE) ? FREELANCE_LUMPY_GAP : FREELANCE_STEADY_GAP;
  const meanGap = (gLo + gHi) / 2;
  const meanAmount = (b.traits.monthlyIncomeCents * meanGap) / 30.44;
  const { start, end } = b.period;
  let d = start + rng.int(0, gHi - gLo);
  while (d <= end) {
    const posted = nextBusinessDay(d);
    const amount = Math.round(rng.logNormal(meanAmount, FREELANCE_AMOUNT_SIGMA));
    if (b.txn(checking, posted, posted, -amount, rng.pick(sources))) days.push(posted);
    d = posted + rng.int(gLo, gHi);
  }
}
