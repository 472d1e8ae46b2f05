/**
 * Savings-like accounts: savers' monthly (or twice-monthly) transfers from checking, some into an
 * account that starts empty; non-savers' static balance with the odd withdrawal; monthly interest;
 * an HSA with a few contributions and medical bills. Every row is planned, so balances are exact.
 */
import { PlanBuilder, cadenceDays, nextBusinessDay, semiMonthlyDays } from "./builder";
import { monthSlices } from "./days";
import {
  HSA_CONTRIBUTION_DESCRIPTORS, HSA_MEDICAL, HSA_PRODUCTS, INTEREST_EARNED_DESCRIPTORS, MONEY_MARKET_PRODUCTS, SAVINGS_PRODUCTS,
  SAVINGS_TRANSFER,
} from "./merchants";
import type { IncomeTier } from "./model";

/** Savers move this share of take-home pay each month, at least SAVER_MIN_TRANSFER. */
export const SAVER_SHARE: readonly [number, number] = [0.05, 0.18];
export const SAVER_MIN_TRANSFER = 10_000;
/** Savers who transfer after each of two paychecks a month instead of once. */
export const SAVER_SEMI_MONTHLY_RATE = 0.25;
/** Savers who raise their transfer mid-period. */
export const SAVER_RAISE_RATE = 0.2;
export const SAVER_RAISE: readonly [number, number] = [1.2, 1.6];
/** Savings from zero: the account opens empty 100–170 days before the as-of date. */
export const FROM_ZERO_START_DAYS: readonly [number, number] = [100, 170];
/** Opening balances (cents) of savers by tier, and of non-savers. */
export const SAVER_OPENING: Record<IncomeTier, readonly [number, number]> = {
  low: [50_000, 400_000],
  middle: [200_000, 2_000_000],
  high: [1_000_000, 6_000_000],
};
export const NON_SAVER_OPENING: readonly [number, number] = [2_000, 400_000];
/** Non-savers pull money out of savings 0–3 times a period, 20–70% of the balance each time. */
export const WITHDRAWAL_COUNT: readonly [number, number] = [0, 3];
export const WITHDRAWAL_SHARE: readonly [number, number] = [0.2, 0.7];
/** Annual percentage yields: high-yield accounts vs big-bank savings. */
export const HIGH_YIELD_APY: readonly [number, number] = [0.035, 0.045];
export const BANK_APY: readonly [number, number] = [0.0001, 0.005];
export const HSA_OPENING: readonly [number, number] = [200_000, 800_000];
export const HSA_CONTRIBUTIONS: readonly [number, number] = [1, 4];
export const HSA_CONTRIBUTION_CENTS: readonly [number, number] = [10_000, 50_000];
export const HSA_BILLS: readonly [number, number] = [1, 4];
export const HSA_BILL_CENTS: readonly [number, number] = [4_000, 40_000];

export function planSavings(b: PlanBuilder, checking: number): number {
  const rng = b.rng;
  const t = b.traits;
  const { start, end } = b.period;
  const product = t.moneyMarket ? rng.pick(MONEY_MARKET_PRODUCTS) : rng.pick(SAVINGS_PRODUCTS);
  // Only savers shop for yield; a forgotten savings account earns a big bank's rate.
  const highYield = t.saver && (t.moneyMarket || product.name.includes("High Yield") || product.name.includes("Performance"));
  const acct = b.account({ role: "savings", type: "depository", subtype: t.moneyMarket ? "money market" : "savings", name: product.name, official_name: product.official });
  const sav = b.accounts[acct];
  const chkMask = b.accounts[checking].mask;
  const [oLo, oHi] = t.saver ? SAVER_OPENING[b.profile.incomeTier] : NON_SAVER_OPENING;
  sav.openingCents = t.savingsFromZero ? 0 : Math.round(rng.uniform(oLo, oHi));

  if (t.saver) {
    const outSrc = b.rawSource(SAVINGS_TRANSFER.checkingOut, "TRANSFER_OUT_ACCOUNT_TRANSFER", "other", { MASK: sav.mask });
    const inSrc = b.rawSource(SAVINGS_TRANSFER.savingsIn, "TRANSFER_IN_ACCOUNT_TRANSFER", "other", { MASK: chkMask });
    const semi = rng.chance(SAVER_SEMI_MONTHLY_RATE);
    const monthly = Math.max(SAVER_MIN_TRANSFER, Math.round((t.monthlyIncomeCents * rng.uniform(SAVER_SHARE[0], SAVER_SHARE[1])) / 2_500) * 2_500);
    const per = semi ? Math.round(monthly / 2 / 500) * 500 : monthly;
    const raiseDay = rng.chance(SAVER_RAISE_RATE) ? start + rng.int(90, Math.max(91, end - start - 60)) : Infinity;
    const raised = Math.round((per * rng.uniform(SAVER_RAISE[0], SAVER_RAISE[1])) / 500) * 500;
    const from = t.savingsFromZero ? end - rng.int(FROM_ZERO_START_DAYS[0], FROM_ZERO_START_DAYS[1]) : start;
    // Transfer the business day after a payday-ish day of month.
    const days = semi ? semiMonthlyDays(rng.int(1, 5), rng.int(16, 20), from, end) : cadenceDays("MONTHLY", from + rng.int(0, 27), from, end);
    const frequency = semi ? "SEMI_MONTHLY" : "MONTHLY";
    const outStream = b.stream("Transfer to Savings", "transfer", "outflow", frequency, checking);
    const inStream = b.stream("Transfer from Checking", "transfer", "inflow", frequency, acct);
    for (const d of days) {
      const day = nextBusinessDay(d);
      if (day < from || day > end) continue;
      const amount = day >= raiseDay ? raised : per;
      b.txn(checking, day, day, amount, outSrc, outStream);
      b.txn(acct, day, day, -amount, inSrc, inStream);
    }
  } else {
    const n = rng.int(WITHDRAWAL_COUNT[0], WITHDRAWAL_COUNT[1]);
    const outSrc = b.rawSource(SAVINGS_TRANSFER.savingsOut, "TRANSFER_OUT_ACCOUNT_TRANSFER", "other", { MASK: chkMask });
    const inSrc = b.rawSource(SAVINGS_TRANSFER.checkingIn, "TRANSFER_IN_ACCOUNT_TRANSFER", "other", { MASK: sav.mask });
    const days = Array.from({ length: n }, () => nextBusinessDay(start + rng.int(0, end - start))).filter((d) => d <= end).sort((x, y) => x - y);
    let bal = sav.openingCents;
    for (const day of days) {
      const amount = Math.round((bal * rng.uniform(WITHDRAWAL_SHARE[0], WITHDRAWAL_SHARE[1])) / 1_000) * 1_000;
      if (amount <= 0) continue;
      bal -= amount;
      b.txn(acct, day, day, amount, outSrc);
      b.txn(checking, day, day, -amount, inSrc);
    }
  }
  planInterest(b, acct, rng.uniform(...(highYield ? HIGH_YIELD_APY : BANK_APY)));
  return acct;
}

/** Interest credited on each month's last day, on the balance at that point. */
function planInterest(b: PlanBuilder, acct: number, apy: number): void {
  const a = b.accounts[acct];
  const src = b.rawSource(INTEREST_EARNED_DESCRIPTORS.slice(0, 1), "INCOME_INTEREST_EARNED", "other");
  const stream = b.stream("Interest", "income", "inflow", "MONTHLY", acct);
  const rows = b.planned.filter((t) => t.account === acct).sort((x, y) => x.day - y.day);
  let bal = a.openingCents;
  let i = 0;
  for (const s of monthSlices(b.period.start, b.period.end)) {
    if (s.end - s.start + 1 < s.monthDays) continue; // credited on full months only
    while (i < rows.length && rows[i].day <= s.end) bal -= rows[i++].cents;
    const interest = Math.round((bal * apy) / 12);
    if (interest >= 1) {
      b.txn(acct, s.end, s.end, -interest, src, stream);
      bal += interest;
    }
  }
}

export function planHsa(b: PlanBuilder): number {
  const rng = b.rng;
  const { start, end } = b.period;
  const product = rng.pick(HSA_PRODUCTS);
  const acct = b.account({ role: "hsa", type: "depository", subtype: "hsa", name: product.name, official_name: product.official });
  b.accounts[acct].openingCents = Math.round(rng.uniform(HSA_OPENING[0], HSA_OPENING[1]));
  const contrib = b.rawSource(HSA_CONTRIBUTION_DESCRIPTORS, "TRANSFER_IN_DEPOSIT", "other");
  for (let i = rng.int(HSA_CONTRIBUTIONS[0], HSA_CONTRIBUTIONS[1]); i > 0; i--) {
    const day = nextBusinessDay(start + rng.int(0, end - start));
    b.txn(acct, day, day, -rng.int(HSA_CONTRIBUTION_CENTS[0], HSA_CONTRIBUTION_CENTS[1]), contrib);
  }
  for (let i = rng.int(HSA_BILLS[0], HSA_BILLS[1]); i > 0; i--) {
    const auth = start + rng.int(0, end - start);
    b.txn(acct, b.cardPostDay(auth), auth, rng.int(HSA_BILL_CENTS[0], HSA_BILL_CENTS[1]), b.source(rng.pick(HSA_MEDICAL)));
  }
  return acct;
}

