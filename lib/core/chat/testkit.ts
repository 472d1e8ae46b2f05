/** Fixtures for the chat tests (core and lib/ai): a customer's windows with streams. Not used by production code. */
import { makeCard, makeWindow } from "../personas/test-helpers";
import type { RecurringStream, WindowSignals } from "../signals/types";
import type { ApprovedSuggestion } from "./tools";

export function stream(merchant: string, over: Partial<RecurringStream> = {}): RecurringStream {
  return {
    stream_id: `out:${merchant}`,
    direction: "outflow",
    merchant,
    merchant_key: merchant.toLowerCase(),
    frequency: "MONTHLY",
    status: "MATURE",
    average_amount_cents: 1_599,
    last_amount_cents: 1_599,
    first_date: "2025-01-10",
    last_date: "2025-06-10",
    predicted_next_date: "2025-07-10",
    occurrences: 6,
    category: "subscription",
    is_subscription: true,
    pfc_primary: "ENTERTAINMENT",
    pfc_detailed: "ENTERTAINMENT_TV_AND_MOVIES",
    transaction_ids: [],
    is_active: true,
    meets_recurring_rule: true,
    monthly_equivalent_cents: over.last_amount_cents ?? 1_599,
    ...over,
  };
}

/** A 30-day window: three subscriptions, a pay stream, two cards (one at 68%), savings. */
export function richWindow(over: { window?: "30d" | "180d" } = {}): WindowSignals {
  const subs = [
    stream("Netflix", { last_amount_cents: 1_599, monthly_equivalent_cents: 1_599, predicted_next_date: "2025-07-10" }),
    stream("Spotify", { last_amount_cents: 999, monthly_equivalent_cents: 999, predicted_next_date: "2025-07-14" }),
    stream("Gym Club", { last_amount_cents: 4_000, monthly_equivalent_cents: 4_000, predicted_next_date: "2025-07-02" }),
  ];
  const pay = stream("Acme Payroll", {
    direction: "inflow", category: "income", is_subscription: false, meets_recurring_rule: false, frequency: "BIWEEKLY",
    average_amount_cents: 210_000, last_amount_cents: 210_000, last_date: "2025-06-27", predicted_next_date: "2025-07-11",
  });
  return makeWindow({
    window: over.window ?? "30d",
    as_of: "2025-06-30",
    subscriptions: { recurring_merchant_count: 3, monthly_recurring_spend_cents: 6_598, total_spend_cents: 250_000, share_of_spend: 0.02639, streams: [...subs, pay] },
    credit: {
      cards: [
        makeCard({ balance_cents: 340_000, limit_cents: 500_000, mask: "4523", interest_charged_cents: 8_700 }),
        makeCard({ account_id: "acc-card-2", name: "Mastercard", mask: "8812", balance_cents: 20_000, limit_cents: 200_000 }),
      ],
    },
    savings: { end_balance_cents: 520_000, emergency_fund_months: 2.08, avg_monthly_expenses_cents: 250_000, monthly_net_inflow_cents: 20_000, growth_rate: 0.04 },
    income: { median_pay_gap_days: 14, paycheck_count: 13, average_paycheck_cents: 210_000, cash_flow_buffer_months: 0.43, pay_variability: 0.02 },
  });
}

export const SUGGESTIONS: ApprovedSuggestion[] = [
  {
    title: "How credit utilization works",
    kind: "education",
    rationale: "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of $5,000 limit).",
    facts: [
      { key: "card.4523.utilization", label: "Visa ending in 4523 utilization", value: 0.68, unit: "ratio", display: "68%", subject: "Visa ending in 4523" },
      { key: "card.4523.balance", label: "Visa ending in 4523 balance", value: 340000, unit: "usd_cents", display: "$3,400", subject: "Visa ending in 4523" },
      { key: "card.4523.limit", label: "Visa ending in 4523 credit limit", value: 500000, unit: "usd_cents", display: "$5,000", subject: "Visa ending in 4523" },
    ],
    summary: "What utilization is, why scoring models look at it, and the simple levers that bring it down.",
    body: ["Credit utilization is the share of your available credit that you're using: your card balance divided by its limit. A $1,500 balance on a $5,000 limit is 30% utilization."],
  },
  {
    title: "Build a starter emergency fund",
    kind: "education",
    rationale: "Your savings would cover 2 months of spending.",
    facts: [{ key: "savings.emergency_fund_months", label: "Months covered", value: 2.08, unit: "months", display: "2 months" }],
    summary: "Why a small cushion matters and how to start one.",
    body: ["A cushion helps."],
  },
];
