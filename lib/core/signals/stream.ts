/**
 * One recurring stream, built from rows in date order: one charge per day, price spikes dropped, a cadence
 * (./cadence.ts), stable or moderately varying amounts, a category (./classification.ts), and the
 * Plaid-style fields (average and last amount, predicted next date, MATURE or EARLY_DETECTION, is_active).
 */
import { detectCadence, MIN_MEAN_GAP, predictNext, type Cadence } from "./cadence";
import { classifyStream, isServiceCategory, lastWithPfc } from "./classification";
import {
  AMOUNT_TOLERANCE,
  AMOUNT_TOLERANCE_MIN_CENTS,
  CADENCE_BANDS,
  CLEAN_CADENCE_ROWS_PER_MISSED_CHARGE,
  MATURE_MIN_OCCURRENCES,
  MATURE_MIN_OCCURRENCES_ANNUAL,
  MAX_PRICE_CHANGES_BASE,
  MAX_PRICE_CHANGES_PER_OCCURRENCES,
  PAYROLL_MAX_CV,
  PAYROLL_ROWS_PER_MISSED_PAYCHECK,
  PRICE_SPIKE_RATIO,
  STREAM_MIN_OCCURRENCES,
  SUBSCRIPTION_EXACT_REPEAT_SHARE,
  SUBSCRIPTION_REPEAT_TOLERANCE_CENTS,
  VARIABLE_STREAM_MAX_CV,
} from "./constants";
import { isoDay } from "./days";
import { displayName } from "./descriptor";
import type { PTx, PreparedUser } from "./prepare";
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
  /** "" for a merchant's whole stream, ":<cents>" for a split by price. */
  idSuffix: string;
  kind: StreamKind;
}

/**
 * How a stream was found: a merchant's rows ("merchant"), a price split of one merchant's rows ("split"), or
 * leftover rows of one exact price across merchant keys ("price", a merchant under scattered descriptors).
 */
export type StreamKind = "merchant" | "split" | "price";

/** Which rows of a prepared user are in a stream, by their position in PreparedUser.txs. */
export class RowSet {
  private readonly bits: Uint8Array;

  private constructor(size: number) {
    this.bits = new Uint8Array(size);
  }

  /** The rows of `streams` as they are now (later changes to the streams are not seen). */
  static ofStreams(p: PreparedUser, streams: readonly StreamInternal[]): RowSet {
    const set = new RowSet(p.txs.length);
    for (const s of streams) for (const r of s.rows) set.add(r);
    return set;
  }

  has(r: PTx): boolean {
    return this.bits[r.index] === 1;
  }

  add(r: PTx): void {
    this.bits[r.index] = 1;
  }
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

/** A merchant visited more often than weekly on average has no cadence (groceries, coffee): a fast reject. */
function tooFrequent(rows: PTx[]): boolean {
  const n = rows.length;
  if (n < STREAM_MIN_OCCURRENCES) return true;
  let days = 1;
  for (let i = 1; i < n; i++) if (rows[i].day !== rows[i - 1].day) days++;
  return days < STREAM_MIN_OCCURRENCES || (rows[n - 1].day - rows[0].day) / (days - 1) < MIN_MEAN_GAP;
}

type AmountStats = ReturnType<typeof amountStats>;

/**
 * The stream's category and whether it is payroll. Rows picked out of a busy merchant (a usual coffee order at
 * one price) or across merchants by price are a subscription only on a clean cadence, and a split only in a
 * service category. Payroll is a stable employer's pay: platform payouts labelled as wages swing far more than
 * hourly pay, and an employer pays every period (a wage stream that needs many missed paychecks is chance).
 */
function categorize(rows: PTx[], direction: "inflow" | "outflow", cad: Cadence, st: AmountStats, kind: StreamKind) {
  const n = rows.length;
  const cls = classifyStream(direction, rows, cad.frequency, st.stable, st.exact);
  let category = cls.category;
  if (category === "subscription" && kind !== "merchant") {
    const clean = cad.badGaps === 0 && cad.skips <= Math.max(1, Math.floor(n / CLEAN_CADENCE_ROWS_PER_MISSED_CHARGE));
    const rep = lastWithPfc(rows);
    const service = rep.pfc_primary != null && isServiceCategory(rep.pfc_primary, rep.pfc_detailed);
    if (!clean || (kind === "split" && !service)) category = "other";
  }
  const isPayroll = cls.isPayroll && st.cv <= PAYROLL_MAX_CV && cad.skips <= Math.max(1, Math.floor(n / PAYROLL_ROWS_PER_MISSED_PAYCHECK));
  return { category, isPayroll, rule: cls.rule };
}

/**
 * Are the amounts those of a stream? Two charges are a weak cadence: the same price and a category that recurs
 * by nature. Otherwise stable amounts, or, for bills, debt payments, transfers and income, moderately varying ones.
 */
function amountsFit(amounts: number[], frequency: Frequency, st: AmountStats, category: StreamCategory): boolean {
  const n = amounts.length;
  if (n === 2 || (n === MATURE_MIN_OCCURRENCES_ANNUAL && frequency === "ANNUALLY")) {
    return st.stable && samePrice(amounts[0], amounts[1]) && category !== "other";
  }
  const variableOk = category === "bill" || category === "debt_payment" || category === "transfer" || category === "income";
  return st.stable || (variableOk && st.cv <= VARIABLE_STREAM_MAX_CV);
}

/** The stream of `allRows` (date order) as of `asOfDay`, or null when they are not one. */
export function buildStream(
  allRows: PTx[],
  direction: "inflow" | "outflow",
  key: string,
  asOfDay: number,
  idSuffix: string,
  kind: StreamKind = "merchant",
): StreamInternal | null {
  if (tooFrequent(allRows)) return null;
  const rows = dropPriceSpikes(onePerDay(allRows));
  if (rows.length < STREAM_MIN_OCCURRENCES) return null;
  const cad = detectCadence(rows.map((r) => r.day));
  if (!cad) return null;
  const amounts = rows.map((r) => Math.abs(r.amount));
  const st = amountStats(amounts);
  const { category, isPayroll, rule } = categorize(rows, direction, cad, st, kind);
  if (!amountsFit(amounts, cad.frequency, st, category)) return null;
  return streamOf(rows, { direction, key, asOfDay, idSuffix, kind, frequency: cad.frequency, mean: st.mean, category, isPayroll, rule });
}

/** The Plaid-style fields of an accepted stream. */
function streamOf(
  rows: PTx[],
  a: {
    direction: "inflow" | "outflow";
    key: string;
    asOfDay: number;
    idSuffix: string;
    kind: StreamKind;
    frequency: Frequency;
    mean: number;
    category: StreamCategory;
    isPayroll: boolean;
    rule?: string;
  },
): StreamInternal {
  const n = rows.length;
  const predicted = predictNext(rows.map((r) => r.tx.date), a.frequency);
  const predictedDay = isoDay(predicted);
  const band = CADENCE_BANDS[a.frequency];
  const active = a.asOfDay <= predictedDay + band.activeGraceDays;
  const lastRow = rows[n - 1];
  const lastAmount = Math.abs(lastRow.amount);
  const monthlyEquivalent = Math.round((lastAmount * band.perYear) / 12);
  const mature = n >= (a.frequency === "ANNUALLY" ? MATURE_MIN_OCCURRENCES_ANNUAL : MATURE_MIN_OCCURRENCES);
  let merchantName: string | null = null;
  for (let i = n - 1; i >= 0 && !merchantName; i--) if (rows[i].key === a.key) merchantName = rows[i].tx.merchant_name;
  const rep = lastWithPfc(rows);
  const stream: RecurringStream = {
    stream_id: `${a.direction}:${a.key}${a.idSuffix}`,
    direction: a.direction,
    merchant: merchantName ?? displayName(a.key),
    merchant_key: a.key,
    frequency: a.frequency,
    status: mature ? "MATURE" : "EARLY_DETECTION",
    average_amount_cents: Math.round(a.mean),
    last_amount_cents: lastAmount,
    first_date: rows[0].tx.date,
    last_date: lastRow.tx.date,
    predicted_next_date: predicted,
    occurrences: n,
    category: a.category,
    is_subscription: a.category === "subscription" && a.direction === "outflow",
    pfc_primary: rep.pfc_primary,
    pfc_detailed: rep.pfc_detailed,
    transaction_ids: rows.map((r) => r.tx.transaction_id),
    is_active: active,
    account_id: lastRow.tx.account_id,
    monthly_equivalent_cents: monthlyEquivalent,
    ...(a.rule ? { descriptor_rule: a.rule } : {}),
  };
  return { stream, rows, predictedDay, lastDay: lastRow.day, active, isPayroll: a.isPayroll, monthlyEquivalent, idSuffix: a.idSuffix, kind: a.kind };
}
