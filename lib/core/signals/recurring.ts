/**
 * Recurring streams with the semantics of Plaid's /transactions/recurring/get: inflow and outflow
 * streams per merchant, frequency, average and last amount, first/last/predicted next date,
 * MATURE from 3 occurrences (2 for ANNUALLY), EARLY_DETECTION before, is_active.
 *
 * 1. Per merchant key and direction, the rows in date order form a stream (./stream.ts) when their gaps fit
 *    one cadence band (./cadence.ts) and their amounts are stable, or, for bills, debt, transfers and income,
 *    vary moderately; each stream gets a category (./classification.ts).
 * 2. A merchant whose rows are not one stream is split by price (two plans on one descriptor).
 * 3. Unnamed leftover rows of one exact price on one account and category form a stream across keys
 *    (a never-enriched merchant under several descriptors), and streams absorb rows and smaller streams of
 *    other descriptors that land on their missing dates (./absorption.ts).
 * 4. A "subscription" that is a chance cadence among look-alike purchases is shown as "other".
 * Decisions and thresholds: docs/decisions.md (## Signals) and ./constants.ts.
 */
import type { CoreAccount, CoreTransaction } from "../types";
import { absorbVariants, priceStreams, variantPool } from "./absorption";
import {
  ABSORB_PASSES,
  AMOUNT_CLUSTER_MIN_OCCURRENCES,
  CADENCE_BANDS,
  STREAM_MIN_OCCURRENCES,
  SUBSCRIPTION_MIN_PURITY,
} from "./constants";
import { F_STREAM, F_STREAM_CATEGORY } from "./flags";
import { lowerBound, prepareUser, type PTx, type PreparedUser } from "./prepare";
import { buildStream, RowSet, samePrice, type StreamInternal } from "./stream";
import type { RecurringStream, StreamCategory } from "./types";

const SPLIT_CATEGORIES = new Set<StreamCategory>(["subscription", "bill", "debt_payment", "transfer"]);

const CATEGORY_ORDER: Record<StreamCategory, number> = { subscription: 0, bill: 1, debt_payment: 2, income: 3, transfer: 4, other: 5 };

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

/** Stream-eligible rows per direction and merchant key (outflows first), groups of at least two rows. */
function merchantGroups(p: PreparedUser): Array<["outflow" | "inflow", string, PTx[]]> {
  const outflows = new Map<string, PTx[]>();
  const inflows = new Map<string, PTx[]>();
  for (const r of p.txs) {
    if (!(r.flags & F_STREAM)) continue;
    const groups = r.amount > 0 ? outflows : inflows;
    const arr = groups.get(r.key);
    if (arr) arr.push(r);
    else groups.set(r.key, [r]);
  }
  const all: Array<["outflow" | "inflow", string, PTx[]]> = [];
  for (const [key, rows] of outflows) if (rows.length >= STREAM_MIN_OCCURRENCES) all.push(["outflow", key, rows]);
  for (const [key, rows] of inflows) if (rows.length >= STREAM_MIN_OCCURRENCES) all.push(["inflow", key, rows]);
  return all;
}

/**
 * A merchant's whole stream, else its price splits. Same-price runs of everyday shopping or of gig payouts are
 * chance, not a stream: a split must be a subscription, a bill, a debt payment or a transfer (payroll is an
 * employer's whole deposit stream).
 */
function merchantStreams(direction: "outflow" | "inflow", key: string, rows: PTx[], asOfDay: number): StreamInternal[] {
  const whole = buildStream(rows, direction, key, asOfDay, "");
  if (whole) return [whole];
  if (rows.length < AMOUNT_CLUSTER_MIN_OCCURRENCES) return [];
  // Splits of "other" categories are dropped below: skip merchants with no row that could be anything else.
  if (!rows.some((r) => r.flags & F_STREAM_CATEGORY)) return [];
  const out: StreamInternal[] = [];
  for (const c of amountClusters(rows)) {
    if (c.length < AMOUNT_CLUSTER_MIN_OCCURRENCES) continue;
    const s = buildStream(c, direction, key, asOfDay, `:${Math.abs(c[c.length - 1].amount)}`, "split");
    if (s && SPLIT_CATEGORIES.has(s.stream.category)) out.push(s);
  }
  return out;
}

function rowCount(streams: StreamInternal[]): number {
  let n = 0;
  for (const s of streams) n += s.rows.length;
  return n;
}

/**
 * A cadence among frequent look-alike purchases is chance (transit fares, a usual coffee order): over its span
 * widened by one period, a subscription must make up at least SUBSCRIPTION_MIN_PURITY of the charges of its own
 * prices (to the cent) in its PFC category, on any cash or card account, that no stream explains. Streams that
 * do not are shown as "other", not as subscriptions.
 */
function demoteChanceSubscriptions(streams: StreamInternal[], p: PreparedUser): StreamInternal[] {
  if (!streams.some((s) => s.stream.is_subscription)) return streams;
  const inStreams = RowSet.ofStreams(p, streams);
  return streams.map((s) => {
    if (!s.stream.is_subscription) return s;
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
      if (!(r.flags & F_STREAM) || r.amount > 0 !== outflow || r.tx.pfc_detailed !== pfcDetailed || inStreams.has(r)) continue;
      if (prices.has(Math.abs(r.amount))) others++;
    }
    if (s.rows.length >= SUBSCRIPTION_MIN_PURITY * (s.rows.length + others)) return s;
    return { ...s, stream: { ...s.stream, category: "other", is_subscription: false } };
  });
}

/** Streams of a prepared user (all rows in its look-back). */
export function detectStreamsPrepared(p: PreparedUser): StreamInternal[] {
  const found: StreamInternal[] = [];
  for (const [direction, key, rows] of merchantGroups(p)) found.push(...merchantStreams(direction, key, rows, p.asOfDay));
  const pool = variantPool(p);
  let joined = [...found, ...priceStreams(found, p, pool)];
  // A stream that took in rows can now reach a neighbour it could not before: repeat while anything changes.
  for (let pass = 0; pass < ABSORB_PASSES; pass++) {
    const before = joined.length;
    const rowsBefore = rowCount(joined);
    joined = absorbVariants(joined, p, pool);
    if (joined.length === before && rowCount(joined) === rowsBefore) break;
  }
  return demoteChanceSubscriptions(joined, p).sort(
    (a, b) =>
      CATEGORY_ORDER[a.stream.category] - CATEGORY_ORDER[b.stream.category] ||
      (a.stream.direction === b.stream.direction ? 0 : a.stream.direction === "outflow" ? -1 : 1) ||
      b.monthlyEquivalent - a.monthlyEquivalent ||
      (a.stream.stream_id < b.stream.stream_id ? -1 : 1),
  );
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
  const accounts = opts.accounts ?? [...new Set(txs.map((t) => t.account_id))].map(checkingAccount);
  const p = prepareUser({ user_id: "", accounts, transactions: txs, credit: [], loans: [] }, asOf);
  return detectStreamsPrepared(p).map((s) => s.stream);
}

function checkingAccount(id: string): CoreAccount {
  return {
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
  };
}
