/**
 * assignPersonas: evaluates all five persona rules on one window's signals. Pure and deterministic.
 *
 * Null handling (documented in docs/personas.md): a null signal value never satisfies a
 * comparison. No expenses → cash-flow buffer null → "< 1 month" is not met; fewer than two
 * paychecks → median gap null → "> 45 days" is not met; no starting savings → growth null →
 * "≥ 2%" is not met; a card without a limit → utilization null → neither "≥ 50%" nor "< 30%".
 * The one exception is the universal "every card < 30%", which a user without cards meets
 * vacuously. Unknown is never zero: when the value is null because the bank did not send a balance
 * or limit it needs, the criterion is "not evaluated" (not met) and its trace says which input.
 */
import type { CardSignal, WindowSignals } from "../signals/types";
import { compare } from "../shared/compare";
import { cardLabel, formatCount, formatDays, formatMoney, formatMonths, formatPercent } from "../shared/format";
import {
  HIGH_UTILIZATION_CARD_UTILIZATION_MIN,
  HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS,
  PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE,
  PERSONA_PRIORITY,
  PERSONA_RULES,
  SAVINGS_BUILDER_CARD_UTILIZATION_BELOW,
  SAVINGS_BUILDER_GROWTH_RATE_MIN,
  SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS,
  SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS,
  SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN,
  SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN,
  VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS,
  type PersonaId,
  type PersonaRuleName,
} from "./constants";
import { PERSONAS } from "./definitions";
import { criterion } from "./reason";
import type { PersonaAssignment, PersonaEvaluation, PersonaReason } from "./types";

const joinLabels = (cards: CardSignal[]) => cards.map(cardLabel).join(", ");
const ids = (cards: CardSignal[]) => cards.map((c) => c.account_id);
const atUtilization = (cards: CardSignal[]) => cards.map((c) => `${cardLabel(c)} is at ${formatPercent(c.utilization as number)} utilization`).join(", ");

/** Cards with a known utilization, highest first (ties by account_id, for determinism). */
function cardsByUtilization(w: WindowSignals): CardSignal[] {
  return w.credit.cards
    .filter((c) => c.utilization !== null && Number.isFinite(c.utilization))
    .sort((a, b) => (b.utilization as number) - (a.utilization as number) || a.account_id.localeCompare(b.account_id));
}

function maxUtilization(w: WindowSignals): number | null {
  const known = cardsByUtilization(w);
  if (known.length > 0) return known[0].utilization;
  return w.credit.cards.length === 0 ? w.credit.max_utilization : null;
}

/** Always two decimals for thresholds on money that users may sit just under ($49.99 vs $50.00). */
function formatUsd2(cents: number): string {
  const whole = formatMoney(cents);
  return whole.includes(".") ? whole : `${whole}.00`;
}

// ── High Utilization: ANY of four criteria ─────────────────────────────────────────────────────
function utilizationReason(w: WindowSignals): PersonaReason {
  const t = HIGH_UTILIZATION_CARD_UTILIZATION_MIN;
  const sorted = cardsByUtilization(w);
  const over = sorted.filter((c) => compare(c.utilization, ">=", t));
  const max = maxUtilization(w);
  // A card over the threshold decides it; otherwise a card whose balance or limit is missing leaves it unknown.
  const missing = over.length === 0 ? (w.credit.unknown?.max_utilization ?? null) : null;
  return criterion({
    rule: "HIGH_UTILIZATION_CARD_UTILIZATION_MIN",
    signal: "credit.max_utilization",
    comparator: ">=",
    value: max,
    notEvaluated: missing,
    met: over.length > 0 || (w.credit.cards.length === 0 && compare(max, ">=", t)),
    accountIds: over.length > 0 ? ids(over) : sorted.length > 0 ? [sorted[0].account_id] : [],
    text: () => {
      if (over.length > 0) return `${atUtilization(over)} (threshold ${formatPercent(t)})`;
      if (missing) return `Not evaluated: ${missing}, so card utilization is unknown (threshold ${formatPercent(t)})`;
      if (sorted.length > 0) return `Highest card utilization is ${formatPercent(sorted[0].utilization as number)} on ${cardLabel(sorted[0])} (threshold ${formatPercent(t)})`;
      if (max !== null) return `Highest card utilization is ${formatPercent(max)} (threshold ${formatPercent(t)})`;
      return `No credit card with a reported limit, so utilization is unknown (threshold ${formatPercent(t)})`;
    },
  });
}

function evaluateHighUtilization(w: WindowSignals): PersonaEvaluation {
  const c = w.credit;
  const interestCards = c.cards.filter((x) => x.interest_charged_cents > 0);
  const minCards = c.cards.filter((x) => x.minimum_payment_only);
  const overdueCards = c.cards.filter((x) => x.overdue);
  // Unknown is never zero: "not past due" / "not minimum-only" only when the bank said so for every card.
  const overdueUnknown = c.overdue ? null : (c.unknown?.overdue ?? null);
  const minUnknown = c.minimum_payment_only ? null : (c.unknown?.minimum_payment_only ?? null);
  const above = `(threshold: more than ${formatMoney(HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS)})`;
  const criteria = [
    utilizationReason(w),
    criterion({
      rule: "HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS",
      signal: "credit.interest_charged_cents",
      comparator: ">",
      value: c.interest_charged_cents,
      accountIds: ids(interestCards),
      text: (met) =>
        met
          ? `${formatMoney(c.interest_charged_cents)} in card interest charged in the window${interestCards.length ? ` (${joinLabels(interestCards)})` : ""} ${above}`
          : `No card interest charged in the window ${above}`,
    }),
    criterion({
      rule: "HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY",
      signal: "credit.minimum_payment_only",
      comparator: "==",
      value: c.minimum_payment_only,
      notEvaluated: minUnknown,
      accountIds: ids(minCards),
      text: (met) =>
        met
          ? `Only the minimum payment was made${minCards.length ? ` on ${joinLabels(minCards)}` : " on a card"}`
          : minUnknown
            ? `Not evaluated: ${minUnknown}`
            : "Card payments are not minimum-payment-only",
    }),
    criterion({
      rule: "HIGH_UTILIZATION_OVERDUE",
      signal: "credit.overdue",
      comparator: "==",
      value: c.overdue,
      notEvaluated: overdueUnknown,
      accountIds: ids(overdueCards),
      text: (met) =>
        met
          ? `${overdueCards.length ? joinLabels(overdueCards) : "A card"} ${overdueCards.length > 1 ? "are" : "is"} past due`
          : overdueUnknown
            ? `Not evaluated: ${overdueUnknown}`
            : "No card is past due",
    }),
  ];
  return evaluation("high_utilization", "utilization OR interest OR minimum_payment_only OR overdue", criteria, criteria.some((x) => x.met));
}

// ── Cash-flow buffer, shared wording for two personas ──────────────────────────────────────────
function bufferReason(w: WindowSignals, rule: PersonaRuleName & `${string}_CASH_FLOW_BUFFER_BELOW_MONTHS`): PersonaReason {
  const b = w.income.cash_flow_buffer_months;
  const missing = w.income.unknown?.cash_flow_buffer_months ?? null;
  return criterion({
    rule,
    signal: "income.cash_flow_buffer_months",
    comparator: "<",
    value: b,
    notEvaluated: missing,
    text: () => {
      const t = formatMonths(PERSONA_RULES[rule]);
      if (missing) return `Not evaluated: ${missing}, so the cash-flow buffer is unknown, not zero (threshold: under ${t})`;
      return b === null
        ? `No expenses in the window, so the cash-flow buffer is unknown; an unknown buffer does not count as under ${t}`
        : `Cash-flow buffer is ${b > 0 && b < 0.05 ? "under 0.1 months" : formatMonths(b)} of expenses (threshold: under ${t})`;
    },
  });
}

// ── Variable Income Budgeter: gap AND buffer ───────────────────────────────────────────────────
function evaluateVariableIncome(w: WindowSignals): PersonaEvaluation {
  const gap = w.income.median_pay_gap_days;
  const t = `(threshold: more than ${formatDays(VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS)})`;
  const gapReason = criterion({
    rule: "VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS",
    signal: "income.median_pay_gap_days",
    comparator: ">",
    value: gap,
    text: () =>
      gap === null
        ? `No paycheck pattern detected (fewer than two paychecks), so the median pay gap is unknown ${t}`
        : `Median gap between paychecks is ${formatDays(gap)} ${t}`,
  });
  const buffer = bufferReason(w, "VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS");
  return evaluation("variable_income_budgeter", "pay_gap AND buffer", [gapReason, buffer], gapReason.met && buffer.met);
}

// ── Subscription-Heavy: count AND (spend OR share) ─────────────────────────────────────────────
function evaluateSubscriptionHeavy(w: WindowSignals): PersonaEvaluation {
  const s = w.subscriptions;
  const count = criterion({
    rule: "SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN",
    signal: "subscriptions.recurring_merchant_count",
    comparator: ">=",
    value: s.recurring_merchant_count,
    text: () =>
      `${formatCount(s.recurring_merchant_count, "recurring subscription merchant", "recurring subscription merchants")} (threshold: ${SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN} or more)`,
  });
  const spend = criterion({
    rule: "SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS",
    signal: "subscriptions.monthly_recurring_spend_cents",
    comparator: ">=",
    value: s.monthly_recurring_spend_cents,
    text: () =>
      `Subscriptions cost ${formatUsd2(s.monthly_recurring_spend_cents)} a month (threshold: ${formatUsd2(SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS)} or more)`,
  });
  const share = criterion({
    rule: "SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN",
    signal: "subscriptions.share_of_spend",
    comparator: ">=",
    value: s.share_of_spend,
    text: () =>
      `Subscriptions are ${formatPercent(s.share_of_spend)} of spending in the window (threshold: ${formatPercent(SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN)} or more)`,
  });
  return evaluation("subscription_heavy", "count AND (monthly_spend OR share_of_spend)", [count, spend, share], count.met && (spend.met || share.met));
}

// ── Savings Builder: (growth OR inflow) AND every card < 30% ──────────────────────────────────
/** "Every card under 30%": vacuously true without cards; a card without a limit can't be confirmed under it. */
function everyCardUnderReason(w: WindowSignals): PersonaReason {
  const t = SAVINGS_BUILDER_CARD_UTILIZATION_BELOW;
  const cards = w.credit.cards;
  const unknown = cards.filter((c) => c.utilization === null || !Number.isFinite(c.utilization));
  const known = cardsByUtilization(w);
  const base = { rule: "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW", signal: "credit.cards.utilization", comparator: "<" } as const;
  if (cards.length === 0) {
    return criterion({ ...base, value: null, met: true, text: () => `No credit cards, so "every card under ${formatPercent(t)}" holds (vacuously true)` });
  }
  if (unknown.length > 0) {
    const noBalance = unknown.filter((c) => c.balance_cents === null && c.limit_cents !== null);
    return criterion({
      ...base,
      value: null,
      met: false,
      accountIds: ids(unknown),
      notEvaluated: noBalance.length ? noBalance.map((c) => c.unknown_reason ?? `the balance of ${cardLabel(c)} was not reported`).join("; ") : null,
      text: () =>
        noBalance.length
          ? `Not evaluated: the bank did not report the balance of ${joinLabels(noBalance)}, so utilization is unknown and can't be confirmed under ${formatPercent(t)}`
          : `${joinLabels(unknown)} ${unknown.length > 1 ? "have" : "has"} no reported limit, so utilization is unknown and can't be confirmed under ${formatPercent(t)}`,
    });
  }
  const top = known[0];
  const over = known.filter((c) => !compare(c.utilization, "<", t));
  return criterion({
    ...base,
    value: top.utilization,
    met: over.length === 0,
    accountIds: over.length === 0 ? [top.account_id] : ids(over),
    text: (met) =>
      met
        ? `Every card is under ${formatPercent(t)} utilization (highest: ${cardLabel(top)} at ${formatPercent(top.utilization as number)})`
        : `${atUtilization(over)} (threshold: every card under ${formatPercent(t)})`,
  });
}

function evaluateSavingsBuilder(w: WindowSignals): PersonaEvaluation {
  const g = w.savings.growth_rate;
  const minGrowth = `(threshold: ${formatPercent(SAVINGS_BUILDER_GROWTH_RATE_MIN)} or more)`;
  const missing = w.savings.unknown?.growth_rate ?? null;
  const growth = criterion({
    rule: "SAVINGS_BUILDER_GROWTH_RATE_MIN",
    signal: "savings.growth_rate",
    comparator: ">=",
    value: g,
    notEvaluated: missing,
    text: () =>
      missing
        ? `Not evaluated: ${missing}, so savings growth is unknown ${minGrowth}`
        : g === null
        ? `No starting savings balance, so savings growth can't be measured ${minGrowth}`
        : `Savings grew ${formatPercent(g)} over the window ${minGrowth}`,
  });
  const inflowCents = w.savings.monthly_net_inflow_cents;
  const inflow = criterion({
    rule: "SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS",
    signal: "savings.monthly_net_inflow_cents",
    comparator: ">=",
    value: inflowCents,
    text: () => `Net savings inflow is ${formatUsd2(inflowCents)} a month (threshold: ${formatUsd2(SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS)} or more)`,
  });
  const cards = everyCardUnderReason(w);
  return evaluation(
    "savings_builder",
    "(growth OR monthly_inflow) AND every_card_under_30",
    [growth, inflow, cards],
    (growth.met || inflow.met) && cards.met,
  );
}

// ── Paycheck-to-Paycheck (ours): overdraft fee AND buffer ──────────────────────────────────────
function evaluatePaycheckToPaycheck(w: WindowSignals): PersonaEvaluation {
  const n = w.fees.overdraft_fee_count;
  const above = `(threshold: more than ${PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE})`;
  const fees = criterion({
    rule: "PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE",
    signal: "fees.overdraft_fee_count",
    comparator: ">",
    value: n,
    text: (met) =>
      met
        ? `${formatCount(n, "overdraft or insufficient-funds fee", "overdraft or insufficient-funds fees")} in the window, ${formatMoney(w.fees.overdraft_fee_cents)} in total ${above}`
        : `No overdraft or insufficient-funds fees in the window ${above}`,
  });
  const buffer = bufferReason(w, "PAYCHECK_TO_PAYCHECK_CASH_FLOW_BUFFER_BELOW_MONTHS");
  return evaluation("paycheck_to_paycheck", "overdraft_fee AND buffer", [fees, buffer], fees.met && buffer.met);
}

function evaluation(id: PersonaId, logic: string, criteria: PersonaReason[], matched: boolean): PersonaEvaluation {
  return { id, name: PERSONAS[id].name, matched, logic, criteria };
}

const EVALUATORS: Record<PersonaId, (w: WindowSignals) => PersonaEvaluation> = {
  high_utilization: evaluateHighUtilization,
  variable_income_budgeter: evaluateVariableIncome,
  subscription_heavy: evaluateSubscriptionHeavy,
  savings_builder: evaluateSavingsBuilder,
  paycheck_to_paycheck: evaluatePaycheckToPaycheck,
};

/** Evaluates all five personas on one window; primary = first match in PERSONA_PRIORITY, else null. */
export function assignPersonas(w: WindowSignals): PersonaAssignment {
  const evaluations = PERSONA_PRIORITY.map((id) => EVALUATORS[id](w));
  const matched = evaluations
    .filter((e) => e.matched)
    .map((e) => ({ id: e.id, reasons: e.criteria.filter((c) => c.met) }));
  return {
    window: w.window,
    as_of: w.as_of,
    primary: matched.length > 0 ? matched[0].id : null,
    matched,
    evaluations,
    priority: [...PERSONA_PRIORITY],
  };
}
