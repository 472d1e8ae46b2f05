/**
 * Plain, kind sentences about a customer's own numbers, from their stored signals. No persona
 * names, no jargon, no judgment: each insight says what we saw and, at most, one neutral idea.
 */
import type { Frequency, WindowSignals } from "@/lib/core/signals/types";
import { cardLabel, formatMoney, formatMonths, formatPercent } from "@/lib/core/shared/format";

export interface Insight {
  id: string;
  title: string;
  body: string;
}

const PAY_CADENCE: Record<Frequency, string> = {
  WEEKLY: "every week",
  BIWEEKLY: "every two weeks",
  SEMI_MONTHLY: "twice a month",
  MONTHLY: "once a month",
  ANNUALLY: "once a year",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "about 2.5 months"; "more than a year" past twelve (a short spend history can make it huge); "less than a week" under a quarter month. */
const coverage = (m: number) => (m > 12 ? "more than a year" : m < 0.25 ? "less than a week" : `about ${formatMonths(m)}`);

/** Monthly savings inflow worth mentioning, cents ($25). */
const SAVINGS_INFLOW_MENTION_MIN_CENTS = 2_500;

export function customerInsights(w30: WindowSignals | null, w180: WindowSignals | null): Insight[] {
  const out: Insight[] = [];
  const recent = w30 ?? w180;
  if (!recent) return out;

  const subs = recent.subscriptions;
  if (subs.recurring_merchant_count > 0) {
    const names = subs.streams
      .filter((s) => s.is_subscription && s.meets_recurring_rule && s.direction === "outflow")
      .slice(0, 4)
      .map((s) => s.merchant);
    out.push({
      id: "subscriptions",
      title: "Your subscriptions",
      body:
        `You have ${plural(subs.recurring_merchant_count, "subscription", "subscriptions")} that renew on a schedule, about ${formatMoney(subs.monthly_recurring_spend_cents)} a month together` +
        (names.length ? ` (${names.join(", ")})` : "") +
        `. A quick look through them now and then makes it easy to keep the ones you enjoy.`,
    });
  }

  for (const c of recent.credit.cards) {
    if (c.utilization === null || c.limit_cents === null) continue;
    const high = c.utilization >= 0.3;
    out.push({
      id: `card-${c.account_id}`,
      title: `Your ${cardLabel(c)}`,
      body:
        `The balance is ${formatMoney(c.balance_cents)} of a ${formatMoney(c.limit_cents)} limit, so ${formatPercent(c.utilization)} of the limit is in use.` +
        (high ? " Keeping that share under 30% is one of the things that can help a credit score over time." : " That's a comfortable share of the limit."),
    });
  }
  if (recent.credit.interest_charged_cents > 0) {
    out.push({
      id: "interest",
      title: "Card interest",
      body: `Interest of ${formatMoney(recent.credit.interest_charged_cents)} was charged in the last 30 days. Paying a little above the minimum each month can bring that amount down.`,
    });
  }

  const inc = recent.income;
  if (inc.payroll_detected) {
    out.push({
      id: "income",
      title: "Your pay",
      body: inc.frequency ? `Your pay usually arrives ${PAY_CADENCE[inc.frequency]}.` : "We can see regular pay coming in.",
    });
  }
  if (inc.cash_flow_buffer_months !== null) {
    out.push({
      id: "buffer",
      title: "Your everyday cushion",
      body: `Your checking balance would cover ${coverage(inc.cash_flow_buffer_months)} of your usual spending.`,
    });
  }

  const sav = (w180 ?? recent).savings;
  if (sav.has_savings_account) {
    const parts: string[] = [];
    if (sav.monthly_net_inflow_cents >= SAVINGS_INFLOW_MENTION_MIN_CENTS) parts.push(`Over the last six months you've added about ${formatMoney(sav.monthly_net_inflow_cents)} a month to savings. Nice progress.`);
    if (sav.emergency_fund_months !== null) parts.push(`Your savings would cover ${coverage(sav.emergency_fund_months)} of usual spending.`);
    if (parts.length) out.push({ id: "savings", title: "Your savings", body: parts.join(" ") });
  }

  if (recent.fees.overdraft_fee_count > 0) {
    out.push({
      id: "fees",
      title: "Bank fees",
      body: `There ${recent.fees.overdraft_fee_count === 1 ? "was" : "were"} ${plural(recent.fees.overdraft_fee_count, "overdraft or low-balance fee", "overdraft or low-balance fees")} (${formatMoney(recent.fees.overdraft_fee_cents)}) in the last 30 days. A low-balance alert from your bank can give you a heads-up before one happens.`,
    });
  }
  return out;
}
