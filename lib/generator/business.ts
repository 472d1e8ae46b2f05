/**
 * A business checking account for a few users (holder_category "business"): client payouts in,
 * software subscriptions and business spending out. The engine must leave all of it out; its
 * streams are therefore not labelled.
 */
import { CARD_PENDING_TWIN_RATE, PlanBuilder, cadenceDays, nextBusinessDay } from "./builder";
import { monthSlices } from "./days";
import { BUSINESS_CHECKING_PRODUCTS, BUSINESS_INCOME_DESCRIPTORS, BUSINESS_SUBSCRIPTIONS, FREELANCE_CLIENTS } from "./merchants";

export const BUSINESS_MONTHLY_REVENUE: readonly [number, number] = [200_000, 2_500_000];
export const BUSINESS_PAYOUTS_PER_MONTH: readonly [number, number] = [3, 10];
export const BUSINESS_SPEND_SHARE: readonly [number, number] = [0.45, 0.8];
export const BUSINESS_SUBSCRIPTION_COUNT: readonly [number, number] = [2, 4];
export const BUSINESS_OPENING: readonly [number, number] = [300_000, 4_000_000];
/** The business account never dips below this. */
export const BUSINESS_MIN_BALANCE = 50_000;
/** Everyday business purchases per month. */
export const BUSINESS_ROWS_PER_MONTH: readonly [number, number] = [8, 24];

export function planBusiness(b: PlanBuilder): number {
  const rng = b.rng;
  const { start, end } = b.period;
  const product = rng.pick(BUSINESS_CHECKING_PRODUCTS);
  const acct = b.account({ role: "business", type: "depository", subtype: "checking", name: product.name, official_name: product.official, holder_category: "business" });
  const revenue = rng.uniform(BUSINESS_MONTHLY_REVENUE[0], BUSINESS_MONTHLY_REVENUE[1]);
  const perMonth = rng.int(BUSINESS_PAYOUTS_PER_MONTH[0], BUSINESS_PAYOUTS_PER_MONTH[1]);
  const client = rng.pick(FREELANCE_CLIENTS).toUpperCase();
  const incomeSources = BUSINESS_INCOME_DESCRIPTORS.map((d) => b.rawSource([d], d.startsWith("ACH") ? "INCOME_OTHER_INCOME" : "TRANSFER_IN_DEPOSIT", "other", { CLIENT: client }));
  for (let d = start + rng.int(0, 5); d <= end; d += rng.int(1, Math.max(2, Math.round((2 * 30.44) / perMonth)))) {
    const day = nextBusinessDay(d);
    b.txn(acct, day, day, -Math.round(rng.logNormal(revenue / perMonth, 0.5)), rng.pick(incomeSources));
  }
  for (const def of rng.sample(BUSINESS_SUBSCRIPTIONS, rng.int(BUSINESS_SUBSCRIPTION_COUNT[0], BUSINESS_SUBSCRIPTION_COUNT[1]))) {
    const src = b.source(def, { pendingTwinRate: CARD_PENDING_TWIN_RATE });
    const stream = b.stream(def.name ?? def.key, "subscription", "outflow", def.frequency, acct);
    const price = rng.pick(def.prices);
    for (const auth of cadenceDays("MONTHLY", start + rng.int(0, 27), start - 10, end)) b.txn(acct, b.cardPostDay(auth), auth, price, src, stream);
  }
  const spendShare = rng.uniform(BUSINESS_SPEND_SHARE[0], BUSINESS_SPEND_SHARE[1]);
  const rowsPerMonth = rng.int(BUSINESS_ROWS_PER_MONTH[0], BUSINESS_ROWS_PER_MONTH[1]);
  const a = b.accounts[acct];
  let flows = 0;
  let min = 0;
  const rows = b.planned.filter((t) => t.account === acct).sort((x, y) => x.day - y.day);
  let i = 0;
  for (const s of monthSlices(start, end)) {
    const frac = (s.end - s.start + 1) / s.monthDays;
    const budget = Math.round(revenue * spendShare * frac);
    if (budget > 0) b.slices.push({ account: acct, start: s.start, end: s.end, budgetCents: budget, count: Math.max(1, Math.round(rowsPerMonth * frac)), mix: "business" });
    // Worst case inside the month: the whole budget spent on its first day.
    flows -= budget;
    min = Math.min(min, flows);
    while (i < rows.length && rows[i].day <= s.end) {
      flows -= rows[i++].cents;
      min = Math.min(min, flows);
    }
  }
  a.openingCents = Math.max(Math.round(rng.uniform(BUSINESS_OPENING[0], BUSINESS_OPENING[1])), BUSINESS_MIN_BALANCE - min);
  return acct;
}
