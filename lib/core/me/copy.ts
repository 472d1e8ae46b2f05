/**
 * The sentences of the dashboard's charts and lists, built here so they are tested and pass the
 * tone check (components only place them).
 */
import { formatDayMonth } from "../chat/facts";
import { formatCount, formatList, formatMoney, formatPercent } from "../shared/format";
import { coveragePhrase } from "../insights/insights";
import type { EmergencyFundInput, EmergencyFundPlan, PayoffResult } from "./calculators";
import type { CardUtilization, SubscriptionList, SubscriptionRow } from "./charts";
import type { PaycheckHistory, SavingsHistory } from "./history";

/** "$15.49 once a month · next around November 10 · $15.49 a month". */
export function subscriptionLine(r: SubscriptionRow): string {
  return `${formatMoney(r.amount_cents)} ${r.cadence} · next around ${formatDayMonth(r.next_date)} · ${formatMoney(r.monthly_cents)} a month`;
}

/** "3 subscriptions, about $42.97 a month together". */
export function subscriptionTotal(l: SubscriptionList): string {
  return `${formatCount(l.rows.length, "subscription", "subscriptions")}, about ${formatMoney(l.monthly_total_cents)} a month together`;
}

/** "Visa ending in 4523 has a balance above its limit: 225% in use." */
export function overLimitSentence(c: CardUtilization): string {
  return `${c.label} has a balance above its limit: ${formatPercent(c.utilization)} in use.`;
}

/** The emergency-fund planner's two answers: how many months are saved, and what reaches the target. */
export function emergencyFundSentences(i: EmergencyFundInput, p: EmergencyFundPlan): [string, string] {
  const saved =
    p.months_saved === null
      ? "Add your monthly expenses to see how many months your savings cover."
      : i.savings_cents === 0
        ? "You have no savings set aside yet."
        : `Your savings cover ${coveragePhrase(p.months_saved)} of expenses.`;
  const target = `${formatMoney(p.target_cents)} (${formatCount(i.target_months, "month", "months")} of expenses)`;
  const reach =
    p.shortfall_cents === 0
      ? `You're already at a target of ${target}.`
      : `To reach ${target} in ${formatCount(i.months_to_goal, "month", "months")}, set aside about ${formatMoney(p.monthly_cents)} a month.`;
  return [saved, reach];
}

/** One payoff plan's answer: months and interest, or why the budget does not work. */
export function payoffSentence(r: PayoffResult): string {
  if (!r.ok) return `This budget is below the cards' minimum payments of ${formatMoney(r.minimums_cents)} a month.`;
  return `Paid off in ${formatCount(r.months, "month", "months")}, with ${formatMoney(r.total_interest_cents)} in interest.`;
}

/** Names the cards whose APR the planner assumed (the bank did not report one); null when none. */
export function assumedAprSentence(labels: readonly string[]): string | null {
  return labels.length ? `Your bank did not report an APR for ${formatList(labels)}; change it to the rate on your statement.` : null;
}

/** The sentence under the emergency-fund planner when the bank did not send the savings balance. */
export const SAVINGS_UNKNOWN_SENTENCE = "Your bank did not report your savings balance, so we left it blank: enter it to see the plan.";

const signedChange = (cents: number) => (cents > 0 ? `up ${formatMoney(cents)}` : cents < 0 ? `down ${formatMoney(-cents)}` : "no change");

/** The savings chart's sentence: the first and last balance and the change, or why there is no line. */
export function savingsSentence(h: SavingsHistory): string {
  if (h.status === "no_account") return "We don't see a savings account.";
  if (h.status === "unknown") return `Your bank did not report the balance of ${formatList(h.accounts)}, so your savings over time are unknown.`;
  const first = h.points[0];
  const last = h.points[h.points.length - 1];
  return `${formatMoney(first.cents)} on ${formatDayMonth(first.date)}, ${formatMoney(last.cents)} on ${formatDayMonth(last.date)}: ${signedChange(last.cents - first.cents)} over the last ${h.days} days.`;
}

/** The paychecks chart's sentence: how many and their total, or that we see none. */
export function paycheckSentence(h: PaycheckHistory): string {
  if (!h.points.length) return `We don't see a paycheck in the last ${h.days} days.`;
  return `${formatCount(h.points.length, "paycheck", "paychecks")} in the last ${h.days} days, ${formatMoney(h.total_cents)} in total.`;
}
