/**
 * Plain, kind sentences about a customer's own numbers, from their stored signals. No persona
 * names, no jargon, no judgment: each insight says what we saw and, at most, one neutral idea.
 * Every sentence passes the tone and advice checks of the guardrails before a customer sees it;
 * counts and lists follow the language's rules (lib/core/shared/format.ts); each figure names the
 * window it comes from.
 */
import { checkAdviceLanguage, checkTone, type ToneResult } from "../guardrails/tone";
import { CREDIT_UTILIZATION_TARGET_BELOW } from "../recommend/constants";
import { compare } from "../shared/compare";
import { cardLabel, formatCount, formatList, formatMoney, formatMonths, formatPercent, pluralWord } from "../shared/format";
import type { Frequency, RecurringStream, WindowSignals } from "../signals/types";
import { WINDOW_DAYS } from "../signals/types";
import { COVERAGE_MAX_MONTHS, COVERAGE_MIN_MONTHS, SAVINGS_INFLOW_MENTION_MIN_CENTS, SUBSCRIPTIONS_NAMED_MAX } from "./constants";

export interface Insight {
  id: string;
  title: string;
  body: string;
}

/** How often something recurs, in words ("every two weeks"): pay cadences and subscription renewals. */
export const CADENCE_WORDS: Record<Frequency, string> = {
  WEEKLY: "every week",
  BIWEEKLY: "every two weeks",
  SEMI_MONTHLY: "twice a month",
  MONTHLY: "once a month",
  ANNUALLY: "once a year",
};

/** "the last 30 days": the window the figures of a sentence come from. */
const windowPhrase = (w: WindowSignals) => `the last ${WINDOW_DAYS[w.window]} days`;

/** "about 2.5 months"; "more than a year" past COVERAGE_MAX_MONTHS; "less than a week" under COVERAGE_MIN_MONTHS. */
export const coveragePhrase = (m: number) => (m > COVERAGE_MAX_MONTHS ? "more than a year" : m < COVERAGE_MIN_MONTHS ? "less than a week" : `about ${formatMonths(m)}`);

/** The merchants of the subscriptions the window counts, once each (a merchant with two plans is one). */
function countedMerchants(streams: RecurringStream[]): string[] {
  const seen = new Map<string, string>();
  for (const s of streams) {
    if (s.is_subscription && s.meets_recurring_rule && s.direction === "outflow" && !seen.has(s.merchant_key)) seen.set(s.merchant_key, s.merchant);
  }
  return [...seen.values()];
}

function subscriptionsInsight(w: WindowSignals): Insight | null {
  const subs = w.subscriptions;
  const n = subs.recurring_merchant_count;
  if (n <= 0) return null;
  const names = countedMerchants(subs.streams);
  return {
    id: "subscriptions",
    title: "Your subscriptions",
    body:
      `You have ${formatCount(n, "subscription", "subscriptions")} that ${pluralWord(n, "renews", "renew")} on a schedule, ` +
      `about ${formatMoney(subs.monthly_recurring_spend_cents)} a month together` +
      (names.length ? ` (${formatList(names, SUBSCRIPTIONS_NAMED_MAX)})` : "") +
      `. A quick look through them now and then makes it easy to keep the ones you enjoy.`,
  };
}

function cardInsights(w: WindowSignals): Insight[] {
  const out: Insight[] = [];
  for (const c of w.credit.cards) {
    if (c.utilization === null || c.limit_cents === null || c.balance_cents === null) continue;
    const high = compare(c.utilization, ">=", CREDIT_UTILIZATION_TARGET_BELOW);
    out.push({
      id: `card-${c.account_id}`,
      title: `Your ${cardLabel(c)}`,
      body:
        `The balance is ${formatMoney(c.balance_cents)} of a ${formatMoney(c.limit_cents)} limit, so ${formatPercent(c.utilization)} of the limit is in use.` +
        (high
          ? ` Keeping that share under ${formatPercent(CREDIT_UTILIZATION_TARGET_BELOW)} is one of the things that can help a credit score over time.`
          : " That's a comfortable share of the limit."),
    });
  }
  if (w.credit.interest_charged_cents > 0) {
    out.push({
      id: "interest",
      title: "Card interest",
      body: `Interest of ${formatMoney(w.credit.interest_charged_cents)} was charged in ${windowPhrase(w)}. Paying a little above the minimum each month can bring that amount down.`,
    });
  }
  return out;
}

function incomeInsights(w: WindowSignals): Insight[] {
  const inc = w.income;
  const out: Insight[] = [];
  if (inc.payroll_detected) {
    out.push({
      id: "income",
      title: "Your pay",
      body: inc.frequency ? `Your pay usually arrives ${CADENCE_WORDS[inc.frequency]}.` : "We can see regular pay coming in.",
    });
  }
  if (inc.cash_flow_buffer_months !== null) {
    out.push({
      id: "buffer",
      title: "Your everyday cushion",
      body: `Your checking balance would cover ${coveragePhrase(inc.cash_flow_buffer_months)} of your usual spending.`,
    });
  }
  return out;
}

function savingsInsight(w: WindowSignals): Insight | null {
  const sav = w.savings;
  if (!sav.has_savings_account) return null;
  const parts: string[] = [];
  if (sav.monthly_net_inflow_cents >= SAVINGS_INFLOW_MENTION_MIN_CENTS) {
    parts.push(`Over ${windowPhrase(w)} you've added about ${formatMoney(sav.monthly_net_inflow_cents)} a month to savings. Nice progress.`);
  }
  if (sav.emergency_fund_months !== null) parts.push(`Your savings would cover ${coveragePhrase(sav.emergency_fund_months)} of usual spending.`);
  return parts.length ? { id: "savings", title: "Your savings", body: parts.join(" ") } : null;
}

function feesInsight(w: WindowSignals): Insight | null {
  const n = w.fees.overdraft_fee_count;
  if (n <= 0) return null;
  return {
    id: "fees",
    title: "Bank fees",
    body:
      `There ${pluralWord(n, "was", "were")} ${formatCount(n, "overdraft or low-balance fee", "overdraft or low-balance fees")} ` +
      `(${formatMoney(w.fees.overdraft_fee_cents)}) in ${windowPhrase(w)}. A low-balance alert from your bank can give you a heads-up before one happens.`,
  };
}

/** The tone and advice checks of the guardrails, on one customer-facing text. */
export function checkCopy(text: string): ToneResult {
  const tone = checkTone(text);
  const advice = checkAdviceLanguage(text);
  const violations = [...tone.violations, ...advice.violations];
  return { ok: violations.length === 0, violations };
}

/**
 * Every insight the windows support, before the tone check: the recent window (30 days, else 180) for
 * subscriptions, cards, pay and fees; the long window (180 days, else 30) for savings.
 */
export function draftInsights(w30: WindowSignals | null, w180: WindowSignals | null): Insight[] {
  const recent = w30 ?? w180;
  if (!recent) return [];
  const long = w180 ?? recent;
  return [
    subscriptionsInsight(recent),
    ...cardInsights(recent),
    ...incomeInsights(recent),
    savingsInsight(long),
    feesInsight(recent),
  ].filter((i): i is Insight => i !== null);
}

/** The insights a customer sees: every draft insight whose title and body pass checkCopy. */
export function customerInsights(w30: WindowSignals | null, w180: WindowSignals | null): Insight[] {
  return draftInsights(w30, w180).filter((i) => checkCopy(`${i.title}\n${i.body}`).ok);
}
