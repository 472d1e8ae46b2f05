/**
 * Subscriptions (the brief): recurring merchants (≥3 in 90 days with monthly/weekly cadence), monthly
 * recurring spend (monthly equivalent), and subscription share of total spend in the window.
 */
import {
  RECURRING_CADENCES,
  RECURRING_LOOKBACK_DAYS,
  RECURRING_MIN_OCCURRENCES,
} from "./constants";
import { EvidenceBuilder, r4, usd } from "./evidence";
import { dayIso } from "./days";
import type { StreamInternal } from "./stream";
import type { RecurringStream, SubscriptionSignals } from "./types";
import type { WindowCtx } from "./window";

/** Most charges of `s` inside any RECURRING_LOOKBACK_DAYS-day span within [fromDay, toDay]. */
export function maxChargesInSpan(s: StreamInternal, fromDay: number, toDay: number): number {
  const ds: number[] = [];
  for (const r of s.rows) if (r.day >= fromDay && r.day <= toDay) ds.push(r.day);
  let best = 0;
  for (let i = 0, j = 0; i < ds.length; i++) {
    while (ds[i] - ds[j] >= RECURRING_LOOKBACK_DAYS) j++;
    if (i - j + 1 > best) best = i - j + 1;
  }
  return best;
}

/**
 * The stream is live in the window: a charge inside it, or its next charge predicted inside it and not
 * yet overdue beyond the cadence's grace days (is_active).
 */
export function liveInWindow(s: StreamInternal, ctx: WindowCtx): boolean {
  if (s.lastDay >= ctx.startDay) return true;
  return s.predictedDay >= ctx.startDay && s.active;
}

/** First day the recurring rule reads for a window: 90 days before the window's first day. */
export function ruleFromDay(ctx: WindowCtx): number {
  return ctx.startDay - (RECURRING_LOOKBACK_DAYS - 1);
}

/**
 * The recurring rule for a window: a subscription stream on a WEEKLY..MONTHLY cadence, live in the window,
 * that on some day of the window had ≥3 charges in the 90 days ending that day (the brief's "≥3 in 90
 * days", evaluated on each day of the window, so a monthly charge 30 days before as-of still counts).
 */
export function meetsRecurringRule(s: StreamInternal, ctx: WindowCtx): boolean {
  if (!s.stream.is_subscription) return false;
  if (!RECURRING_CADENCES.includes(s.stream.frequency)) return false;
  if (!liveInWindow(s, ctx)) return false;
  return maxChargesInSpan(s, ruleFromDay(ctx), ctx.asOfDay) >= RECURRING_MIN_OCCURRENCES;
}

export function subscriptionSignals(ctx: WindowCtx): SubscriptionSignals {
  const ev = new EvidenceBuilder();
  const ruleFrom = ruleFromDay(ctx);
  ev.note(
    `recurring rule (RECURRING_MIN_OCCURRENCES=${RECURRING_MIN_OCCURRENCES} in RECURRING_LOOKBACK_DAYS=${RECURRING_LOOKBACK_DAYS}, ` +
      `cadence ${RECURRING_CADENCES.join("/")}) read ${dayIso(ruleFrom)}..${ctx.p.asOf}`,
  );
  const streams: RecurringStream[] = [];
  const merchants = new Set<string>();
  let monthly = 0;
  let subSpend = 0;
  for (const s of ctx.streams) {
    if (!liveInWindow(s, ctx)) continue;
    const counted = meetsRecurringRule(s, ctx);
    streams.push({ ...s.stream, meets_recurring_rule: counted });
    if (!counted) {
      if (s.stream.is_subscription) {
        ev.note(`${s.stream.merchant}: ${s.stream.frequency} subscription not counted (needs ${RECURRING_MIN_OCCURRENCES} charges in ${RECURRING_LOOKBACK_DAYS} days on a weekly..monthly cadence)`);
      }
      continue;
    }
    merchants.add(s.stream.merchant_key);
    monthly += s.monthlyEquivalent;
    let inWindow = 0;
    for (const r of s.rows) {
      if (r.day >= ctx.startDay) {
        inWindow += Math.abs(r.amount);
        ev.tx(r.tx.transaction_id).account(r.tx.account_id);
      }
    }
    subSpend += inWindow;
    ev.note(
      `${s.stream.merchant}: ${s.stream.frequency}, ${s.stream.occurrences} charges since ${s.stream.first_date}, ` +
        `last ${usd(s.stream.last_amount_cents)} -> ${usd(s.monthlyEquivalent)}/month; ${usd(inWindow)} in window`,
    );
  }
  const share = ctx.totalSpend > 0 ? Math.min(1, subSpend / ctx.totalSpend) : 0;
  ev.note(`share of spend = ${usd(subSpend)} / ${usd(ctx.totalSpend)} = ${r4(share)}`);
  for (const n of ctx.spendEvidence.notes) ev.note(n);
  return {
    recurring_merchant_count: merchants.size,
    monthly_recurring_spend_cents: monthly,
    total_spend_cents: ctx.totalSpend,
    share_of_spend: share,
    streams,
    evidence: ev.build(),
  };
}
