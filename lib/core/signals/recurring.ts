/**
 * Recurring streams with the semantics of Plaid's /transactions/recurring/get: inflow and outflow
 * streams per merchant, frequency, average and last amount, first/last/predicted next date,
 * MATURE from 3 occurrences (2 for ANNUALLY), EARLY_DETECTION before, is_active.
 *
 * 1. Per merchant key and direction, the rows in date order form a stream when their gaps fit one
 *    cadence band (CADENCE_BANDS, a few missed or displaced charges tolerated) and their amounts are
 *    stable (one price, bar a price change a year), or, for bills/debt/transfers/income, vary moderately.
 * 2. A merchant whose rows are not one stream is split by price (two plans on one descriptor).
 * 3. Unnamed leftover rows of one exact price on one account and category form a stream across keys
 *    (a never-enriched merchant under several descriptors).
 * 4. Streams absorb rows and smaller streams of other descriptors that land on their missing dates.
 * 5. A "subscription" that is a chance cadence among look-alike purchases is shown as "other".
 * Decisions and thresholds: docs/decisions.md (## Signals) and ./constants.ts.
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
  MAX_PERIODS_PER_GAP,
  MAX_PRICE_CHANGES_BASE,
  MAX_PRICE_CHANGES_PER_OCCURRENCES,
  PAYROLL_MAX_CV,
  PAYROLL_ROWS_PER_MISSED_PAYCHECK,
  PRICE_SPIKE_RATIO,
  PRICE_STREAM_MIN_OCCURRENCES,
  ROWS_PER_MISSED_CHARGE,
  SEMI_MONTHLY_MIN_MEAN_GAP,
  SERVICE_CADENCES,
  STREAM_MIN_OCCURRENCES,
  SUBSCRIPTION_EXACT_REPEAT_SHARE,
  SUBSCRIPTION_REPEAT_TOLERANCE_CENTS,
  SUBSCRIPTION_MIN_PURITY,
  VARIABLE_STREAM_MAX_CV,
  VARIANT_PRICE_TOLERANCE,
  type CadenceBand,
} from "./constants";
import { displayName } from "./descriptor";
import {
  D_BILL,
  D_CARD_PAYMENT,
  D_FEE,
  D_INTEREST,
  D_LOAN,
  D_OVERDRAFT,
  D_PAYMENT_WORD,
  D_PAYROLL,
  D_TRANSFER_WORD,
  F_CARD_PAYMENT,
  F_INCOME,
  F_OWN_TRANSFER,
  F_STREAM,
  F_STREAM_CATEGORY,
  F_WAGE,
  dayIso,
  isoDay,
  prepareUser,
  type AccountInfo,
  type PTx,
  type PreparedUser,
} from "./prepare";
import type { Frequency, RecurringStream, StreamCategory } from "./types";
import { lowerBound } from "./window";

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
  /** "" for a merchant's whole stream, ":<cents>" for a split by price. */
  idSuffix: string;
  kind: StreamKind;
}

/**
 * How a stream was found: a merchant's rows ("merchant"), a price split of one merchant's rows ("split"), or
 * leftover rows of one exact price across merchant keys ("price", a merchant under scattered descriptors).
 */
export type StreamKind = "merchant" | "split" | "price";

interface Cadence {
  frequency: Frequency;
  badGaps: number;
  skips: number;
}

/** Scratch for sorting gaps without allocating per group. */
let scratch = new Int32Array(64);
/** No cadence averages less than a week minus its tolerance per period (missed charges only raise the mean). */
const MIN_MEAN_GAP = CADENCE_BANDS.WEEKLY.period - CADENCE_BANDS.WEEKLY.meanTolerance;

/** Which cadence the gaps of `days` (sorted) fit, or null. */
export function detectCadence(days: number[]): Cadence | null {
  const n = days.length;
  if (n < STREAM_MIN_OCCURRENCES) return null;
  // No cadence averages under a week minus its tolerance per period (missed charges only raise the mean).
  if ((days[n - 1] - days[0]) / (n - 1) < MIN_MEAN_GAP) return null;
  const gaps = new Array<number>(n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = days[i] - days[i - 1];
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  const sorted = scratch.subarray(0, n - 1);
  for (let i = 0; i < n - 1; i++) sorted[i] = gaps[i];
  sorted.sort();
  const median = sorted[(n - 2) >> 1];
  // The band holding the median gap first; then bands where the median is a missed charge (2-3 periods).
  for (const f of CANDIDATE_FREQUENCIES) {
    if (periodsInGap(median, CADENCE_BANDS[f]) !== 1) continue;
    const c = evaluateCadence(days, gaps, f);
    if (c) return c;
  }
  for (const f of CANDIDATE_FREQUENCIES) {
    if (periodsInGap(median, CADENCE_BANDS[f]) < 2) continue;
    const c = evaluateCadence(days, gaps, f);
    if (c) return c;
  }
  return null;
}

/** SEMI_MONTHLY shares BIWEEKLY's band and is decided inside evaluateCadence. */
const CANDIDATE_FREQUENCIES: readonly Frequency[] = ["WEEKLY", "BIWEEKLY", "MONTHLY", "ANNUALLY"];

function evaluateCadence(days: number[], gaps: number[], candidate: Frequency): Cadence | null {
  const n = days.length;
  let freq = candidate;
  let band = CADENCE_BANDS[freq];
  let fit = 0;
  let missed = 0;
  let bad = 0;
  let periods = 0;
  let exact14 = 0;
  for (const g of gaps) {
    const k = periodsInGap(g, band);
    if (k === 1) {
      fit++;
      periods += 1;
      if (g === 14) exact14++;
    } else if (k > 1) {
      missed += k - 1;
      periods += k;
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
  if (missed > Math.max(1, Math.floor(n / ROWS_PER_MISSED_CHARGE))) return null;
  if (fit * 3 < nGaps) return null;
  if (Math.abs(mean - band.period) > band.meanTolerance) return null;
  return { frequency: freq, badGaps: bad, skips: missed };
}

/** How many periods a gap spans (1 = on time, 2..MAX_PERIODS_PER_GAP = missed charges), or 0 when it fits none. */
export function periodsInGap(g: number, band: CadenceBand): number {
  if (g >= band.gap[0] && g <= band.gap[1]) return 1;
  for (let k = 2; k <= MAX_PERIODS_PER_GAP; k++) {
    const shift = (k - 1) * band.period;
    if (g >= band.gap[0] + shift && g <= band.gap[1] + shift) return k;
  }
  return 0;
}

/** Two charges are "the same price" (see AMOUNT_TOLERANCE). */
export function samePrice(a: number, b: number): boolean {
  const hi = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(Math.abs(a) - Math.abs(b)) <= Math.max(AMOUNT_TOLERANCE * hi, AMOUNT_TOLERANCE_MIN_CENTS);
}

function amountStats(amounts: number[]): { stable: boolean; exact: boolean; cv: number; priceChanges: number; mean: number } {
  const n = amounts.length;
  let changes = 0;
  let repeats = 0;
  let sum = 0;
  let jump = false;
  for (let i = 0; i < n; i++) {
    sum += amounts[i];
    if (i > 0 && !samePrice(amounts[i - 1], amounts[i])) changes++;
    if (i > 0 && Math.abs(amounts[i - 1] - amounts[i]) <= SUBSCRIPTION_REPEAT_TOLERANCE_CENTS) repeats++;
    // A price change is a rise or cut, not a jump to another order of magnitude.
    if (i > 0 && (amounts[i] >= PRICE_SPIKE_RATIO * amounts[i - 1] || amounts[i - 1] >= PRICE_SPIKE_RATIO * amounts[i])) jump = true;
  }
  const mean = sum / n;
  let ss = 0;
  for (const a of amounts) ss += (a - mean) * (a - mean);
  const cv = mean > 0 ? Math.sqrt(ss / n) / mean : 0;
  const allowed = MAX_PRICE_CHANGES_BASE + Math.floor((n - 1) / MAX_PRICE_CHANGES_PER_OCCURRENCES);
  const exact = n > 1 && repeats >= SUBSCRIPTION_EXACT_REPEAT_SHARE * (n - 1);
  return { stable: changes <= allowed && !jump, exact, cv, priceChanges: changes, mean };
}

/**
 * The stream's representative row for its category: the latest row of its most frequent PFC detailed category
 * (ties: the latest), so one miscategorized charge (a streaming charge filed as merchandise, a paycheck as a
 * deposit) does not recategorize the stream; the latest row when no row has a PFC.
 */
function lastWithPfc(rows: PTx[]): CoreTransaction {
  let best: CoreTransaction | null = null;
  let bestCount = 0;
  let uniform = true;
  let first: string | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const d = rows[i].tx.pfc_detailed;
    if (!d) continue;
    if (first === null) {
      first = d;
      best = rows[i].tx;
    } else if (d !== first) uniform = false;
  }
  if (best === null) return rows[rows.length - 1].tx;
  if (uniform) return best;
  const counts = new Map<string, number>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const d = rows[i].tx.pfc_detailed;
    if (!d) continue;
    const c = (counts.get(d) ?? 0) + 1;
    counts.set(d, c);
    if (c > bestCount) {
      bestCount = c;
      best = rows[i].tx;
    }
  }
  // The latest row of the modal category (scanning back, `best` is the earliest: find the latest one).
  const modal = best.pfc_detailed;
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].tx.pfc_detailed === modal) return rows[i].tx;
  return best;
}

/** Categories of services (subscriptions) by PFC. */
function isServiceCategory(primary: string, detailed: string | null): boolean {
  // Gambling and event tickets are entertainment one buys, not a service one subscribes to.
  if (primary === "ENTERTAINMENT") {
    return detailed !== "ENTERTAINMENT_CASINOS_AND_GAMBLING" && detailed !== "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS";
  }
  if (primary === "GENERAL_SERVICES") return true;
  return detailed === "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS";
}

/** Categories whose stable recurring charges are never subscriptions (fees, taxes, donations, health care). */
const NON_SUBSCRIPTION_PRIMARIES = new Set(["INCOME", "BANK_FEES", "GOVERNMENT_AND_NON_PROFIT", "MEDICAL", "TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS"]);

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
  /** The same amount to the cent, charge after charge (SUBSCRIPTION_EXACT_REPEAT_SHARE). */
  exact = stable,
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
    if (isServiceCategory(primary, detailed)) return { category: stable && exact ? "subscription" : "other", isPayroll: false };
    // Memberships, news, meal kits and the like are filed under goods (GENERAL_MERCHANDISE_*, FOOD_AND_DRINK_*):
    // a mature stream of one fixed price (to the cent, bar a price change) on a weekly, monthly or annual cadence
    // there is a subscription too. Everyday shopping never repeats an amount to the cent month after month.
    const mature = rows.length >= (frequency === "ANNUALLY" ? MATURE_MIN_OCCURRENCES_ANNUAL : MATURE_MIN_OCCURRENCES);
    if (stable && exact && mature && SERVICE_CADENCES.includes(frequency) && !NON_SUBSCRIPTION_PRIMARIES.has(primary)) {
      return { category: "subscription", isPayroll: false };
    }
    return { category: "other", isPayroll: false };
  }
  // No PFC: the descriptor, then "stable amount and a service-like cadence" is a subscription.
  if (last.dflags & D_LOAN) return { category: "debt_payment", isPayroll: false };
  if (last.dflags & D_BILL) return { category: "bill", isPayroll: false };
  // Fees, interest, transfers and payments are never subscriptions, whatever their cadence.
  if (last.dflags & (D_FEE | D_OVERDRAFT | D_INTEREST | D_TRANSFER_WORD | D_PAYMENT_WORD | D_CARD_PAYMENT | D_PAYROLL)) {
    return { category: "other", isPayroll: false };
  }
  if (stable && exact && SERVICE_CADENCES.includes(frequency)) return { category: "subscription", isPayroll: false };
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

/**
 * One charge per day: a second row on the same day (a bonus paid with the paycheck, a one-off purchase at
 * the subscription's merchant) is not an occurrence; the row nearest the median amount stays.
 */
function onePerDay(rows: PTx[]): PTx[] {
  let dup = false;
  for (let i = 1; i < rows.length; i++) if (rows[i].day === rows[i - 1].day) dup = true;
  if (!dup) return rows;
  const sorted = rows.map((r) => Math.abs(r.amount)).sort((a, b) => a - b);
  const med = sorted[sorted.length >> 1];
  const out: PTx[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.day === r.day) {
      if (Math.abs(Math.abs(r.amount) - med) < Math.abs(Math.abs(prev.amount) - med)) out[out.length - 1] = r;
    } else out.push(r);
  }
  return out;
}

/**
 * A charge of another price between two identical charges of a fixed-price stream (an annual renewal under the
 * monthly plan's descriptor, a one-off purchase) is not an occurrence.
 */
function dropPriceSpikes(rows: PTx[]): PTx[] {
  const n = rows.length;
  if (n < 3) return rows;
  const spike = (i: number, ref: number) => {
    const ratio = Math.abs(rows[i].amount) / Math.max(1, Math.abs(ref));
    return ratio >= PRICE_SPIKE_RATIO || ratio <= 1 / PRICE_SPIKE_RATIO;
  };
  let drop: Set<number> | null = null;
  for (let i = 1; i < n - 1; i++) {
    const prev = rows[i - 1].amount;
    if (prev === rows[i + 1].amount && spike(i, prev)) (drop ??= new Set()).add(i);
  }
  // At the ends: a charge far off two identical charges next to it.
  if (rows[1].amount === rows[2].amount && spike(0, rows[1].amount)) (drop ??= new Set()).add(0);
  if (rows[n - 2].amount === rows[n - 3].amount && spike(n - 1, rows[n - 2].amount)) (drop ??= new Set()).add(n - 1);
  if (!drop) return rows;
  const d = drop;
  return rows.filter((_, i) => !d.has(i));
}

function buildStream(
  allRows: PTx[],
  direction: "inflow" | "outflow",
  key: string,
  asOfDay: number,
  idSuffix: string,
  kind: StreamKind = "merchant",
): StreamInternal | null {
  // Fast path: a merchant visited more often than weekly on average has no cadence (groceries, coffee).
  const n0 = allRows.length;
  if (n0 < STREAM_MIN_OCCURRENCES) return null;
  let days0 = 1;
  for (let i = 1; i < n0; i++) if (allRows[i].day !== allRows[i - 1].day) days0++;
  if (days0 < STREAM_MIN_OCCURRENCES || (allRows[n0 - 1].day - allRows[0].day) / (days0 - 1) < MIN_MEAN_GAP) return null;
  const rows = dropPriceSpikes(onePerDay(allRows));
  const n = rows.length;
  if (n < STREAM_MIN_OCCURRENCES) return null;
  const days = rows.map((r) => r.day);
  const cad = detectCadence(days);
  if (!cad) return null;
  const amounts = rows.map((r) => Math.abs(r.amount));
  const st = amountStats(amounts);
  const cls = classifyStream(direction, rows, cad.frequency, st.stable, st.exact);
  let category = cls.category;
  if (category === "subscription" && kind !== "merchant") {
    // Rows picked out of a busy merchant (a usual coffee order at one price) or across merchants by price are a
    // subscription only on a clean cadence, and a split only in a service category.
    const clean = cad.badGaps === 0 && cad.skips <= Math.max(1, Math.floor(n / PAYROLL_ROWS_PER_MISSED_PAYCHECK));
    const rep = lastWithPfc(rows);
    const service = rep.pfc_primary != null && isServiceCategory(rep.pfc_primary, rep.pfc_detailed);
    if (!clean || (kind === "split" && !service)) category = "other";
  }
  // Payroll is a stable employer's pay: platform payouts labelled as wages swing far more than hourly pay.
  // An employer pays every period: a wage stream that needs many missed paychecks to fit a cadence is chance.
  const isPayroll = cls.isPayroll && st.cv <= PAYROLL_MAX_CV && cad.skips <= Math.max(1, Math.floor(n / PAYROLL_ROWS_PER_MISSED_PAYCHECK));
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
  for (let i = n - 1; i >= 0 && !merchantName; i--) if (rows[i].key === key) merchantName = rows[i].tx.merchant_name;
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
  return { stream, rows, predictedDay, lastDay: lastRow.day, active, isPayroll, monthlyEquivalent, idSuffix, kind };
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

/** Rounds of merging variant streams and rows (each round can reach neighbours the previous one joined). */
const ABSORB_PASSES = 3;

const SPLIT_CATEGORIES = new Set<StreamCategory>(["subscription", "bill", "debt_payment", "transfer"]);

const CATEGORY_ORDER: Record<StreamCategory, number> = { subscription: 0, bill: 1, debt_payment: 2, income: 3, transfer: 4, other: 5 };

/** Streams of a prepared user (all rows in its look-back). */
export function detectStreamsPrepared(p: PreparedUser): StreamInternal[] {
  const outflows = new Map<string, PTx[]>();
  const inflows = new Map<string, PTx[]>();
  for (const r of p.txs) {
    if (!(r.flags & F_STREAM)) continue;
    const groups = r.amount > 0 ? outflows : inflows;
    const arr = groups.get(r.key);
    if (arr) arr.push(r);
    else groups.set(r.key, [r]);
  }
  const out: StreamInternal[] = [];
  const all: Array<["outflow" | "inflow", string, PTx[]]> = [];
  for (const [key, rows] of outflows) if (rows.length >= STREAM_MIN_OCCURRENCES) all.push(["outflow", key, rows]);
  for (const [key, rows] of inflows) if (rows.length >= STREAM_MIN_OCCURRENCES) all.push(["inflow", key, rows]);
  for (const [direction, key, rows] of all) {
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
      const s = buildStream(c, direction, key, p.asOfDay, `:${Math.abs(c[c.length - 1].amount)}`, "split");
      // Same-price runs of everyday shopping or of gig payouts are chance, not a stream: a split must be a
      // subscription, a bill, a debt payment or a transfer (payroll is an employer's whole deposit stream).
      if (s && SPLIT_CATEGORIES.has(s.stream.category)) out.push(s);
    }
  }
  const pool = variantPool(p);
  priceStreams(out, p, pool);
  // A stream that took in rows can now reach a neighbour it could not before: repeat while anything changes.
  let joined = out;
  for (let pass = 0; pass < ABSORB_PASSES; pass++) {
    const before = joined.length;
    let rowsBefore = 0;
    for (const x of joined) rowsBefore += x.rows.length;
    joined = absorbVariants(joined, p, pool);
    let rowsAfter = 0;
    for (const x of joined) rowsAfter += x.rows.length;
    if (joined.length === before && rowsAfter === rowsBefore) break;
  }
  demoteChanceSubscriptions(joined, p);
  joined.sort(
    (a, b) =>
      CATEGORY_ORDER[a.stream.category] - CATEGORY_ORDER[b.stream.category] ||
      (a.stream.direction === b.stream.direction ? 0 : a.stream.direction === "outflow" ? -1 : 1) ||
      b.monthlyEquivalent - a.monthlyEquivalent ||
      (a.stream.stream_id < b.stream.stream_id ? -1 : 1),
  );
  return joined;
}

/**
 * Fallback for merchants whose descriptors scatter over several keys (never enriched, several variants: "DOW
 * JONES WSJ", "WALL ST JOURNAL", "WSJ DIGITAL"): unnamed rows no stream took, grouped by exact amount, account,
 * direction and PFC detailed category, are tried as streams. Only non-"other" streams are kept, and as price splits a
 * subscription among them must repeat its amount to the cent.
 */
function priceStreams(out: StreamInternal[], p: PreparedUser, pool: Map<AccountInfo, PTx[]>): void {
  const epoch = markStreamRows(out);
  // Leftover unnamed rows (the variant pool) sorted by amount (then date): runs of one exact amount.
  const left: PTx[] = [];
  for (const rows of pool.values()) for (const r of rows) if (r.mark !== epoch) left.push(r);
  left.sort((a, b) => a.amount - b.amount || a.day - b.day);
  for (let i = 0; i < left.length; ) {
    let j = i + 1;
    while (j < left.length && left[j].amount === left[i].amount) j++;
    const amount = left[i].amount;
    const start = i;
    i = j;
    if (j - start < PRICE_STREAM_MIN_OCCURRENCES) continue;
    const rows = left.slice(start, j);
    const groups: PTx[][] = [];
    for (const r of rows) {
      const g = groups.find((x) => x[0].acct === r.acct && x[0].tx.pfc_detailed === r.tx.pfc_detailed);
      if (g) g.push(r);
      else groups.push([r]);
    }
    for (const g of groups) {
      if (g.length < PRICE_STREAM_MIN_OCCURRENCES) continue;
      const keys = new Map<string, number>();
      const namedKeys = new Set<string>();
      for (const r of g) {
        keys.set(r.key, (keys.get(r.key) ?? 0) + 1);
        if (r.tx.merchant_name || r.tx.merchant_entity_id) namedKeys.add(r.key);
      }
      // Scattered descriptors of one merchant: the enrichment may name it, but never as two merchants.
      if (namedKeys.size > 1) continue;
      let key = g[g.length - 1].key;
      for (const [k, c] of keys) if (c > (keys.get(key) ?? 0)) key = k;
      const s = buildStream(g, amount > 0 ? "outflow" : "inflow", key, p.asOfDay, `:p${Math.abs(amount)}`, keys.size > 1 ? "price" : "split");
      if (s && s.stream.category !== "other") out.push(s);
    }
  }
}

/**
 * A cadence among frequent look-alike purchases is chance (transit fares, a usual coffee order): over its span
 * widened by one period, a subscription must make up at least SUBSCRIPTION_MIN_PURITY of the charges of its own
 * prices (to the cent) in its PFC category, on any cash or card account, that no stream explains. Streams that do not are shown as "other", not as subscriptions.
 */
function demoteChanceSubscriptions(streams: StreamInternal[], p: PreparedUser): void {
  let epoch = -1;
  for (const s of streams) {
    if (!s.stream.is_subscription) continue;
    if (epoch < 0) epoch = markStreamRows(streams);
    const outflow = s.stream.direction === "outflow";
    // Look-alikes are charges of one of the stream's own prices, to the cent (a fare, a usual order).
    const prices = new Set(s.rows.map((r) => Math.abs(r.amount)));
    const pfcDetailed = s.stream.pfc_detailed;
    // The stream's span widened by one period on each side, every cash and card account.
    const margin = Math.ceil(CADENCE_BANDS[s.stream.frequency].period);
    const to = s.lastDay + margin;
    let others = 0;
    for (let i = lowerBound(p.txs, s.rows[0].day - margin); i < p.txs.length && p.txs[i].day <= to; i++) {
      const r = p.txs[i];
      if (!(r.flags & F_STREAM) || r.amount > 0 !== outflow || r.tx.pfc_detailed !== pfcDetailed || r.mark === epoch) continue;
      if (prices.has(Math.abs(r.amount))) others++;
    }
    if (s.rows.length < SUBSCRIPTION_MIN_PURITY * (s.rows.length + others)) {
      s.stream.category = "other";
      s.stream.is_subscription = false;
    }
  }
}

/** Does `r` land on a missing charge date of the stream whose rows are `rows` (sorted)? */
function fitsSlot(rows: PTx[], r: PTx, band: CadenceBand): boolean {
  const P = band.period;
  const tol = band.slotToleranceDays;
  let i = 0;
  while (i < rows.length && rows[i].day <= r.day) i++;
  const a = i > 0 ? rows[i - 1] : null;
  const b = i < rows.length ? rows[i] : null;
  if (a && a.day === r.day) return false;
  if (a && b) {
    const k = Math.round((b.day - a.day) / P);
    if (k < 2) return false;
    const j = Math.round((r.day - a.day) / P);
    if (j < 1 || j > k - 1) return false;
    return Math.abs(r.day - a.day - j * P) <= tol && Math.abs(b.day - r.day - (k - j) * P) <= tol;
  }
  if (a) return Math.abs(r.day - a.day - P) <= tol;
  if (b) return Math.abs(b.day - r.day - P) <= tol;
  return false;
}

/**
 * The row has the price of the stream's charge just before or just after it (a price change falls between the
 * two): within AMOUNT_TOLERANCE, or within VARIANT_PRICE_TOLERANCE when its descriptor shares a word with the
 * stream's ("SIRIUSXM RADIO" beside "SXM*SIRIUSXM.COM/ACCT"), since a price rise may land on such a row.
 */
function priceFits(rows: PTx[], r: PTx): boolean {
  let i = 0;
  while (i < rows.length && rows[i].day <= r.day) i++;
  const tol = r.tx.pfc_detailed && sharesWord(rows, r.key) ? VARIANT_PRICE_TOLERANCE : AMOUNT_TOLERANCE;
  const near = (a: number) => Math.abs(Math.abs(a) - Math.abs(r.amount)) <= tol * Math.max(Math.abs(a), Math.abs(r.amount));
  return (i > 0 && near(rows[i - 1].amount)) || (i < rows.length && near(rows[i].amount));
}

/** Does `key` share a word of three letters or more with a key of the stream's rows? */
function sharesWord(rows: PTx[], key: string): boolean {
  const words = key.split(" ").filter((w) => w.length >= 3);
  if (!words.length) return false;
  const seen = new Set<string>();
  for (const x of rows) {
    if (seen.has(x.key)) continue;
    seen.add(x.key);
    for (const w of x.key.split(" ")) if (words.includes(w)) return true;
  }
  return false;
}

/** Inserts `extra` rows into a stream's rows when each lands on a missing charge date at the same price; null when one does not. */
function fitAll(rows: PTx[], extra: PTx[], band: CadenceBand): PTx[] | null {
  let out = rows;
  // Grow outwards from the stream: later rows in date order, earlier ones from the nearest back.
  const first = rows[0].day;
  const ordered = [...extra.filter((r) => r.day >= first), ...extra.filter((r) => r.day < first).reverse()];
  for (const r of ordered) {
    if (!priceFits(out, r) || !fitsSlot(out, r, band)) return null;
    out = insertByDay(out, r);
  }
  return out;
}

function insertByDay(rows: PTx[], r: PTx): PTx[] {
  const out = rows.slice();
  let i = out.length;
  while (i > 0 && out[i - 1].day > r.day) i--;
  out.splice(i, 0, r);
  return out;
}

function isNamed(s: StreamInternal): boolean {
  return s.rows.some((r) => r.tx.merchant_name || r.tx.merchant_entity_id);
}

function sameFamily(a: StreamInternal, b: StreamInternal): boolean {
  if (a.stream.direction !== b.stream.direction) return false;
  // Two streams the enrichment named differently are two merchants: only an unnamed variant stream merges.
  if (a.stream.merchant_key !== b.stream.merchant_key && isNamed(a) && isNamed(b)) return false;
  if (a.stream.pfc_detailed !== b.stream.pfc_detailed && a.stream.pfc_detailed && b.stream.pfc_detailed) return false;
  for (const r of b.rows) if (a.rows.some((x) => x.acct === r.acct)) return true;
  return false;
}

/**
 * Descriptor variants that no key joins ("HBO Max" beside "MAX.COM 855-442-6629 NY" with no merchant_name)
 * leave holes in a stream, or form a stream of their own. Larger streams first: a smaller stream of the same
 * direction, account and PFC detailed category whose every charge lands on a missing charge date of the larger
 * one at the same price is merged into it; then a row outside every stream that does the same joins it. The
 * stream is re-derived (and kept only if it still has a cadence).
 */
function absorbVariants(streams: StreamInternal[], p: PreparedUser, pool: Map<AccountInfo, PTx[]>): StreamInternal[] {
  if (!streams.length) return streams;
  const epoch = markStreamRows(streams);
  const order = streams.slice().sort((x, y) => y.rows.length - x.rows.length || (x.stream.stream_id < y.stream.stream_id ? -1 : 1));
  const merged = new Set<StreamInternal>();
  const out: StreamInternal[] = [];
  for (let i = 0; i < order.length; i++) {
    const s = order[i];
    if (merged.has(s)) continue;
    const band = CADENCE_BANDS[s.stream.frequency];
    let rows = s.rows;
    let changed = false;
    // The merged stream keeps the name the enrichment gave (an unnamed price split takes its named variant's key).
    let key = s.stream.merchant_key;
    let named = isNamed(s);
    let kind = s.kind;
    // Smaller streams of the same family that fill this one's holes.
    for (let j = i + 1; j < order.length; j++) {
      const t = order[j];
      if (merged.has(t) || !sameFamily(s, t)) continue;
      const fitted = fitAll(rows, t.rows, band);
      if (!fitted) continue;
      rows = fitted;
      merged.add(t);
      changed = true;
      if (!named && isNamed(t)) {
        key = t.stream.merchant_key;
        named = true;
        kind = "merchant";
      }
    }
    // Single rows outside every stream: same direction, same account, same PFC (or none), a price near the stream's.
    const outflow = s.stream.direction === "outflow";
    const pfcDetailed = s.stream.pfc_detailed;
    let lo = Infinity;
    let hi = 0;
    for (const r of rows) {
      const a = Math.abs(r.amount);
      if (a < lo) lo = a;
      if (a > hi) hi = a;
    }
    lo /= 1 + VARIANT_PRICE_TOLERANCE;
    hi *= 1 + VARIANT_PRICE_TOLERANCE;
    const cands: PTx[] = [];
    const accts = new Set<AccountInfo>();
    for (const r of s.rows) accts.add(r.acct);
    for (const acc of accts) {
      const arr = pool.get(acc);
      if (!arr) continue;
      for (const r of arr) {
        const a = Math.abs(r.amount);
        if (r.mark === epoch || r.amount > 0 !== outflow || a < lo || a > hi) continue;
        if (r.tx.pfc_detailed && r.tx.pfc_detailed !== pfcDetailed) continue;
        cands.push(r);
      }
    }
    if (cands.length > 1 && accts.size > 1) cands.sort((x, y) => x.day - y.day);
    const added: PTx[] = [];
    for (let pass = 0; pass < 3 && cands.length; pass++) {
      let any = false;
      for (const r of cands) {
        if (r.mark === epoch || !priceFits(rows, r) || !fitsSlot(rows, r, band)) continue;
        // A payroll descriptor only joins income.
        if (r.dflags & D_PAYROLL && s.stream.category !== "income") continue;
        rows = insertByDay(rows, r);
        r.mark = epoch;
        added.push(r);
        any = changed = true;
      }
      if (!any) break;
    }
    if (!changed) {
      out.push(s);
      continue;
    }
    const rebuilt = buildStream(rows, s.stream.direction, key, p.asOfDay, key === s.stream.merchant_key ? s.idSuffix : "", kind);
    if (rebuilt) out.push(rebuilt);
    else {
      out.push(s);
      for (const r of added) r.mark = 0;
      for (let j = i + 1; j < order.length; j++) if (merged.has(order[j]) && order[j].rows.some((r) => rows.includes(r))) merged.delete(order[j]);
    }
  }
  return out;
}

let markEpoch = 0;
/** Marks every row of `streams` with a fresh epoch (row.mark === epoch: "in a stream"); returns the epoch. */
function markStreamRows(streams: StreamInternal[]): number {
  const epoch = ++markEpoch;
  for (const s of streams) for (const r of s.rows) r.mark = epoch;
  return epoch;
}

/**
 * Rows that can be another descriptor of a stream's merchant, per account in date order: only rows the
 * enrichment did not name (a named row belongs to its own merchant), never transfers, payments or fees.
 */
function variantPool(p: PreparedUser): Map<AccountInfo, PTx[]> {
  const pool = new Map<AccountInfo, PTx[]>();
  for (const r of p.txs) {
    if (!(r.flags & F_STREAM) || r.tx.merchant_name || r.tx.merchant_entity_id) continue;
    if (r.dflags & (D_TRANSFER_WORD | D_PAYMENT_WORD | D_CARD_PAYMENT | D_FEE)) continue;
    const arr = pool.get(r.acct);
    if (arr) arr.push(r);
    else pool.set(r.acct, [r]);
  }
  return pool;
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
