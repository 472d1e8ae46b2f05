/**
 * Recurring streams with the semantics of Plaid's /transactions/recurring/get: inflow and outflow
 * streams per merchant, frequency, average and last amount, first/last/predicted next date,
 * MATURE from 3 occurrences (2 for ANNUALLY), EARLY_DETECTION before, is_active.
 *
 * Per merchant key and direction: the rows in date order form a stream when their gaps fit one
 * cadence band (CADENCE_BANDS, with a few missed or displaced charges tolerated) and their amounts are
 * stable (at most one price change a year), or, for bills/debt/transfers/income, vary moderately.
 * When a merchant's rows do not form one stream (a subscription among one-off purchases, two plans at
 * one merchant), they are split by amount and each split is tried on its own.
 */
import type { CoreAccount, CoreTransaction } from "../types";
import { addMonths } from "../time";
import {
  AMOUNT_CLUSTER_MIN_OCCURRENCES,
  AMOUNT_TOLERANCE,
  AMOUNT_TOLERANCE_MIN_CENTS,
  BAD_GAPS_PER,
  BIWEEKLY_EXACT_SHARE,
  CADENCE_BANDS,
  MATURE_MIN_OCCURRENCES,
  MATURE_MIN_OCCURRENCES_ANNUAL,
  MAX_PRICE_CHANGES_BASE,
  MAX_PRICE_CHANGES_PER_OCCURRENCES,
  SEMI_MONTHLY_MIN_MEAN_GAP,
  SERVICE_CADENCES,
  SKIPS_PER,
  STREAM_MIN_OCCURRENCES,
  VARIABLE_STREAM_MAX_CV,
} from "./constants";
import { displayName } from "./descriptor";
import {
  D_BILL,
  D_LOAN,
  F_CARD_PAYMENT,
  F_INCOME,
  F_OWN_TRANSFER,
  F_STREAM,
  F_STREAM_CATEGORY,
  F_WAGE,
  dayIso,
  isoDay,
  prepareUser,
  type PTx,
  type PreparedUser,
} from "./prepare";
import type { Frequency, RecurringStream, StreamCategory } from "./types";

/** A stream plus what the window computations need. */
export interface StreamInternal {
  stream: RecurringStream;
  rows: PTx[];
  predictedDay: number;
  lastDay: number;
  active: boolean;
  /** An inflow stream of wages (INCOME_WAGES or payroll descriptors). */
  isPayroll: boolean;
  /** Last amount x occurrences per year / 12, cents. */
  monthlyEquivalent: number;
}

interface Cadence {
  frequency: Frequency;
  badGaps: number;
  skips: number;
}

/** Which cadence the gaps of `days` (sorted) fit, or null. */
export function detectCadence(days: number[]): Cadence | null {
  const n = days.length;
  if (n < STREAM_MIN_OCCURRENCES) return null;
  const gaps = new Array<number>(n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = days[i] - days[i - 1];
  const sorted = gaps.slice().sort((a, b) => a - b);
  const median = sorted[(sorted.length - 1) >> 1];

  let freq: Frequency | null = null;
  for (const f of ["WEEKLY", "BIWEEKLY", "MONTHLY", "ANNUALLY"] as const) {
    const b = CADENCE_BANDS[f];
    if (median >= b.gap[0] && median <= b.gap[1]) {
      freq = f;
      break;
    }
  }
  if (!freq) return null;

  let band = CADENCE_BANDS[freq];
  let fit = 0;
  let skips = 0;
  let bad = 0;
  let periods = 0;
  let exact14 = 0;
  for (const g of gaps) {
    if (g >= band.gap[0] && g <= band.gap[1]) {
      fit++;
      periods += 1;
      if (g === 14) exact14++;
    } else if (g >= band.skipGap[0] && g <= band.skipGap[1]) {
      skips++;
      periods += 2;
    } else {
      bad++;
      periods += Math.max(1, Math.round(g / band.period));
    }
  }
  const span = days[n - 1] - days[0];
  const mean = span / periods;
  if (freq === "BIWEEKLY") {
    // BIWEEKLY and SEMI_MONTHLY share the [10, 20] band: same weekday every time, or a mean under 15.2 days.
    if (!(exact14 >= BIWEEKLY_EXACT_SHARE * fit) && mean >= SEMI_MONTHLY_MIN_MEAN_GAP) {
      freq = "SEMI_MONTHLY";
      band = CADENCE_BANDS.SEMI_MONTHLY;
    }
  }
  const nGaps = gaps.length;
  if (bad > Math.floor(nGaps / BAD_GAPS_PER)) return null;
  if (skips > Math.max(1, Math.floor(nGaps / SKIPS_PER))) return null;
  if (skips >= fit) return null;
  if (Math.abs(mean - band.period) > band.meanTolerance) return null;
  return { frequency: freq, badGaps: bad, skips };
}

/** Two charges are "the same price" (see AMOUNT_TOLERANCE). */
export function samePrice(a: number, b: number): boolean {
  const hi = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(Math.abs(a) - Math.abs(b)) <= Math.max(AMOUNT_TOLERANCE * hi, AMOUNT_TOLERANCE_MIN_CENTS);
}

function amountStats(amounts: number[]): { stable: boolean; cv: number; priceChanges: number; mean: number } {
  const n = amounts.length;
  let changes = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += amounts[i];
    if (i > 0 && !samePrice(amounts[i - 1], amounts[i])) changes++;
  }
  const mean = sum / n;
  let ss = 0;
  for (const a of amounts) ss += (a - mean) * (a - mean);
  const cv = mean > 0 ? Math.sqrt(ss / n) / mean : 0;
  const allowed = MAX_PRICE_CHANGES_BASE + Math.floor((n - 1) / MAX_PRICE_CHANGES_PER_OCCURRENCES);
  return { stable: changes <= allowed, cv, priceChanges: changes, mean };
}

function lastWithPfc(rows: PTx[]): CoreTransaction {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].tx.pfc_primary) return rows[i].tx;
  return rows[rows.length - 1].tx;
}

/** Categories of services (subscriptions) by PFC. */
function isServiceCategory(primary: string, detailed: string | null): boolean {
  if (primary === "ENTERTAINMENT") return detailed !== "ENTERTAINMENT_CASINOS_AND_GAMBLING";
  if (primary === "GENERAL_SERVICES") return true;
  return detailed === "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS";
}

/** Bills among the PFC categories (rent, utilities, phone, insurance, mortgage, childcare, tuition). */
function isBillCategory(primary: string, detailed: string | null): boolean {
  return (
    primary === "RENT_AND_UTILITIES" ||
    detailed === "GENERAL_SERVICES_INSURANCE" ||
    detailed === "GENERAL_SERVICES_CHILDCARE" ||
    detailed === "GENERAL_SERVICES_EDUCATION" ||
    detailed === "LOAN_PAYMENTS_MORTGAGE_PAYMENT"
  );
}

/** Outflow or inflow stream category (see docs/decisions.md, Signals). */
export function classifyStream(
  direction: "inflow" | "outflow",
  rows: PTx[],
  frequency: Frequency,
  stable: boolean,
): { category: StreamCategory; isPayroll: boolean } {
  const last = rows[rows.length - 1];
  const rep = lastWithPfc(rows);
  const primary = rep.pfc_primary;
  const detailed = rep.pfc_detailed;
  if (direction === "inflow") {
    let wage = 0;
    let income = 0;
    for (const r of rows) {
      if (r.flags & F_WAGE) wage++;
      if (r.flags & F_INCOME) income++;
    }
    if (wage * 2 > rows.length) return { category: "income", isPayroll: true };
    if (income * 2 > rows.length) return { category: "income", isPayroll: false };
    if (last.flags & (F_OWN_TRANSFER | F_CARD_PAYMENT) || primary === "TRANSFER_IN") return { category: "transfer", isPayroll: false };
    return { category: "other", isPayroll: false };
  }
  if (last.flags & F_OWN_TRANSFER) return { category: "transfer", isPayroll: false };
  if (last.flags & F_CARD_PAYMENT) return { category: "debt_payment", isPayroll: false };
  if (primary) {
    if (isBillCategory(primary, detailed)) return { category: "bill", isPayroll: false };
    if (primary === "LOAN_PAYMENTS") return { category: "debt_payment", isPayroll: false };
    if (primary === "TRANSFER_OUT" || primary === "TRANSFER_IN") return { category: "other", isPayroll: false };
    if (isServiceCategory(primary, detailed)) return { category: stable ? "subscription" : "other", isPayroll: false };
    return { category: "other", isPayroll: false };
  }
  // No PFC: the descriptor, then "stable amount and a service-like cadence" is a subscription.
  if (last.dflags & D_LOAN) return { category: "debt_payment", isPayroll: false };
  if (last.dflags & D_BILL) return { category: "bill", isPayroll: false };
  if (stable && SERVICE_CADENCES.includes(frequency)) return { category: "subscription", isPayroll: false };
  return { category: "other", isPayroll: false };
}

function dayOfMonth(iso: string): number {
  return (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
}

/** Plaid-style predicted next date. Monthly keeps the stream's usual day of month (Jan 31 -> Feb 29 -> Mar 31 -> Apr 30). */
export function predictNext(dates: string[], frequency: Frequency): string {
  const last = dates[dates.length - 1];
  const lastDay = isoDay(last);
  switch (frequency) {
    case "WEEKLY":
      return dayIso(lastDay + 7);
    case "BIWEEKLY":
      return dayIso(lastDay + 14);
    case "SEMI_MONTHLY":
      return dayIso(lastDay + 15);
    case "ANNUALLY":
      return addMonths(last, 12);
    case "MONTHLY": {
      // The usual day of month: median of the last three (the later of two), so a clamped Feb 29 keeps 31.
      const recent = dates.slice(-3).map(dayOfMonth).sort((x, y) => x - y);
      const anchor = recent.length === 3 ? recent[1] : recent[recent.length - 1];
      const monthStart = `${last.slice(0, 8)}01`;
      for (let k = 0; k <= 2; k++) {
        const m = addMonths(monthStart, k);
        const iso = `${m.slice(0, 8)}${String(Math.min(anchor, monthLength(m))).padStart(2, "0")}`;
        // A charge pulled early or pushed late by a few days still predicts the next calendar month.
        if (isoDay(iso) - lastDay >= 15) return iso;
      }
      return addMonths(last, 1);
    }
  }
}

function monthLength(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function buildStream(
  rows: PTx[],
  direction: "inflow" | "outflow",
  key: string,
  asOfDay: number,
  idSuffix: string,
): StreamInternal | null {
  const n = rows.length;
  if (n < STREAM_MIN_OCCURRENCES) return null;
  const days = rows.map((r) => r.day);
  const cad = detectCadence(days);
  if (!cad) return null;
  const amounts = rows.map((r) => Math.abs(r.amount));
  const st = amountStats(amounts);
  const { category, isPayroll } = classifyStream(direction, rows, cad.frequency, st.stable);
  const variableOk = category === "bill" || category === "debt_payment" || category === "transfer" || category === "income";
  if (n === 2 || (n === MATURE_MIN_OCCURRENCES_ANNUAL && cad.frequency === "ANNUALLY")) {
    // Two charges are a weak cadence: demand the same price and a category that recurs by nature.
    if (!st.stable || !samePrice(amounts[0], amounts[1])) return null;
    if (category === "other") return null;
  } else if (!st.stable && !(variableOk && st.cv <= VARIABLE_STREAM_MAX_CV)) {
    return null;
  }

  const dates = rows.map((r) => r.tx.date);
  const predicted = predictNext(dates, cad.frequency);
  const predictedDay = isoDay(predicted);
  const band = CADENCE_BANDS[cad.frequency];
  const active = asOfDay <= predictedDay + band.activeGraceDays;
  const lastRow = rows[n - 1];
  const lastAmount = Math.abs(lastRow.amount);
  const monthlyEquivalent = Math.round((lastAmount * band.perYear) / 12);
  const mature = n >= (cad.frequency === "ANNUALLY" ? MATURE_MIN_OCCURRENCES_ANNUAL : MATURE_MIN_OCCURRENCES);
  let merchantName: string | null = null;
  for (let i = n - 1; i >= 0 && !merchantName; i--) merchantName = rows[i].tx.merchant_name;
  const rep = lastWithPfc(rows);
  const stream: RecurringStream = {
    stream_id: `${direction}:${key}${idSuffix}`,
    direction,
    merchant: merchantName ?? displayName(key),
    merchant_key: key,
    frequency: cad.frequency,
    status: mature ? "MATURE" : "EARLY_DETECTION",
    average_amount_cents: Math.round(st.mean),
    last_amount_cents: lastAmount,
    first_date: rows[0].tx.date,
    last_date: lastRow.tx.date,
    predicted_next_date: predicted,
    occurrences: n,
    category,
    is_subscription: category === "subscription" && direction === "outflow",
    pfc_primary: rep.pfc_primary,
    pfc_detailed: rep.pfc_detailed,
    transaction_ids: rows.map((r) => r.tx.transaction_id),
    is_active: active,
    account_id: lastRow.tx.account_id,
    monthly_equivalent_cents: monthlyEquivalent,
  };
  return { stream, rows, predictedDay, lastDay: lastRow.day, active, isPayroll, monthlyEquivalent };
}

/** Splits rows (date order) into groups of the same price, each in date order. */
function amountClusters(rows: PTx[]): PTx[][] {
  const byAmount = rows.slice().sort((a, b) => Math.abs(a.amount) - Math.abs(b.amount) || a.day - b.day);
  const clusters: PTx[][] = [];
  let cur: PTx[] = [];
  let anchor = 0;
  for (const r of byAmount) {
    const a = Math.abs(r.amount);
    if (cur.length && !samePrice(anchor, a)) {
      clusters.push(cur);
      cur = [];
    }
    if (!cur.length) anchor = a;
    cur.push(r);
  }
  if (cur.length) clusters.push(cur);
  for (const c of clusters) c.sort((a, b) => a.day - b.day);
  return clusters;
}

const CATEGORY_ORDER: Record<StreamCategory, number> = { subscription: 0, bill: 1, debt_payment: 2, income: 3, transfer: 4, other: 5 };

/** Streams of a prepared user (all rows in its look-back). */
export function detectStreamsPrepared(p: PreparedUser): StreamInternal[] {
  const groups = new Map<string, PTx[]>();
  for (const r of p.txs) {
    if (!(r.flags & F_STREAM)) continue;
    const g = (r.amount > 0 ? "o|" : "i|") + r.key;
    let arr = groups.get(g);
    if (!arr) groups.set(g, (arr = []));
    arr.push(r);
  }
  const out: StreamInternal[] = [];
  for (const [g, rows] of groups) {
    if (rows.length < STREAM_MIN_OCCURRENCES) continue;
    const direction = g.charCodeAt(0) === 111 ? "outflow" : "inflow";
    const key = g.slice(2);
    const whole = buildStream(rows, direction, key, p.asOfDay, "");
    if (whole) {
      out.push(whole);
      continue;
    }
    if (rows.length < AMOUNT_CLUSTER_MIN_OCCURRENCES) continue;
    // Splits of "other" categories are dropped below: skip merchants with no row that could be anything else.
    let candidate = false;
    for (const r of rows) if (r.flags & F_STREAM_CATEGORY) candidate = true;
    if (!candidate) continue;
    for (const c of amountClusters(rows)) {
      if (c.length < AMOUNT_CLUSTER_MIN_OCCURRENCES) continue;
      const s = buildStream(c, direction, key, p.asOfDay, `:${Math.abs(c[c.length - 1].amount)}`);
      // Same-price runs of everyday shopping are chance, not a stream: a split must be a service, bill, debt, transfer or income.
      if (s && s.stream.category !== "other") out.push(s);
    }
  }
  out.sort(
    (a, b) =>
      CATEGORY_ORDER[a.stream.category] - CATEGORY_ORDER[b.stream.category] ||
      (a.stream.direction === b.stream.direction ? 0 : a.stream.direction === "outflow" ? -1 : 1) ||
      b.monthlyEquivalent - a.monthlyEquivalent ||
      (a.stream.stream_id < b.stream.stream_id ? -1 : 1),
  );
  return out;
}

/**
 * Recurring streams in `txs` as of `asOf` (rows after as-of are ignored). `accounts` tells the
 * engine which accounts are savings or cards and which are business (left out); without it every
 * row is treated as a personal checking account.
 */
export function detectRecurringStreams(
  txs: CoreTransaction[],
  asOf: string,
  opts: { accounts?: CoreAccount[] } = {},
): RecurringStream[] {
  let accounts = opts.accounts;
  if (!accounts) {
    const ids = [...new Set(txs.map((t) => t.account_id))];
    accounts = ids.map((id) => ({
      account_id: id,
      user_id: "",
      type: "depository",
      subtype: "checking",
      name: id,
      mask: null,
      holder_category: "personal",
      current_cents: null,
      available_cents: null,
      limit_cents: null,
      iso_currency_code: "USD",
    }));
  }
  const p = prepareUser({ user_id: "", accounts, transactions: txs, credit: [], loans: [] }, asOf);
  return detectStreamsPrepared(p).map((s) => s.stream);
}
