/**
 * The data behind the charts on a customer's dashboard (the page only renders them): spending by
 * category over a window, each card's utilization against the 30% line, and the subscriptions with
 * their monthly total. Pure; money stays integer cents until the component formats it.
 */
import type { SpendingByCategory } from "../chat/spending";
import { categoryWords } from "../chat/facts";
import { CADENCE_WORDS } from "../insights/insights";
import { UTILIZATION_FLAGS } from "../signals/constants";
import type { WindowSignals } from "../signals/types";
import { cardLabel } from "../shared/format";

/** Categories drawn one by one; the rest are summed as "Everything else" (a bar chart stays readable on a phone). */
export const SPENDING_CHART_MAX_CATEGORIES = 6;
/** brief: "utilization ... flags at 30%": the line each card's bar is drawn against. */
export const UTILIZATION_LINE = UTILIZATION_FLAGS[0];
/** A balance above the card's limit (utilization over 100%) stands out on its own. */
const OVER_LIMIT = 1;

export interface SpendingBar {
  label: string;
  cents: number;
  /** Share of the window's spending (0..1). */
  share: number;
}

export interface SpendingChart {
  /** The window the figures come from: 30 days, or 180 when the last 30 days have no spending. */
  days: number;
  bars: SpendingBar[];
  total_cents: number;
}

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Spending by category for the 30-day window, else the 180-day one; null when neither has any. */
export function spendingChart(recent: SpendingByCategory, long: SpendingByCategory): SpendingChart | null {
  const [s, days] = recent.total_cents > 0 ? [recent, 30] : long.total_cents > 0 ? [long, 180] : [null, 0];
  if (!s) return null;
  const sum = s.categories.reduce((a, c) => a + c.cents, 0);
  const head = s.categories.slice(0, SPENDING_CHART_MAX_CATEGORIES).map((c) => ({ label: sentenceCase(categoryWords(c.primary)), cents: c.cents }));
  const rest = s.categories.slice(SPENDING_CHART_MAX_CATEGORIES).reduce((a, c) => a + c.cents, 0);
  const bars = rest > 0 ? [...head, { label: "Everything else", cents: rest }] : head;
  return { days, total_cents: sum, bars: bars.map((b) => ({ ...b, share: sum > 0 ? b.cents / sum : 0 })) };
}

export type UtilizationLevel = "under_line" | "over_line" | "over_limit";

export interface CardUtilization {
  label: string;
  balance_cents: number;
  limit_cents: number;
  utilization: number;
  level: UtilizationLevel;
}

/** Each card with a known balance and limit, in the signals' order; over the limit is its own level. */
export function cardUtilizations(w: WindowSignals | null): CardUtilization[] {
  return (w?.credit.cards ?? []).flatMap((c) =>
    c.utilization === null || c.limit_cents === null || c.balance_cents === null
      ? []
      : [
          {
            label: cardLabel(c),
            balance_cents: c.balance_cents,
            limit_cents: c.limit_cents,
            utilization: c.utilization,
            level: c.utilization > OVER_LIMIT ? "over_limit" : c.utilization >= UTILIZATION_LINE ? "over_line" : "under_line",
          },
        ],
  );
}

export interface SubscriptionRow {
  merchant: string;
  amount_cents: number;
  /** "every month", "every week". */
  cadence: string;
  next_date: string;
  monthly_cents: number;
}

export interface SubscriptionList {
  rows: SubscriptionRow[];
  /** The sum of the rows' monthly amounts. */
  monthly_total_cents: number;
}

/** The subscriptions the window counts (the recurring rule met), largest monthly amount first. */
export function subscriptionList(w: WindowSignals | null): SubscriptionList {
  const rows = (w?.subscriptions.streams ?? [])
    .filter((s) => s.is_subscription && s.meets_recurring_rule && s.direction === "outflow")
    .map((s) => ({
      merchant: s.merchant,
      amount_cents: s.last_amount_cents,
      cadence: CADENCE_WORDS[s.frequency],
      next_date: s.predicted_next_date,
      monthly_cents: s.monthly_equivalent_cents ?? 0,
    }))
    .sort((a, b) => b.monthly_cents - a.monthly_cents || a.merchant.localeCompare(b.merchant));
  return { rows, monthly_total_cents: rows.reduce((a, r) => a + r.monthly_cents, 0) };
}
