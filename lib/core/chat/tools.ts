/**
 * The read-only chat tools' results, built from a customer's own stored signals (pure: the caller
 * loads the data for the signed-in customer; nothing here takes a user id). Each builder writes the
 * numbers as displays and records them as facts (./facts.ts).
 */
import { cardKey, cardLabel } from "../shared/format";
import { CREDIT_UTILIZATION_TARGET_BELOW, EMERGENCY_FUND_TARGET_MONTHS, INCOME_VARIABILITY_NOTABLE_MIN } from "../recommend/constants";
import type { Fact } from "../shared/types";
import { UTILIZATION_FLAGS } from "../signals/constants";
import { WINDOW_DAYS, type RecurringStream, type WindowSignals } from "../signals/types";
import { CHAT_COVERAGE_OVER_A_YEAR_MONTHS, CHAT_COVERAGE_UNDER_A_WEEK_MONTHS, CHAT_MAX_SUGGESTIONS, CHAT_SPENDING_TOP_CATEGORIES } from "./constants";
import { CADENCE_WORDS, FactSheet, categoryWords } from "./facts";
import type { CategorySpend } from "./spending";
import type { CardItem, ReadyToolResult } from "./types";

const windowLabel = (sheet: FactSheet, w: WindowSignals) => `last ${sheet.days("window.days", "Days in the window", WINDOW_DAYS[w.window])}`;

/** "about 2.5 months", or words at the ends of the scale (CHAT_COVERAGE_*). */
function coverageWords(months: number | null, display: string | null): string | null {
  if (months === null || display === null) return null;
  if (months < CHAT_COVERAGE_UNDER_A_WEEK_MONTHS) return "less than a week";
  if (months > CHAT_COVERAGE_OVER_A_YEAR_MONTHS) return "more than a year";
  return `about ${display}`;
}

/** Subscriptions counted by the brief's recurring rule, as the profile counts them. */
export function countedSubscriptions(w: WindowSignals): RecurringStream[] {
  return w.subscriptions.streams.filter((s) => s.meets_recurring_rule && s.direction === "outflow");
}

export function subscriptionsResult(w: WindowSignals): ReadyToolResult<"get_subscriptions"> {
  const sheet = new FactSheet();
  const sub = w.subscriptions;
  const data = {
    window: windowLabel(sheet, w),
    subscription_count: sheet.count("subscriptions.count", "Subscriptions", sub.recurring_merchant_count),
    monthly_total: sheet.usd("subscriptions.monthly_total", "Subscriptions per month", sub.monthly_recurring_spend_cents),
    share_of_spending: sheet.ratio("subscriptions.share", "Subscription share of spending", sub.share_of_spend),
    subscriptions: countedSubscriptions(w).map((s, i) => ({
      merchant: s.merchant,
      amount: sheet.usd(`subscriptions.${i}.amount`, `${s.merchant} latest charge`, s.last_amount_cents, s.merchant),
      frequency: CADENCE_WORDS[s.frequency],
      monthly_equivalent: sheet.usd(`subscriptions.${i}.monthly`, `${s.merchant} per month`, s.monthly_equivalent_cents ?? 0, s.merchant),
      last_charge: sheet.date(`subscriptions.${i}.last`, `${s.merchant} last charge`, s.last_date, s.merchant),
      next_charge: sheet.date(`subscriptions.${i}.next`, `${s.merchant} next charge`, s.predicted_next_date, s.merchant),
    })),
  };
  return { tool: "get_subscriptions", data, facts: sheet.facts, dates: sheet.dates };
}

export function cardsResult(w: WindowSignals): ReadyToolResult<"get_card_utilization"> {
  const sheet = new FactSheet();
  const window = windowLabel(sheet, w);
  const cards: CardItem[] = w.credit.cards.map((c) => {
    const key = cardKey(c);
    const label = cardLabel(c);
    return {
      card: label,
      balance: c.balance_cents === null ? null : sheet.usd(`${key}.balance`, `${label} balance`, c.balance_cents, label),
      limit: c.limit_cents === null ? null : sheet.usd(`${key}.limit`, `${label} credit limit`, c.limit_cents, label),
      utilization: c.utilization === null ? null : sheet.ratio(`${key}.utilization`, `${label} utilization`, c.utilization, label),
      at_or_above: c.flags.map((f) => sheet.ratio(`${key}.flag.${f}`, `${label} at or above`, Number(f) / 100, label)),
      interest_charged: sheet.usd(`${key}.interest`, `${label} interest charged`, c.interest_charged_cents, label),
      minimum_payment_only: c.minimum_payment_only,
      overdue: c.overdue,
    };
  });
  const reference = sheet.ratio("utilization.reference", "Utilization flag (CREDIT_UTILIZATION_TARGET_BELOW)", CREDIT_UTILIZATION_TARGET_BELOW);
  for (const f of UTILIZATION_FLAGS) sheet.ratio(`utilization.flag.${f}`, "Utilization flag", f);
  return { tool: "get_card_utilization", data: { window, cards, reference_utilization: reference }, facts: sheet.facts, dates: sheet.dates };
}

export function savingsResult(w: WindowSignals): ReadyToolResult<"get_savings"> {
  const sheet = new FactSheet();
  const s = w.savings;
  const has = s.has_savings_account;
  const months = has && s.emergency_fund_months !== null ? sheet.months("savings.emergency_fund_months", "Months of spending savings cover", s.emergency_fund_months) : null;
  const data = {
    window: windowLabel(sheet, w),
    has_savings_account: has,
    savings_balance: has && s.end_balance_cents !== null ? sheet.usd("savings.balance", "Savings balance", s.end_balance_cents) : null,
    monthly_net_inflow: has ? sheet.usd("savings.monthly_net_inflow", "Net into savings per month", s.monthly_net_inflow_cents) : null,
    growth: has && s.growth_rate !== null ? sheet.ratio("savings.growth", "Savings growth over the window", s.growth_rate) : null,
    emergency_fund_months: months,
    savings_would_cover: coverageWords(s.emergency_fund_months, months),
    average_monthly_spending: s.avg_monthly_expenses_cents > 0 ? sheet.usd("spending.monthly_average", "Average monthly spending", s.avg_monthly_expenses_cents) : null,
    reference_months: sheet.months("savings.reference_months", "Common emergency-fund goal (EMERGENCY_FUND_TARGET_MONTHS)", EMERGENCY_FUND_TARGET_MONTHS),
  };
  return { tool: "get_savings", data, facts: sheet.facts, dates: sheet.dates };
}

/** The main pay stream: the largest recurring income inflow (null when none was detected). */
function payStream(w: WindowSignals): RecurringStream | null {
  const pay = w.subscriptions.streams.filter((s) => s.direction === "inflow" && s.category === "income");
  return pay.sort((a, b) => b.average_amount_cents - a.average_amount_cents || a.merchant.localeCompare(b.merchant))[0] ?? null;
}

export function incomeResult(w: WindowSignals): ReadyToolResult<"get_income"> {
  const sheet = new FactSheet();
  const inc = w.income;
  const pay = inc.payroll_detected ? payStream(w) : null;
  const buffer = inc.cash_flow_buffer_months === null ? null : sheet.months("income.buffer_months", "Months of spending checking covers", inc.cash_flow_buffer_months);
  const data = {
    window: windowLabel(sheet, w),
    payroll_detected: inc.payroll_detected,
    frequency: inc.frequency ? CADENCE_WORDS[inc.frequency] : null,
    median_gap: inc.median_pay_gap_days === null ? null : sheet.days("income.median_gap_days", "Typical days between paychecks", inc.median_pay_gap_days),
    paycheck_count: sheet.count("income.paycheck_count", "Paychecks in the window", inc.paycheck_count),
    average_paycheck: inc.average_paycheck_cents === null ? null : sheet.usd("income.average_paycheck", "Average paycheck", inc.average_paycheck_cents),
    amounts_vary: inc.pay_variability !== null && inc.pay_variability >= INCOME_VARIABILITY_NOTABLE_MIN,
    last_pay_date: pay ? sheet.date("income.last_date", "Last paycheck", pay.last_date) : null,
    next_pay_date: pay ? sheet.date("income.next_date", "Next paycheck expected", pay.predicted_next_date) : null,
    payer: pay?.merchant ?? null,
    cash_flow_buffer: buffer,
    checking_would_cover: coverageWords(inc.cash_flow_buffer_months, buffer),
  };
  return { tool: "get_income", data, facts: sheet.facts, dates: sheet.dates };
}

export function spendingResult(categories: readonly CategorySpend[], totalCents: number, days: number): ReadyToolResult<"get_spending_by_category"> {
  const sheet = new FactSheet();
  const window = `last ${sheet.days("window.days", "Days in the window", days)}`;
  const total = sheet.usd("spending.total", "Total spending", totalCents);
  const top = categories.slice(0, CHAT_SPENDING_TOP_CATEGORIES);
  const rest = categories.slice(CHAT_SPENDING_TOP_CATEGORIES).reduce((s, c) => s + c.cents, 0);
  const data = {
    window,
    total,
    categories: top.map((c) => {
      const name = categoryWords(c.primary);
      return {
        category: name,
        amount: sheet.usd(`spending.${c.primary ?? "none"}`, `Spending on ${name}`, c.cents, name),
        share: sheet.ratio(`spending.${c.primary ?? "none"}.share`, `Share of spending on ${name}`, totalCents > 0 ? c.cents / totalCents : 0, name),
      };
    }),
    everything_else: rest > 0 ? sheet.usd("spending.rest", "Spending in the other categories", rest) : null,
  };
  return { tool: "get_spending_by_category", data, facts: sheet.facts, dates: sheet.dates };
}

export interface ApprovedSuggestion {
  title: string;
  kind: "education" | "offer";
  rationale: string;
  /** The facts of its decision trace: they ground the numbers of its rationale. */
  facts: readonly Fact[];
  summary: string | null;
  body: readonly string[];
}

export function suggestionsResult(items: readonly ApprovedSuggestion[]): ReadyToolResult<"get_suggestions"> {
  const seen = new Set<string>();
  const unique = items.filter((s) => !seen.has(s.title) && (seen.add(s.title), true)).slice(0, CHAT_MAX_SUGGESTIONS);
  return {
    tool: "get_suggestions",
    data: { suggestions: unique.map((s) => ({ title: s.title, kind: s.kind, why: s.rationale, summary: s.summary, text: [...s.body] })) },
    facts: unique.flatMap((s) => s.facts),
    dates: [],
  };
}
