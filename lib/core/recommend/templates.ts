/**
 * Rationale templates, as data. A template is a list of sentences; each sentence is a list of
 * alternatives, and the first alternative whose placeholders all resolve is used (a sentence
 * with no resolvable alternative is left out). Placeholders:
 *   {key}          the fact's display ("68%")
 *   {key|subject}  the fact's subject ("Visa ending in 4523")
 * A `*` segment in a key matches one key segment and binds to the same value across the sentence
 * ({card.*.utilization} and {card.*.limit} refer to the same card).
 * Templates hold no digits: every number in a rationale comes from facts.
 */
import type { SignalTag } from "./catalog";

export type SentenceSpec = readonly string[];
export type TemplateSpec = readonly SentenceSpec[];

export const TAG_TEMPLATES: Record<SignalTag, TemplateSpec> = {
  "credit.utilization": [
    ["We noticed your {card.*.utilization|subject} is at {card.*.utilization} utilization ({card.*.balance} of {card.*.limit} limit)."],
    [
      "Bringing this below {target.utilization} could improve your credit score and reduce interest charges of {credit.interest_monthly}/month.",
      "Bringing this below {target.utilization} could improve your credit score.",
    ],
  ],
  "credit.interest": [
    [
      "You paid {credit.interest_charged} in card interest on your {card.*.interest|subject} over the last {window.days}.",
      "You paid {credit.interest_charged} in card interest over the last {window.days}.",
    ],
  ],
  "credit.minimum_payment": [
    [
      "Recent payments on your {card.*.balance|subject} covered the minimum due while the balance is {card.*.balance}, so most of it keeps collecting interest.",
      "Your recent card payments covered the minimum due, so most of the balance keeps collecting interest.",
    ],
  ],
  "credit.overdue": [
    [
      "Your {card.*.balance|subject} shows a payment past due, on a balance of {card.*.balance}.",
      "One of your card payments shows as past due.",
    ],
  ],
  "subscriptions.count": [
    ["You have {subscriptions.recurring_merchant_count} adding up to about {subscriptions.monthly_recurring_spend} a month."],
    ["The largest is {subscriptions.top_merchant|subject} at about {subscriptions.top_merchant} a month."],
  ],
  "subscriptions.spend": [
    ["Your subscriptions add up to about {subscriptions.monthly_recurring_spend} a month, or {subscriptions.annual_recurring_spend} a year."],
  ],
  "subscriptions.share": [
    ["Subscriptions made up {subscriptions.share_of_spend} of your spending over the last {window.days}."],
  ],
  "savings.growth": [
    ["Your savings grew {savings.growth_rate} over the last {window.days}, from {savings.start_balance} to {savings.end_balance}."],
  ],
  "savings.inflow": [["You've been adding about {savings.monthly_net_inflow} a month to savings."]],
  "savings.emergency_fund": [
    [
      "Your savings would cover about {savings.emergency_fund_months} of expenses, and a common goal is {target.emergency_fund_months}.",
      "A common goal is savings that cover {target.emergency_fund_months} of expenses, and every small deposit counts toward it.",
    ],
  ],
  "income.variability": [
    ["Your paycheck amounts have varied: the typical swing is about {income.pay_variability} of your average paycheck of {income.average_paycheck}."],
  ],
  "income.pay_gap": [["Your paychecks have arrived a median of {income.median_pay_gap_days} apart."]],
  "income.buffer": [
    [
      "Your checking balance of {income.checking_balance} covers about {income.cash_flow_buffer_months} of your usual expenses of {income.avg_monthly_expenses} a month.",
      "Your checking balance of {income.checking_balance} covers less than a month of your usual expenses of {income.avg_monthly_expenses} a month.",
    ],
  ],
  "fees.overdraft": [
    ["You were charged {fees.overdraft_fee_count} for overdrafts or insufficient funds in the last {window.days}, {fees.overdraft_fee_total} in total."],
  ],
};

/** When no signal tag applies (general items, users with no persona). */
export const GENERAL_TEMPLATES: Record<"education" | "offer", TemplateSpec> = {
  education: [["Based on the last {window.days} of your transactions, here is a general read we think is useful."]],
  offer: [["Based on the last {window.days} of your transactions, this is an option you're eligible for."]],
};

/** Closing sentences when the item has no `why` of its own. */
export const DEFAULT_WHY: Record<"education" | "offer", string> = {
  education: "This short read explains the basics and a few next steps you can take at your own pace.",
  offer: "It's one option to compare; take your time and read the terms.",
};

/** Always closes an offer's rationale. */
export const OFFER_RANKING_NOTE = "We rank offers by how well they fit your situation, never by what a partner pays us.";
