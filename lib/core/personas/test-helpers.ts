/**
 * Test fixtures: a small WindowSignals factory. Defaults describe a user who matches no persona
 * (one card at 10%, biweekly pay, a 1.2-month buffer, one subscription, no fees, 1% savings growth).
 * Used by the persona, recommend and guardrail tests; not imported by production code.
 */
import type {
  CardSignal,
  CreditSignals,
  Evidence,
  FeeSignals,
  IncomeSignals,
  SavingsSignals,
  SubscriptionSignals,
  WindowSignals,
} from "../signals/types";
import { utilizationFlags } from "../signals/credit";

const evidence = (): Evidence => ({ transaction_ids: [], account_ids: [], notes: [] });

export function makeCard(overrides: Partial<CardSignal> = {}): CardSignal {
  const limit = overrides.limit_cents === undefined ? 500_000 : overrides.limit_cents;
  const balance = overrides.balance_cents ?? 50_000;
  const utilization =
    overrides.utilization !== undefined ? overrides.utilization : limit === null || limit === 0 ? null : balance / limit;
  const flags = utilizationFlags(utilization);
  return {
    account_id: "acc-card-1",
    name: "Visa",
    mask: "4523",
    minimum_payment_only: false,
    interest_charged_cents: 0,
    overdue: false,
    apr_percentage: 24.99,
    flags,
    ...overrides,
    balance_cents: balance,
    limit_cents: limit,
    utilization,
  };
}

export interface WindowOverrides {
  window?: WindowSignals["window"];
  as_of?: string;
  subscriptions?: Partial<SubscriptionSignals>;
  savings?: Partial<SavingsSignals>;
  /** When `cards` is given and card_count / max_utilization are not, they are derived from it. */
  credit?: Partial<CreditSignals>;
  income?: Partial<IncomeSignals>;
  fees?: Partial<FeeSignals>;
}

export function makeWindow(o: WindowOverrides = {}): WindowSignals {
  const windowId = o.window ?? "30d";
  const asOf = o.as_of ?? "2025-06-30";
  const cards = o.credit?.cards ?? [makeCard()];
  const known = cards.map((c) => c.utilization).filter((u): u is number => u !== null);
  const credit: CreditSignals = {
    card_count: cards.length,
    max_utilization: known.length ? Math.max(...known) : null,
    minimum_payment_only: cards.some((c) => c.minimum_payment_only),
    interest_charged_cents: cards.reduce((s, c) => s + c.interest_charged_cents, 0),
    overdue: cards.some((c) => c.overdue),
    evidence: evidence(),
    ...o.credit,
    cards,
  };
  return {
    window: windowId,
    as_of: asOf,
    start_date: windowId === "30d" ? "2025-06-01" : "2025-01-02",
    lookback: { from: "2024-12-01", to: asOf, transactions_read: 100, accounts_read: 3 },
    subscriptions: {
      recurring_merchant_count: 1,
      monthly_recurring_spend_cents: 1_599,
      total_spend_cents: 250_000,
      share_of_spend: 0.0064,
      streams: [],
      evidence: evidence(),
      ...o.subscriptions,
    },
    savings: {
      has_savings_account: true,
      net_inflow_cents: 5_000,
      monthly_net_inflow_cents: 5_000,
      start_balance_cents: 100_000,
      end_balance_cents: 101_000,
      growth_rate: 0.01,
      avg_monthly_expenses_cents: 250_000,
      emergency_fund_months: 0.4,
      evidence: evidence(),
      ...o.savings,
    },
    credit,
    income: {
      payroll_detected: true,
      frequency: "BIWEEKLY",
      paycheck_count: 2,
      median_pay_gap_days: 14,
      pay_variability: 0.02,
      average_paycheck_cents: 200_000,
      monthly_income_cents: 433_333,
      checking_balance_cents: 300_000,
      avg_monthly_expenses_cents: 250_000,
      cash_flow_buffer_months: 1.2,
      evidence: evidence(),
      ...o.income,
    },
    fees: { overdraft_fee_count: 0, overdraft_fee_cents: 0, evidence: evidence(), ...o.fees },
  };
}
