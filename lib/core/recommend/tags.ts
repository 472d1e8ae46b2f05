/**
 * Signal tags: when each is notable for a user (a named rule), the facts its rationale template
 * may cite, and the signal values it reads (for the trace).
 */
import {
  HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS,
  HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY,
  HIGH_UTILIZATION_OVERDUE,
  PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE,
  SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS,
  SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN,
  SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN,
  VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS,
  VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS,
  type PersonaId,
} from "../personas/constants";
import { compare } from "../shared/compare";
import { cardKey, cardLabel, formatCount, formatDays, formatMoney, formatMonths, formatPercent } from "../shared/format";
import type { CardSignal, Frequency, WindowSignals } from "../signals/types";
import { WINDOW_DAYS } from "../signals/types";
import type { TraceSignal } from "../guardrails/trace";
import { SIGNAL_TAGS, type SignalTag } from "./catalog";
import {
  CREDIT_UTILIZATION_TARGET_BELOW,
  EMERGENCY_FUND_TARGET_MONTHS,
  INCOME_VARIABILITY_NOTABLE_MIN,
  SAVINGS_GROWTH_NOTABLE_ABOVE,
  SAVINGS_INFLOW_NOTABLE_ABOVE_CENTS,
} from "./constants";
import type { Fact } from "../shared/types";

export interface TagDefinition {
  tag: SignalTag;
  /** The constant that decides whether the tag is notable, by name, with its value. */
  rule: { name: string; value: number | boolean };
  active(w: WindowSignals): boolean;
  facts(w: WindowSignals): Fact[];
  signals(w: WindowSignals): TraceSignal[];
}

const windowDays = (w: WindowSignals) => WINDOW_DAYS[w.window];

export const windowFact = (w: WindowSignals): Fact => ({
  key: "window.days",
  label: "Window length",
  value: windowDays(w),
  unit: "days",
  display: formatDays(windowDays(w)),
});

const money = (key: string, label: string, cents: number, subject?: string): Fact => ({
  key,
  label,
  value: cents,
  unit: "usd_cents",
  display: formatMoney(cents),
  ...(subject ? { subject } : {}),
});
/** A money fact only when the amount is known: unknown is never zero, and no rationale states it. */
const knownMoney = (key: string, label: string, cents: number | null, subject?: string): Fact[] => (cents === null ? [] : [money(key, label, cents, subject)]);
const ratio = (key: string, label: string, v: number, subject?: string): Fact => ({
  key,
  label,
  value: v,
  unit: "ratio",
  display: formatPercent(v),
  ...(subject ? { subject } : {}),
});
const months = (key: string, label: string, v: number): Fact => ({ key, label, value: v, unit: "months", display: formatMonths(v) });

/** Months displayed as at least "0.1 months"; below that we say "less than a month" instead. */
const showsMonths = (v: number | null): v is number => v !== null && Number.isFinite(v) && v >= 0.1;

function highestCard(w: WindowSignals): CardSignal | null {
  const known = w.credit.cards
    .filter((c) => c.utilization !== null && Number.isFinite(c.utilization))
    .sort((a, b) => (b.utilization as number) - (a.utilization as number) || a.account_id.localeCompare(b.account_id));
  return known[0] ?? null;
}

/** Monthly equivalent of a window amount (a month = 30 days, so the 30-day window is itself). */
export const perMonth = (w: WindowSignals, cents: number) => Math.round((cents * 30) / windowDays(w));

const PER_YEAR: Record<Frequency, number> = { WEEKLY: 52, BIWEEKLY: 26, SEMI_MONTHLY: 24, MONTHLY: 12, ANNUALLY: 1 };

function cardSignals(c: CardSignal): TraceSignal[] {
  const k = `credit.cards[${c.account_id}]`;
  return [
    { name: `${k}.utilization`, value: c.utilization },
    { name: `${k}.balance_cents`, value: c.balance_cents },
    { name: `${k}.limit_cents`, value: c.limit_cents },
  ];
}

export const TAG_DEFINITIONS: Record<SignalTag, TagDefinition> = {
  "credit.utilization": {
    tag: "credit.utilization",
    rule: { name: "CREDIT_UTILIZATION_TARGET_BELOW", value: CREDIT_UTILIZATION_TARGET_BELOW },
    active: (w) => compare(highestCard(w)?.utilization, ">=", CREDIT_UTILIZATION_TARGET_BELOW),
    facts: (w) => {
      const c = highestCard(w);
      if (!c || c.utilization === null) return [];
      const k = cardKey(c);
      const s = cardLabel(c);
      const facts: Fact[] = [ratio(`${k}.utilization`, `${s} utilization`, c.utilization, s), ...knownMoney(`${k}.balance`, `${s} balance`, c.balance_cents, s)];
      if (c.limit_cents !== null) facts.push(money(`${k}.limit`, `${s} credit limit`, c.limit_cents, s));
      facts.push(ratio("target.utilization", "Utilization to aim below", CREDIT_UTILIZATION_TARGET_BELOW));
      if (w.credit.interest_charged_cents > 0) {
        facts.push(money("credit.interest_monthly", "Card interest per month", perMonth(w, w.credit.interest_charged_cents)));
      }
      return facts;
    },
    signals: (w) => {
      const c = highestCard(w);
      return [
        { name: "credit.max_utilization", value: w.credit.max_utilization },
        ...(c ? cardSignals(c) : []),
        { name: "credit.interest_charged_cents", value: w.credit.interest_charged_cents },
      ];
    },
  },
  "credit.interest": {
    tag: "credit.interest",
    rule: { name: "HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS", value: HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS },
    active: (w) => compare(w.credit.interest_charged_cents, ">", HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS),
    facts: (w) => {
      const facts = [money("credit.interest_charged", "Card interest charged in the window", w.credit.interest_charged_cents), windowFact(w)];
      const withInterest = w.credit.cards.filter((c) => c.interest_charged_cents > 0);
      if (withInterest.length === 1 && withInterest[0].interest_charged_cents === w.credit.interest_charged_cents) {
        const c = withInterest[0];
        facts.push(money(`${cardKey(c)}.interest`, `${cardLabel(c)} interest`, c.interest_charged_cents, cardLabel(c)));
      }
      return facts;
    },
    signals: (w) => [
      { name: "credit.interest_charged_cents", value: w.credit.interest_charged_cents },
      ...w.credit.cards.map((c) => ({ name: `credit.cards[${c.account_id}].interest_charged_cents`, value: c.interest_charged_cents })),
    ],
  },
  "credit.minimum_payment": {
    tag: "credit.minimum_payment",
    rule: { name: "HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY", value: HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY },
    active: (w) => w.credit.minimum_payment_only === HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY,
    facts: (w) =>
      w.credit.cards
        .filter((c) => c.minimum_payment_only)
        .flatMap((c) => knownMoney(`${cardKey(c)}.balance`, `${cardLabel(c)} balance`, c.balance_cents, cardLabel(c))),
    signals: (w) => [
      { name: "credit.minimum_payment_only", value: w.credit.minimum_payment_only },
      ...w.credit.cards.map((c) => ({ name: `credit.cards[${c.account_id}].minimum_payment_only`, value: c.minimum_payment_only })),
    ],
  },
  "credit.overdue": {
    tag: "credit.overdue",
    rule: { name: "HIGH_UTILIZATION_OVERDUE", value: HIGH_UTILIZATION_OVERDUE },
    active: (w) => w.credit.overdue === HIGH_UTILIZATION_OVERDUE,
    facts: (w) =>
      w.credit.cards
        .filter((c) => c.overdue)
        .flatMap((c) => knownMoney(`${cardKey(c)}.balance`, `${cardLabel(c)} balance`, c.balance_cents, cardLabel(c))),
    signals: (w) => [
      { name: "credit.overdue", value: w.credit.overdue },
      ...w.credit.cards.map((c) => ({ name: `credit.cards[${c.account_id}].overdue`, value: c.overdue })),
    ],
  },
  "subscriptions.count": {
    tag: "subscriptions.count",
    rule: { name: "SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN", value: SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN },
    active: (w) => compare(w.subscriptions.recurring_merchant_count, ">=", SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN),
    facts: (w) => {
      const s = w.subscriptions;
      const facts: Fact[] = [
        {
          key: "subscriptions.recurring_merchant_count",
          label: "Recurring subscriptions",
          value: s.recurring_merchant_count,
          unit: "count",
          display: formatCount(s.recurring_merchant_count, "recurring subscription", "recurring subscriptions"),
        },
        money("subscriptions.monthly_recurring_spend", "Subscriptions per month", s.monthly_recurring_spend_cents),
      ];
      const top = s.streams
        .filter((x) => x.is_subscription && x.direction === "outflow")
        .map((x) => ({ x, monthly: Math.round((x.average_amount_cents * PER_YEAR[x.frequency]) / 12) }))
        .sort((a, b) => b.monthly - a.monthly || a.x.merchant_key.localeCompare(b.x.merchant_key))[0];
      if (top && top.monthly > 0) facts.push(money("subscriptions.top_merchant", `${top.x.merchant} per month`, top.monthly, top.x.merchant));
      return facts;
    },
    signals: (w) => [
      { name: "subscriptions.recurring_merchant_count", value: w.subscriptions.recurring_merchant_count },
      { name: "subscriptions.monthly_recurring_spend_cents", value: w.subscriptions.monthly_recurring_spend_cents },
    ],
  },
  "subscriptions.spend": {
    tag: "subscriptions.spend",
    rule: { name: "SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS", value: SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS },
    active: (w) => compare(w.subscriptions.monthly_recurring_spend_cents, ">=", SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS),
    facts: (w) => [
      money("subscriptions.monthly_recurring_spend", "Subscriptions per month", w.subscriptions.monthly_recurring_spend_cents),
      money("subscriptions.annual_recurring_spend", "Subscriptions per year", w.subscriptions.monthly_recurring_spend_cents * 12),
    ],
    signals: (w) => [{ name: "subscriptions.monthly_recurring_spend_cents", value: w.subscriptions.monthly_recurring_spend_cents }],
  },
  "subscriptions.share": {
    tag: "subscriptions.share",
    rule: { name: "SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN", value: SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN },
    active: (w) => compare(w.subscriptions.share_of_spend, ">=", SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN),
    facts: (w) => [ratio("subscriptions.share_of_spend", "Subscription share of spending", w.subscriptions.share_of_spend), windowFact(w)],
    signals: (w) => [
      { name: "subscriptions.share_of_spend", value: w.subscriptions.share_of_spend },
      { name: "subscriptions.total_spend_cents", value: w.subscriptions.total_spend_cents },
    ],
  },
  "savings.growth": {
    tag: "savings.growth",
    rule: { name: "SAVINGS_GROWTH_NOTABLE_ABOVE", value: SAVINGS_GROWTH_NOTABLE_ABOVE },
    active: (w) => compare(w.savings.growth_rate, ">", SAVINGS_GROWTH_NOTABLE_ABOVE),
    facts: (w) =>
      w.savings.growth_rate === null
        ? []
        : [
            ratio("savings.growth_rate", "Savings growth over the window", w.savings.growth_rate),
            windowFact(w),
            ...knownMoney("savings.start_balance", "Savings at the start of the window", w.savings.start_balance_cents),
            ...knownMoney("savings.end_balance", "Savings at the end of the window", w.savings.end_balance_cents),
          ],
    signals: (w) => [
      { name: "savings.growth_rate", value: w.savings.growth_rate },
      { name: "savings.start_balance_cents", value: w.savings.start_balance_cents },
      { name: "savings.end_balance_cents", value: w.savings.end_balance_cents },
    ],
  },
  "savings.inflow": {
    tag: "savings.inflow",
    rule: { name: "SAVINGS_INFLOW_NOTABLE_ABOVE_CENTS", value: SAVINGS_INFLOW_NOTABLE_ABOVE_CENTS },
    active: (w) => compare(w.savings.monthly_net_inflow_cents, ">", SAVINGS_INFLOW_NOTABLE_ABOVE_CENTS),
    facts: (w) => [money("savings.monthly_net_inflow", "Net savings inflow per month", w.savings.monthly_net_inflow_cents)],
    signals: (w) => [{ name: "savings.monthly_net_inflow_cents", value: w.savings.monthly_net_inflow_cents }],
  },
  "savings.emergency_fund": {
    tag: "savings.emergency_fund",
    rule: { name: "EMERGENCY_FUND_TARGET_MONTHS", value: EMERGENCY_FUND_TARGET_MONTHS },
    active: (w) => compare(w.savings.emergency_fund_months, "<", EMERGENCY_FUND_TARGET_MONTHS),
    facts: (w) => [
      ...(showsMonths(w.savings.emergency_fund_months)
        ? [months("savings.emergency_fund_months", "Months of expenses covered by savings", w.savings.emergency_fund_months)]
        : []),
      months("target.emergency_fund_months", "Common emergency-fund goal", EMERGENCY_FUND_TARGET_MONTHS),
    ],
    signals: (w) => [
      { name: "savings.emergency_fund_months", value: w.savings.emergency_fund_months },
      { name: "savings.avg_monthly_expenses_cents", value: w.savings.avg_monthly_expenses_cents },
    ],
  },
  "income.variability": {
    tag: "income.variability",
    rule: { name: "INCOME_VARIABILITY_NOTABLE_MIN", value: INCOME_VARIABILITY_NOTABLE_MIN },
    active: (w) => compare(w.income.pay_variability, ">=", INCOME_VARIABILITY_NOTABLE_MIN),
    facts: (w) =>
      w.income.pay_variability === null || w.income.average_paycheck_cents === null
        ? []
        : [
            ratio("income.pay_variability", "Typical paycheck swing (coefficient of variation)", w.income.pay_variability),
            money("income.average_paycheck", "Average paycheck", w.income.average_paycheck_cents),
          ],
    signals: (w) => [
      { name: "income.pay_variability", value: w.income.pay_variability },
      { name: "income.average_paycheck_cents", value: w.income.average_paycheck_cents },
    ],
  },
  "income.pay_gap": {
    tag: "income.pay_gap",
    rule: { name: "VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS", value: VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS },
    active: (w) => compare(w.income.median_pay_gap_days, ">", VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS),
    facts: (w) =>
      w.income.median_pay_gap_days === null
        ? []
        : [
            {
              key: "income.median_pay_gap_days",
              label: "Median days between paychecks",
              value: w.income.median_pay_gap_days,
              unit: "days",
              display: formatDays(w.income.median_pay_gap_days),
            },
          ],
    signals: (w) => [
      { name: "income.median_pay_gap_days", value: w.income.median_pay_gap_days },
      { name: "income.paycheck_count", value: w.income.paycheck_count },
    ],
  },
  "income.buffer": {
    tag: "income.buffer",
    rule: { name: "VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS", value: VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS },
    active: (w) => compare(w.income.cash_flow_buffer_months, "<", VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS),
    facts: (w) => [
      ...knownMoney("income.checking_balance", "Checking balance", w.income.checking_balance_cents),
      ...(showsMonths(w.income.cash_flow_buffer_months)
        ? [months("income.cash_flow_buffer_months", "Cash-flow buffer", w.income.cash_flow_buffer_months)]
        : []),
      money("income.avg_monthly_expenses", "Usual monthly expenses", w.income.avg_monthly_expenses_cents),
    ],
    signals: (w) => [
      { name: "income.cash_flow_buffer_months", value: w.income.cash_flow_buffer_months },
      { name: "income.checking_balance_cents", value: w.income.checking_balance_cents },
      { name: "income.avg_monthly_expenses_cents", value: w.income.avg_monthly_expenses_cents },
    ],
  },
  "fees.overdraft": {
    tag: "fees.overdraft",
    rule: { name: "PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE", value: PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE },
    active: (w) => compare(w.fees.overdraft_fee_count, ">", PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE),
    facts: (w) => [
      {
        key: "fees.overdraft_fee_count",
        label: "Overdraft and insufficient-funds fees",
        value: w.fees.overdraft_fee_count,
        unit: "count",
        display: formatCount(w.fees.overdraft_fee_count, "fee", "fees"),
      },
      windowFact(w),
      money("fees.overdraft_fee_total", "Overdraft and insufficient-funds fees, total", w.fees.overdraft_fee_cents),
    ],
    signals: (w) => [
      { name: "fees.overdraft_fee_count", value: w.fees.overdraft_fee_count },
      { name: "fees.overdraft_fee_cents", value: w.fees.overdraft_fee_cents },
    ],
  },
};

/** The signal tags notable for this window, in SIGNAL_TAGS order. */
export function activeSignalTags(w: WindowSignals): SignalTag[] {
  return SIGNAL_TAGS.filter((t) => TAG_DEFINITIONS[t].active(w));
}

/** Tags a persona's rationale falls back on when an item's own tags are not notable. */
export const PERSONA_RATIONALE_TAGS: Record<PersonaId, SignalTag[]> = {
  high_utilization: ["credit.utilization", "credit.interest", "credit.overdue", "credit.minimum_payment"],
  paycheck_to_paycheck: ["fees.overdraft", "income.buffer"],
  variable_income_budgeter: ["income.pay_gap", "income.buffer", "income.variability"],
  subscription_heavy: ["subscriptions.count", "subscriptions.spend", "subscriptions.share"],
  savings_builder: ["savings.growth", "savings.inflow", "savings.emergency_fund"],
};

/** "credit.utilization" → "credit": a rationale cites at most one tag per group. */
export const tagGroup = (t: SignalTag) => t.split(".")[0];
