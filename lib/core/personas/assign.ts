/**
 * assignPersonas: evaluates all five persona rules on one window's signals. Pure and deterministic.
 *
 * Null handling (documented in docs/personas.md): a null signal value never satisfies a
 * comparison. No expenses → cash-flow buffer null → "< 1 month" is not met; fewer than two
 * paychecks → median gap null → "> 45 days" is not met; no starting savings → growth null →
 * "≥ 2%" is not met; a card without a limit → utilization null → neither "≥ 50%" nor "< 30%".
 * The one exception is the universal "every card < 30%", which a user without cards meets
 * vacuously.
 */
import type { CardSignal, WindowSignals } from "../signals/types";
import {
  HIGH_UTILIZATION_CARD_UTILIZATION_MIN,
  HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS,
  HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY,
  HIGH_UTILIZATION_OVERDUE,
  PAYCHECK_TO_PAYCHECK_CASH_FLOW_BUFFER_BELOW_MONTHS,
  PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE,
  PERSONA_PRIORITY,
  SAVINGS_BUILDER_CARD_UTILIZATION_BELOW,
  SAVINGS_BUILDER_GROWTH_RATE_MIN,
  SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS,
  SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS,
  SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN,
  SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN,
  VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS,
  VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS,
  type PersonaId,
} from "./constants";
import { PERSONAS } from "./definitions";
import { compare } from "../shared/compare";
import { cardLabel, formatCount, formatDays, formatMoney, formatMonths, formatPercent } from "../shared/format";
import type { PersonaAssignment, PersonaEvaluation, PersonaReason } from "./types";

const joinLabels = (cards: CardSignal[]) => cards.map(cardLabel).join(", ");

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

// ── High Utilization: ANY of four criteria ─────────────────────────────────────────────────────
function evaluateHighUtilization(w: WindowSignals): PersonaEvaluation {
  const t = HIGH_UTILIZATION_CARD_UTILIZATION_MIN;
  const sorted = cardsByUtilization(w);
  const over = sorted.filter((c) => compare(c.utilization, ">=", t));
  const max = maxUtilization(w);
  const utilMet = over.length > 0 || (w.credit.cards.length === 0 && compare(max, ">=", t));
  let utilText: string;
  if (over.length > 0) {
    utilText = `${over.map((c) => `${cardLabel(c)} is at ${formatPercent(c.utilization as number)} utilization`).join(", ")} (threshold ${formatPercent(t)})`;
  } else if (sorted.length > 0) {
    utilText = `Highest card utilization is ${formatPercent(sorted[0].utilization as number)} on ${cardLabel(sorted[0])} (threshold ${formatPercent(t)})`;
  } else if (max !== null) {
    utilText = `Highest card utilization is ${formatPercent(max)} (threshold ${formatPercent(t)})`;
  } else {
    utilText = `No credit card with a reported limit, so utilization is unknown (threshold ${formatPercent(t)})`;
  }
  const utilization: PersonaReason = {
    rule: "HIGH_UTILIZATION_CARD_UTILIZATION_MIN",
    signal: "credit.max_utilization",
    value: max,
    threshold: t,
    comparator: ">=",
    met: utilMet,
    text: utilText,
    ...(over.length > 0 ? { account_ids: over.map((c) => c.account_id) } : sorted.length > 0 ? { account_ids: [sorted[0].account_id] } : {}),
  };

  const interestCents = w.credit.interest_charged_cents;
  const interestMet = compare(interestCents, ">", HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS);
  const interestCards = w.credit.cards.filter((c) => c.interest_charged_cents > 0);
  const interest: PersonaReason = {
    rule: "HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS",
    signal: "credit.interest_charged_cents",
    value: interestCents,
    threshold: HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS,
    comparator: ">",
    met: interestMet,
    text: interestMet
      ? `${formatMoney(interestCents)} in card interest charged in the window${interestCards.length ? ` (${joinLabels(interestCards)})` : ""} (threshold: more than ${formatMoney(HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS)})`
      : `No card interest charged in the window (threshold: more than ${formatMoney(HIGH_UTILIZATION_INTEREST_CHARGED_ABOVE_CENTS)})`,
    ...(interestCards.length ? { account_ids: interestCards.map((c) => c.account_id) } : {}),
  };

  const minCards = w.credit.cards.filter((c) => c.minimum_payment_only);
  const minMet = w.credit.minimum_payment_only === HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY;
  const minimum: PersonaReason = {
    rule: "HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY",
    signal: "credit.minimum_payment_only",
    value: w.credit.minimum_payment_only,
    threshold: HIGH_UTILIZATION_MINIMUM_PAYMENT_ONLY,
    comparator: "==",
    met: minMet,
    text: minMet
      ? `Only the minimum payment was made${minCards.length ? ` on ${joinLabels(minCards)}` : " on a card"}`
      : "Card payments are not minimum-payment-only",
    ...(minCards.length ? { account_ids: minCards.map((c) => c.account_id) } : {}),
  };

  const overdueCards = w.credit.cards.filter((c) => c.overdue);
  const overdueMet = w.credit.overdue === HIGH_UTILIZATION_OVERDUE;
  const overdue: PersonaReason = {
    rule: "HIGH_UTILIZATION_OVERDUE",
    signal: "credit.overdue",
    value: w.credit.overdue,
    threshold: HIGH_UTILIZATION_OVERDUE,
    comparator: "==",
    met: overdueMet,
    text: overdueMet
      ? `${overdueCards.length ? joinLabels(overdueCards) : "A card"} ${overdueCards.length > 1 ? "are" : "is"} past due`
      : "No card is past due",
    ...(overdueCards.length ? { account_ids: overdueCards.map((c) => c.account_id) } : {}),
  };

  const criteria = [utilization, interest, minimum, overdue];
  return evaluation("high_utilization", "utilization OR interest OR minimum_payment_only OR overdue", criteria, criteria.some((c) => c.met));
}

// ── Cash-flow buffer, shared wording for two personas ──────────────────────────────────────────
function bufferReason(w: WindowSignals, rule: string, threshold: number): PersonaReason {
  const b = w.income.cash_flow_buffer_months;
  const met = compare(b, "<", threshold);
  return {
    rule,
    signal: "income.cash_flow_buffer_months",
    value: b,
    threshold,
    comparator: "<",
    met,
    text:
      b === null
        ? `No expenses in the window, so the cash-flow buffer is unknown; an unknown buffer does not count as under ${formatMonths(threshold)}`
        : `Cash-flow buffer is ${b > 0 && b < 0.05 ? "under 0.1 months" : formatMonths(b)} of expenses (threshold: under ${formatMonths(threshold)})`,
  };
}

// ── Variable Income Budgeter: gap AND buffer ───────────────────────────────────────────────────
function evaluateVariableIncome(w: WindowSignals): PersonaEvaluation {
  const gap = w.income.median_pay_gap_days;
  const t = VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS;
  const gapMet = compare(gap, ">", t);
  const gapReason: PersonaReason = {
    rule: "VARIABLE_INCOME_MEDIAN_PAY_GAP_ABOVE_DAYS",
    signal: "income.median_pay_gap_days",
    value: gap,
    threshold: t,
    comparator: ">",
    met: gapMet,
    text:
      gap === null
        ? `No paycheck pattern detected (fewer than two paychecks), so the median pay gap is unknown (threshold: more than ${formatDays(t)})`
        : `Median gap between paychecks is ${formatDays(gap)} (threshold: more than ${formatDays(t)})`,
  };
  const buffer = bufferReason(w, "VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS", VARIABLE_INCOME_CASH_FLOW_BUFFER_BELOW_MONTHS);
  return evaluation("variable_income_budgeter", "pay_gap AND buffer", [gapReason, buffer], gapMet && buffer.met);
}

// ── Subscription-Heavy: count AND (spend OR share) ─────────────────────────────────────────────
function evaluateSubscriptionHeavy(w: WindowSignals): PersonaEvaluation {
  const s = w.subscriptions;
  const count: PersonaReason = {
    rule: "SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN",
    signal: "subscriptions.recurring_merchant_count",
    value: s.recurring_merchant_count,
    threshold: SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN,
    comparator: ">=",
    met: compare(s.recurring_merchant_count, ">=", SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN),
    text: `${formatCount(s.recurring_merchant_count, "recurring subscription merchant", "recurring subscription merchants")} (threshold: ${SUBSCRIPTION_HEAVY_RECURRING_MERCHANTS_MIN} or more)`,
  };
  const spend: PersonaReason = {
    rule: "SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS",
    signal: "subscriptions.monthly_recurring_spend_cents",
    value: s.monthly_recurring_spend_cents,
    threshold: SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS,
    comparator: ">=",
    met: compare(s.monthly_recurring_spend_cents, ">=", SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS),
    text: `Subscriptions cost ${formatUsd2(s.monthly_recurring_spend_cents)} a month (threshold: ${formatUsd2(SUBSCRIPTION_HEAVY_MONTHLY_RECURRING_SPEND_MIN_CENTS)} or more)`,
  };
  const share: PersonaReason = {
    rule: "SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN",
    signal: "subscriptions.share_of_spend",
    value: s.share_of_spend,
    threshold: SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN,
    comparator: ">=",
    met: compare(s.share_of_spend, ">=", SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN),
    text: `Subscriptions are ${formatPercent(s.share_of_spend)} of spending in the window (threshold: ${formatPercent(SUBSCRIPTION_HEAVY_SHARE_OF_SPEND_MIN)} or more)`,
  };
  return evaluation(
    "subscription_heavy",
    "count AND (monthly_spend OR share_of_spend)",
    [count, spend, share],
    count.met && (spend.met || share.met),
  );
}

/** Always two decimals for thresholds on money that users may sit just under ($49.99 vs $50.00). */
function formatUsd2(cents: number): string {
  const whole = formatMoney(cents);
  return whole.includes(".") ? whole : `${whole}.00`;
}

// ── Savings Builder: (growth OR inflow) AND every card < 30% ──────────────────────────────────
function evaluateSavingsBuilder(w: WindowSignals): PersonaEvaluation {
  const g = w.savings.growth_rate;
  const growth: PersonaReason = {
    rule: "SAVINGS_BUILDER_GROWTH_RATE_MIN",
    signal: "savings.growth_rate",
    value: g,
    threshold: SAVINGS_BUILDER_GROWTH_RATE_MIN,
    comparator: ">=",
    met: compare(g, ">=", SAVINGS_BUILDER_GROWTH_RATE_MIN),
    text:
      g === null
        ? `No starting savings balance, so savings growth can't be measured (threshold: ${formatPercent(SAVINGS_BUILDER_GROWTH_RATE_MIN)} or more)`
        : `Savings grew ${formatPercent(g)} over the window (threshold: ${formatPercent(SAVINGS_BUILDER_GROWTH_RATE_MIN)} or more)`,
  };
  const inflowCents = w.savings.monthly_net_inflow_cents;
  const inflow: PersonaReason = {
    rule: "SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS",
    signal: "savings.monthly_net_inflow_cents",
    value: inflowCents,
    threshold: SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS,
    comparator: ">=",
    met: compare(inflowCents, ">=", SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS),
    text: `Net savings inflow is ${formatUsd2(inflowCents)} a month (threshold: ${formatUsd2(SAVINGS_BUILDER_MONTHLY_NET_INFLOW_MIN_CENTS)} or more)`,
  };

  const t = SAVINGS_BUILDER_CARD_UTILIZATION_BELOW;
  const cards = w.credit.cards;
  const unknown = cards.filter((c) => c.utilization === null || !Number.isFinite(c.utilization));
  const known = cardsByUtilization(w);
  let cardsReason: PersonaReason;
  if (cards.length === 0) {
    cardsReason = {
      rule: "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW",
      signal: "credit.cards.utilization",
      value: null,
      threshold: t,
      comparator: "<",
      met: true,
      text: `No credit cards, so "every card under ${formatPercent(t)}" holds (vacuously true)`,
    };
  } else if (unknown.length > 0) {
    cardsReason = {
      rule: "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW",
      signal: "credit.cards.utilization",
      value: null,
      threshold: t,
      comparator: "<",
      met: false,
      text: `${joinLabels(unknown)} ${unknown.length > 1 ? "have" : "has"} no reported limit, so utilization is unknown and can't be confirmed under ${formatPercent(t)}`,
      account_ids: unknown.map((c) => c.account_id),
    };
  } else {
    const top = known[0];
    const met = known.every((c) => compare(c.utilization, "<", t));
    const over = known.filter((c) => !compare(c.utilization, "<", t));
    cardsReason = {
      rule: "SAVINGS_BUILDER_CARD_UTILIZATION_BELOW",
      signal: "credit.cards.utilization",
      value: top.utilization,
      threshold: t,
      comparator: "<",
      met,
      text: met
        ? `Every card is under ${formatPercent(t)} utilization (highest: ${cardLabel(top)} at ${formatPercent(top.utilization as number)})`
        : `${over.map((c) => `${cardLabel(c)} is at ${formatPercent(c.utilization as number)} utilization`).join(", ")} (threshold: every card under ${formatPercent(t)})`,
      account_ids: met ? [top.account_id] : over.map((c) => c.account_id),
    };
  }
  return evaluation(
    "savings_builder",
    "(growth OR monthly_inflow) AND every_card_under_30",
    [growth, inflow, cardsReason],
    (growth.met || inflow.met) && cardsReason.met,
  );
}

// ── Paycheck-to-Paycheck (ours): overdraft fee AND buffer ──────────────────────────────────────
function evaluatePaycheckToPaycheck(w: WindowSignals): PersonaEvaluation {
  const n = w.fees.overdraft_fee_count;
  const feeMet = compare(n, ">", PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE);
  const fees: PersonaReason = {
    rule: "PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE",
    signal: "fees.overdraft_fee_count",
    value: n,
    threshold: PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE,
    comparator: ">",
    met: feeMet,
    text: feeMet
      ? `${formatCount(n, "overdraft or insufficient-funds fee", "overdraft or insufficient-funds fees")} in the window, ${formatMoney(w.fees.overdraft_fee_cents)} in total (threshold: more than ${PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE})`
      : `No overdraft or insufficient-funds fees in the window (threshold: more than ${PAYCHECK_TO_PAYCHECK_OVERDRAFT_FEE_COUNT_ABOVE})`,
  };
  const buffer = bufferReason(w, "PAYCHECK_TO_PAYCHECK_CASH_FLOW_BUFFER_BELOW_MONTHS", PAYCHECK_TO_PAYCHECK_CASH_FLOW_BUFFER_BELOW_MONTHS);
  return evaluation("paycheck_to_paycheck", "overdraft_fee AND buffer", [fees, buffer], feeMet && buffer.met);
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
