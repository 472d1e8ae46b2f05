/**
 * Relevant or nothing (issue 11). An item may be shown only when each of its signal tags holds for the user: the
 * user has what the tag is about (TAG_SUBJECTS; for a problem, the problem itself: an overdraft guide needs an
 * overdraft fee, a missed-payment guide an overdue card). Its persona tag must be one of the user's personas, or
 * it is a general item (the pools of ./recommend.ts), and a general item is held to the same tags, so it never
 * talks about a problem the user does not have. An offer also needs a signal it answers: at least
 * OFFER_MIN_ANSWERED_SIGNALS of its tags notable for the user. Fewer items are better than irrelevant ones.
 */
import type { EligibilityCheck } from "../guardrails/eligibility";
import type { WindowSignals } from "../signals/types";
import type { SignalTag } from "./catalog";
import { OFFER_MIN_ANSWERED_SIGNALS, RELEVANT_SIGNAL_TAGS } from "./constants";

const hasSubscription = (w: WindowSignals) => w.subscriptions.recurring_merchant_count > 0;
const hasSavings = (w: WindowSignals) => w.savings.has_savings_account;
const carriesCardBalance = (w: WindowSignals) => w.credit.cards.some((c) => (c.balance_cents ?? 0) > 0);

/** What each signal tag is about, and whether the user has it (a null signal is not had: unknown is never zero). */
export const TAG_SUBJECTS: Record<SignalTag, { about: string; has: (w: WindowSignals) => boolean }> = {
  "credit.utilization": { about: "a credit card with a known utilization", has: (w) => w.credit.cards.some((c) => c.utilization !== null) },
  "credit.interest": { about: "a credit card carrying a balance or charging interest", has: (w) => carriesCardBalance(w) || w.credit.interest_charged_cents > 0 },
  "credit.minimum_payment": { about: "a credit card carrying a balance", has: carriesCardBalance },
  "credit.overdue": { about: "an overdue credit card", has: (w) => w.credit.overdue },
  "subscriptions.count": { about: "a subscription", has: hasSubscription },
  "subscriptions.spend": { about: "a subscription", has: hasSubscription },
  "subscriptions.share": { about: "a subscription", has: hasSubscription },
  "savings.growth": { about: "a savings account", has: hasSavings },
  "savings.inflow": { about: "a savings account", has: hasSavings },
  "savings.emergency_fund": { about: "monthly expenses", has: (w) => w.savings.avg_monthly_expenses_cents > 0 },
  "income.variability": { about: "two or more income deposits", has: (w) => w.income.pay_variability !== null },
  "income.pay_gap": { about: "a gap between income deposits", has: (w) => w.income.median_pay_gap_days !== null },
  "income.buffer": { about: "a checking account with a known balance", has: (w) => w.income.checking_balance_cents !== null },
  "fees.overdraft": { about: "an overdraft or NSF fee", has: (w) => w.fees.overdraft_fee_count > 0 },
};

/** The item's signal tags that do not hold for the user, each with why. */
export function tagMisses(tags: readonly SignalTag[], w: WindowSignals): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const s = TAG_SUBJECTS[t];
    if (!s.has(w)) out.push(`${t} is about ${s.about}, which the user does not have`);
  }
  return out;
}

/** The relevance checks an item fails (empty = relevant), as trace checks naming the rule. */
export function relevanceChecks(
  item: { signal_tags: readonly SignalTag[] },
  kind: "education" | "offer",
  w: WindowSignals,
  active: readonly SignalTag[],
): EligibilityCheck[] {
  const failed: EligibilityCheck[] = tagMisses(item.signal_tags, w).map((detail) => ({ rule: RELEVANT_SIGNAL_TAGS, passed: false, detail }));
  if (kind === "offer") {
    const answered = item.signal_tags.filter((t) => active.includes(t)).length;
    if (answered < OFFER_MIN_ANSWERED_SIGNALS) {
      failed.push({
        rule: "OFFER_MIN_ANSWERED_SIGNALS",
        passed: false,
        detail: `the offer answers ${answered} notable signal(s) of the user (needs ${OFFER_MIN_ANSWERED_SIGNALS}; tags: ${item.signal_tags.join(", ") || "none"})`,
      });
    }
  }
  return failed;
}
