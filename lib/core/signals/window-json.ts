/**
 * Renders WindowSignals as the profile JSON's `Window.signals` (lib/profile.ts): money in dollars with two
 * decimals, ratios as fractions rounded to four decimals.
 */
import { toDollars } from "../money";
import type { Frequency, RecurringStream, StreamCategory, UtilizationFlag, WindowSignals } from "./types";

export interface ProfileStreamJson {
  merchant: string;
  frequency: Frequency;
  average_amount: number;
  last_amount: number;
  first_date: string;
  last_date: string;
  predicted_next_date: string;
  occurrences: number;
  is_subscription: boolean;
  category: StreamCategory;
  status: "MATURE" | "EARLY_DETECTION";
  direction: "inflow" | "outflow";
  is_active: boolean;
  meets_recurring_rule: boolean;
  monthly_equivalent: number;
}

export interface ProfileWindowSignalsJson {
  subscriptions: {
    recurring_merchant_count: number;
    monthly_recurring_spend: number;
    share_of_spend: number;
    streams: ProfileStreamJson[];
  };
  savings: {
    net_inflow: number;
    monthly_net_inflow: number;
    growth_rate: number | null;
    emergency_fund_months: number | null;
  };
  credit: {
    max_utilization: number | null;
    cards: { account_id: string; mask: string | null; utilization: number | null; flags: UtilizationFlag[] }[];
    minimum_payment_only: boolean;
    interest_charged: number;
    overdue: boolean;
  };
  income: {
    payroll_detected: boolean;
    frequency: Frequency | null;
    median_pay_gap_days: number | null;
    pay_variability: number | null;
    cash_flow_buffer_months: number | null;
  };
}

/** A ratio as a fraction rounded to 4 decimals (null stays null). */
export function ratio4(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const r = Math.round(x * 10_000) / 10_000;
  return r === 0 ? 0 : r;
}

function streamJson(s: RecurringStream): ProfileStreamJson {
  return {
    merchant: s.merchant,
    frequency: s.frequency,
    average_amount: toDollars(s.average_amount_cents),
    last_amount: toDollars(s.last_amount_cents),
    first_date: s.first_date,
    last_date: s.last_date,
    predicted_next_date: s.predicted_next_date,
    occurrences: s.occurrences,
    is_subscription: s.is_subscription,
    category: s.category,
    status: s.status,
    direction: s.direction,
    is_active: s.is_active ?? true,
    meets_recurring_rule: s.meets_recurring_rule ?? false,
    monthly_equivalent: toDollars(s.monthly_equivalent_cents ?? 0),
  };
}

export function toProfileWindowJson(w: WindowSignals): ProfileWindowSignalsJson {
  const { subscriptions: sub, savings: sav, credit: cr, income: inc } = w;
  return {
    subscriptions: {
      recurring_merchant_count: sub.recurring_merchant_count,
      monthly_recurring_spend: toDollars(sub.monthly_recurring_spend_cents),
      share_of_spend: ratio4(sub.share_of_spend) ?? 0,
      streams: sub.streams.map(streamJson),
    },
    savings: {
      net_inflow: toDollars(sav.net_inflow_cents),
      monthly_net_inflow: toDollars(sav.monthly_net_inflow_cents),
      growth_rate: ratio4(sav.growth_rate),
      emergency_fund_months: ratio4(sav.emergency_fund_months),
    },
    credit: {
      max_utilization: ratio4(cr.max_utilization),
      cards: cr.cards.map((c) => ({ account_id: c.account_id, mask: c.mask, utilization: ratio4(c.utilization), flags: c.flags })),
      minimum_payment_only: cr.minimum_payment_only,
      interest_charged: toDollars(cr.interest_charged_cents),
      overdue: cr.overdue,
    },
    income: {
      payroll_detected: inc.payroll_detected,
      frequency: inc.frequency,
      median_pay_gap_days: inc.median_pay_gap_days,
      pay_variability: ratio4(inc.pay_variability),
      cash_flow_buffer_months: ratio4(inc.cash_flow_buffer_months),
    },
  };
}

