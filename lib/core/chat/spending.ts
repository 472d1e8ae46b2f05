/**
 * Recent spending by category (Plaid's personal_finance_category primary), by the signal engine's
 * own definition of spend (lib/core/signals/window.ts): the rows prepareUser flags as spending
 * (purchases and fees out of cash and card accounts; own-account transfers and card payments left
 * out; pending duplicates dropped), refunds netted in their category. The categories' sum is the
 * window's total spend whenever no category's refunds exceed its purchases.
 */
import { prepareUser } from "../signals/prepare";
import { F_SPEND } from "../signals/flags";
import type { CoreUserData } from "../types";

export interface CategorySpend {
  /** PFC primary, or null when Plaid could not tell. */
  primary: string | null;
  /** Net spend in the window, cents (> 0). */
  cents: number;
}

export interface SpendingByCategory {
  /** Categories with net spend above zero, largest first (ties by name). */
  categories: CategorySpend[];
  /** Net spend of the window, never below 0: the signals' total_spend_cents. */
  total_cents: number;
}

/** Spending of the `days` days ending on `asOf` (inclusive), by category. */
export function spendingByCategory(data: CoreUserData, asOf: string, days: number): SpendingByCategory {
  const p = prepareUser(data, asOf);
  const startDay = p.asOfDay - days + 1;
  const byCategory = new Map<string | null, number>();
  let net = 0;
  for (const r of p.txs) {
    if (r.day < startDay || r.day > p.asOfDay || !(r.flags & F_SPEND)) continue;
    const key = r.tx.pfc_primary ?? null;
    byCategory.set(key, (byCategory.get(key) ?? 0) + r.amount);
    net += r.amount;
  }
  const categories = [...byCategory.entries()]
    .filter(([, cents]) => cents > 0)
    .map(([primary, cents]) => ({ primary, cents }))
    .sort((a, b) => b.cents - a.cents || (a.primary ?? "").localeCompare(b.primary ?? ""));
  return { categories, total_cents: Math.max(0, net) };
}
