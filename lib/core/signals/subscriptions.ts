/**
 * Subscriptions (the brief): recurring merchants (≥3 in 90 days with monthly/weekly cadence), monthly
 * recurring spend (monthly equivalent), and subscription share of total spend in the window.
 */
import {
  CADENCE_BANDS,
  RECURRING_CADENCES,
  RECURRING_LOOKBACK_DAYS,
  RECURRING_MIN_OCCURRENCES,
} from "./constants";
import { EvidenceBuilder, r4, usd } from "./evidence";
import { dayIso } from "./prepare";
import type { StreamInternal } from "./recurring";
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

/** The stream has a charge in the window, or its next charge is predicted inside it (up to the cadence's grace days past as-of). */
export function liveInWindow(s: StreamInternal, ctx: WindowCtx): boolean {
  if (s.lastDay >= ctx.startDay) return true;
  const grace = CADENCE_BANDS[s.stream.frequency].activeGraceDays;
  return s.predictedDay >= ctx.startDay && s.predictedDay <= ctx.asOfDay + grace;
}

/**
 * The recurring rule for a window: a subscription stream on a WEEKLY..MONTHLY cadence with ≥3 charges
 * inside 90 consecutive days of the rule's look-back (the 90 days ending on as-of for the 30d window;
 * the window itself for longer windows), live in the window.
 */
export function meetsRecurringRule(s: StreamInternal, ctx: WindowCtx): boolean {
  if (!s.stream.is_subscription) return false;
  if (!RECURRING_CADENCES.includes(s.stream.frequency)) return false;
  if (!liveInWindow(s, ctx)) return false;
  const ruleFrom = ctx.asOfDay - Math.max(ctx.days, RECURRING_LOOKBACK_DAYS) + 1;
  return maxChargesInSpan(s, ruleFrom, ctx.asOfDay) >= RECURRING_MIN_OCCURRENCES;
}

export function subscriptionSignals(ctx: WindowCtx): SubscriptionSignals {
  const ev = new EvidenceBuilder();
  const ruleFrom = ctx.asOfDay - Math.max(ctx.days, RECURRING_LOOKBACK_DAYS) + 1;
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
