/**
 * Accuracy against the generator's labels (`FILE.labels.jsonl`), per user, then summed:
 * - Subscriptions (180d window, the brief's recurring rule): a planted subscription "should be
 *   detected" when it is MONTHLY or WEEKLY, active at as-of, with ≥ 3 posted charges in a 90-day span
 *   ending inside the window. A detected stream (meets_recurring_rule) matches the planted stream
 *   it shares the most transaction ids with: TP when that one is expected (a second stream on it is a
 *   duplicate, FP), neither when it is a subscription cancelled during the window (the engine counts
 *   it there by design), FP otherwise. FN: an expected subscription no stream matches.
 * - Payroll frequency (180d): right when payroll is detected with the planted frequency; payroll
 *   detected for a user without planted payroll is counted apart.
 * - Minimum-payment-only (30d): the window's flag against behaviors.min_payment_only.
 * - Personas (each window): the stored primary is one of the expected personas (none when none is
 *   expected), and the matched set equals the expected set.
 */
import { isoDay, RECURRING_LOOKBACK_DAYS, RECURRING_MIN_OCCURRENCES, WINDOW_IDS, type WindowId, type WindowSignals } from "../core/signals";
import type { PlantedStream, UserLabels } from "../generator/labels";
import type { AccuracyMetrics, EvalUserRecord, UserAccuracy } from "./types";
import { listed, ratio, share } from "./util";

/** Most charges inside any span of RECURRING_LOOKBACK_DAYS days within [from, to]. */
function busiestSpan(days: number[], from: number, to: number): number {
  const inRange = days.filter((d) => d >= from && d <= to).sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  inRange.forEach((d, i) => {
    while (d - inRange[start] >= RECURRING_LOOKBACK_DAYS) start++;
    best = Math.max(best, i - start + 1);
  });
  return best;
}

const isRuleCadence = (p: PlantedStream) => p.frequency === "MONTHLY" || p.frequency === "WEEKLY";

export function scoreSubscriptions(w: WindowSignals, labels: UserLabels, dates: Record<string, string>): UserAccuracy["subscriptions"] {
  const ruleFrom = isoDay(w.start_date) - (RECURRING_LOOKBACK_DAYS - 1);
  const asOf = isoDay(w.as_of);
  const expected = new Set<number>();
  const cancelled = new Set<number>();
  const owner = new Map<string, number>();
  labels.streams.forEach((p, i) => {
    for (const id of p.transaction_ids) owner.set(id, i);
    if (p.kind !== "subscription" || !isRuleCadence(p)) return;
    const days = p.transaction_ids.flatMap((id) => (dates[id] ? [isoDay(dates[id])] : []));
    if (busiestSpan(days, ruleFrom, asOf) < RECURRING_MIN_OCCURRENCES) return;
    (p.active_at_as_of ? expected : cancelled).add(i);
  });
  const out = { tp: 0, fp: 0, fn: 0, cancelled_in_window: 0, misses: [] as string[] };
  const found = new Set<number>();
  for (const s of w.subscriptions.streams.filter((x) => x.meets_recurring_rule)) {
    const votes = new Map<number, number>();
    for (const id of s.transaction_ids) {
      const o = owner.get(id);
      if (o !== undefined) votes.set(o, (votes.get(o) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? -1;
    if (expected.has(best) && !found.has(best)) {
      out.tp++;
      found.add(best);
    } else if (cancelled.has(best)) out.cancelled_in_window++;
    else {
      out.fp++;
      const p = labels.streams[best];
      out.misses.push(`false positive: ${s.merchant} ${s.frequency} (${p ? `planted as ${p.kind} ${p.merchant}` : "nothing planted"})`);
    }
  }
  for (const i of expected) {
    if (found.has(i)) continue;
    out.fn++;
    out.misses.push(`missed: ${labels.streams[i].merchant} ${labels.streams[i].frequency}`);
  }
  return out;
}

/** Accuracy of one consenting user with stored results in both windows; null without labels. */
export function userAccuracy(r: EvalUserRecord): UserAccuracy | null {
  const l = r.labels;
  const w30 = r.windows["30d"];
  const w180 = r.windows["180d"];
  if (!l || !w30?.signals || !w180?.signals) return null;
  const income = w180.signals.income;
  const personas: UserAccuracy["personas"] = {};
  for (const [id, w] of [["30d", w30], ["180d", w180]] as const) {
    personas[id] = { expected: l.expected_personas, primary: w.persona?.primary ?? null, matched: (w.persona?.assignment?.matched ?? []).map((m) => m.id) };
  }
  return {
    subscriptions: scoreSubscriptions(w180.signals, l, r.label_dates),
    payroll: l.payroll ? { planted: l.payroll.frequency, detected: income.payroll_detected ? income.frequency : null, right: income.payroll_detected && income.frequency === l.payroll.frequency } : null,
    false_payroll: !l.payroll && income.payroll_detected,
    minimum_payment_only: { planted: l.behaviors.min_payment_only, detected: w30.signals.credit.minimum_payment_only },
    personas,
  };
}

/** Sums the users' accuracy (consenting users with labels and stored results in both windows). */
export function sumAccuracy(users: readonly UserAccuracy[]): AccuracyMetrics {
  const subs = { tp: 0, fp: 0, fn: 0, cancelled_in_window: 0 };
  const misses: string[] = [];
  const mp = { tp: 0, fp: 0, fn: 0 };
  let planted = 0;
  let right = 0;
  let falsePayroll = 0;
  const agree: Record<WindowId, { primary: number; set: number; n: number }> = { "30d": { primary: 0, set: 0, n: 0 }, "180d": { primary: 0, set: 0, n: 0 } };
  for (const u of users) {
    for (const k of ["tp", "fp", "fn", "cancelled_in_window"] as const) subs[k] += u.subscriptions[k];
    misses.push(...u.subscriptions.misses);
    if (u.payroll) {
      planted++;
      if (u.payroll.right) right++;
    }
    if (u.false_payroll) falsePayroll++;
    const m = u.minimum_payment_only;
    if (m.planted && m.detected) mp.tp++;
    else if (m.detected) mp.fp++;
    else if (m.planted) mp.fn++;
    for (const [w, p] of Object.entries(u.personas) as [WindowId, NonNullable<UserAccuracy["personas"][WindowId]>][]) {
      const a = agree[w];
      a.n++;
      if (p.primary === null ? p.expected.length === 0 : p.expected.includes(p.primary)) a.primary++;
      if (p.matched.length === p.expected.length && p.matched.every((x) => p.expected.includes(x))) a.set++;
    }
  }
  return {
    users: users.length,
    subscriptions: { ...subs, precision: ratio(subs.tp, subs.tp + subs.fp), recall: ratio(subs.tp, subs.tp + subs.fn), misses: listed(misses) },
    payroll: { ...share(right, planted), false_payroll: falsePayroll },
    minimum_payment_only: { ...mp, precision: ratio(mp.tp, mp.tp + mp.fp), recall: ratio(mp.tp, mp.tp + mp.fn) },
    personas: Object.fromEntries(
      WINDOW_IDS.filter((w) => agree[w].n > 0).map((w) => [w, { primary_agreement: share(agree[w].primary, agree[w].n), set_match: share(agree[w].set, agree[w].n) }]),
    ),
  };
}
