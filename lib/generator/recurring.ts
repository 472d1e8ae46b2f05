/**
 * Recurring outflows that are not debt: rent, utilities, phone, internet, insurance (bills: recurring
 * but never subscriptions) and subscriptions (streaming, music, software, cloud, gym, news, gaming,
 * weekly meal kits, annual memberships), with the noise of real feeds: date jitter, weekend shifts,
 * price rises, usage-based amounts, cancellations and recent sign-ups.
 */
import type { Frequency } from "../core/signals/types";
import { CARD_PENDING_TWIN_RATE, PlanBuilder, cadenceDays, nextBusinessDay } from "./builder";
import { iso, ymd } from "./days";
import {
  APARTMENT_NAMES, INSURERS, INTERNET_PROVIDERS, LANDLORDS, PHONE_CARRIERS, SUBSCRIPTIONS, UTILITIES,
  type MerchantDef, type SubscriptionDef,
} from "./merchants";
import type { Region } from "./merchants";
import type { NoiseKind } from "./labels";
import type { TxnSource } from "./model";

// ---------------------------------------------------------------------------------------------
// Bills
// ---------------------------------------------------------------------------------------------

/** Rent as a share of take-home pay: [min, max]; paycheck-to-paycheck renters pay more. */
export const RENT_SHARE: readonly [number, number] = [0.24, 0.36];
export const RENT_SHARE_P2P: readonly [number, number] = [0.3, 0.42];
/** Rent is due on the 1st and paid a little early or late: [day offset, weight]. */
export const RENT_DAY_OFFSET_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[-2, 8], [-1, 12], [0, 45], [1, 15], [2, 10], [3, 6], [4, 4]];
/** A lease renewal mid-period raises the rent. */
export const RENT_RISE_RATE = 0.35;
export const RENT_RISE_RANGE: readonly [number, number] = [0.03, 0.06];
/** Bills' posting dates wander by up to this many days around the due day (then move off weekends). */
export const BILL_JITTER_DAYS = 3;
/** Utility bills follow the season: amplitude of the yearly swing, and month-to-month noise. */
export const UTILITY_BASE: readonly [number, number] = [7_000, 22_000];
export const UTILITY_SEASON_AMPLITUDE: readonly [number, number] = [0.2, 0.45];
export const UTILITY_NOISE_SD = 0.08;
/** Regions whose bills peak in winter (heating) rather than summer (air conditioning). */
export const WINTER_PEAK_REGIONS: readonly Region[] = ["Northeast", "Midwest"];
export const PHONE_BASE: readonly [number, number] = [3_500, 18_000];
/** Share of phone bills that wobble by a few dollars (taxes, usage) in a given month. */
export const PHONE_WOBBLE_RATE = 0.3;
export const PHONE_WOBBLE_CENTS = 300;
export const INTERNET_RATE = 0.85;
export const INTERNET_BASE: readonly [number, number] = [5_000, 11_000];
/** A promotional internet price ends mid-period. */
export const INTERNET_PROMO_END_RATE = 0.3;
export const INTERNET_PROMO_RISE: readonly [number, number] = [1_500, 3_000];
export const AUTO_INSURANCE_RATE = 0.9;
export const AUTO_INSURANCE_BASE: readonly [number, number] = [8_000, 23_000];
export const RENTERS_INSURANCE_RATE = 0.25;
export const RENTERS_INSURANCE_CENTS: readonly [number, number] = [900, 1_800];
export const INSURANCE_RENEWAL_RATE = 0.3;
export const INSURANCE_RENEWAL_SWING = 0.08;
/** Share of bills paid by card when the user has a card that carries recurring charges. */
export const BILL_ON_CARD_RATE = 0.3;

// ---------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------

/** brief: "subscription-heavy users (4–8 subscriptions ...)": active ones, at least 3 of them monthly; cancelled or new ones come on top. */
export const HEAVY_SUBSCRIPTION_COUNT: readonly [number, number] = [4, 8];
/** Everybody else: 0–3 subscriptions, [count, weight]. */
export const LIGHT_SUBSCRIPTION_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[0, 25], [1, 30], [2, 25], [3, 20]];
/** Heavy users: chance of a weekly meal kit and of an annual membership among their subscriptions. */
export const HEAVY_WEEKLY_RATE = 0.45;
export const HEAVY_MIN_MONTHLY = 3;
export const HEAVY_ANNUAL_RATE = 0.5;
export const LIGHT_ANNUAL_RATE = 0.25;
/** brief: "a subscription cancelled mid-year" (ends 60–200 days before the as-of date). */
export const CANCELLED_RATE_HEAVY = 0.35;
export const CANCELLED_RATE_LIGHT = 0.1;
export const CANCELLED_DAYS_BEFORE_AS_OF: readonly [number, number] = [60, 200];
/** brief: "a subscription started recently (only 1–2 charges)": first charge 5–50 days before the as-of date. */
export const RECENT_START_RATE_HEAVY = 0.35;
export const RECENT_START_RATE_LIGHT = 0.08;
export const RECENT_START_DAYS_BEFORE_AS_OF: readonly [number, number] = [5, 50];
/** brief: "a subscription price rise mid-year", for providers that raise prices. */
export const PRICE_RISE_RATE = 0.3;
/** Share of subscriptions billed to a card (when the user has a card that carries them), else to the debit card. */
export const SUBSCRIPTION_ON_CARD_RATE = 0.7;

// Planted noise on subscriptions (drawn from the user's "noise" stream; labelled in `noise`).
/** A charge of an active monthly subscription refunded in full 2–6 days later (a disputed or goodwill refund). */
export const SUBSCRIPTION_REFUND_RATE = 0.04;
export const SUBSCRIPTION_REFUND_LAG_DAYS: readonly [number, number] = [2, 6];
/** A second subscription at the same price on the same account, with its own descriptors, never enriched. */
export const SAME_PRICE_TWIN_RATE = 0.12;
/** One month skipped (paused) in an otherwise monthly subscription. */
export const SKIPPED_MONTH_RATE = 0.06;
/** A subscription moved to another account (new card, debit card) mid-period: same merchant, new account_id. */
export const CARD_MOVE_RATE = 0.06;
/** Subscriptions charged with sales tax (4–9%) whose tax is a few cents off on some charges (rounding, rate changes). */
export const TAX_WOBBLE_RATE = 0.1;
export const TAX_RATE_RANGE: readonly [number, number] = [0.04, 0.09];
export const TAX_WOBBLE_ROW_RATE = 0.35;
export const TAX_WOBBLE_CENTS = 4;

export interface RecurringContext {
  checking: number;
  /** Cards that take bills (transactor and revolver cards), possibly empty. */
  billCards: number[];
  /** Cards that take subscriptions (also dormant cards: a card kept for one streaming service). */
  subscriptionCards: number[];
  homeowner: boolean;
}

function payingAccount(b: PlanBuilder, ctx: RecurringContext, cards: number[], cardRate: number): number {
  return cards.length > 0 && b.rng.chance(cardRate) ? b.rng.pick(cards) : ctx.checking;
}

function jitteredBillDay(b: PlanBuilder, nominal: number): number {
  return nextBusinessDay(nominal + b.rng.int(-BILL_JITTER_DAYS, BILL_JITTER_DAYS));
}

function monthlyAnchor(b: PlanBuilder, dom: number): number {
  const { y, m } = ymd(b.period.start);
  return Math.floor(Date.UTC(y, m - 2, dom) / 86_400_000);
}

export function planRent(b: PlanBuilder, checking: number): void {
  const rng = b.rng;
  const t = b.traits;
  const [lo, hi] = t.paycheckToPaycheck ? RENT_SHARE_P2P : RENT_SHARE;
  const rent = Math.round((t.monthlyIncomeCents * rng.uniform(lo, hi)) / 500) * 500;
  const landlord = rng.pick(LANDLORDS);
  const source = b.source(landlord, { ctx: { LOCAL: rng.pick(APARTMENT_NAMES) } });
  const rises = rng.chance(RENT_RISE_RATE);
  const riseDay = b.period.start + rng.int(60, Math.max(61, b.period.end - b.period.start - 30));
  const rise = 1 + rng.uniform(RENT_RISE_RANGE[0], RENT_RISE_RANGE[1]);
  const stream = b.stream(landlord.name ?? "Rent", "bill", "outflow", "MONTHLY", checking);
  for (const due of cadenceDays("MONTHLY", monthlyAnchor(b, 1), b.period.start - 10, b.period.end + 10)) {
    const day = nextBusinessDay(due + rng.weighted(RENT_DAY_OFFSET_WEIGHTS));
    const amount = rises && day >= riseDay ? Math.round((rent * rise) / 500) * 500 : rent;
    b.txn(checking, day, day, amount, source, stream);
  }
}

/** A monthly bill whose amount per month comes from `amountFor(day, i)`. */
function monthlyBill(b: PlanBuilder, def: MerchantDef, account: number, amountFor: (day: number, i: number) => number, source?: TxnSource): void {
  const rng = b.rng;
  const src = source ?? b.source(def, { pendingTwinRate: b.accounts[account].role === "card" ? CARD_PENDING_TWIN_RATE : 0 });
  const stream = b.stream(def.name ?? def.key, "bill", "outflow", "MONTHLY", account);
  const anchor = monthlyAnchor(b, rng.int(3, 28));
  cadenceDays("MONTHLY", anchor, b.period.start - 10, b.period.end + 10).forEach((nominal, i) => {
    const onCard = b.accounts[account].role === "card";
    const day = onCard ? b.cardPostDay(nominal) : jitteredBillDay(b, nominal);
    b.txn(account, day, onCard ? nominal : day, amountFor(day, i), src, stream);
  });
}

export function planBills(b: PlanBuilder, ctx: RecurringContext): void {
  const rng = b.rng;
  const p = b.profile;
  const t = b.traits;
  const tierScale = p.incomeTier === "low" ? 0.8 : p.incomeTier === "high" ? 1.35 : 1;

  // Gas & electricity: seasonal, usage-based.
  const utility = rng.pick(UTILITIES[p.region]);
  const uBase = rng.uniform(UTILITY_BASE[0], UTILITY_BASE[1]) * tierScale * (ctx.homeowner ? 1.3 : 1);
  const amp = rng.uniform(UTILITY_SEASON_AMPLITUDE[0], UTILITY_SEASON_AMPLITUDE[1]);
  const peakMonth = WINTER_PEAK_REGIONS.includes(p.region) ? 1 : 8;
  monthlyBill(b, utility, payingAccount(b, ctx, ctx.billCards, BILL_ON_CARD_RATE), (day) => {
    const month = ymd(day).m;
    const season = 1 + amp * Math.cos((2 * Math.PI * (month - peakMonth)) / 12);
    return Math.max(1_500, Math.round(uBase * season * (1 + UTILITY_NOISE_SD * rng.normal())));
  });

  // Phone: stable, with an occasional few-dollar wobble and maybe a plan change.
  const carrier = rng.pick(PHONE_CARRIERS);
  const phone = Math.round(rng.uniform(PHONE_BASE[0], PHONE_BASE[1]) * tierScale);
  const planChangeDay = rng.chance(0.15) ? b.period.start + rng.int(30, b.period.end - b.period.start) : Infinity;
  const planChange = rng.pick([-1_000, 1_000, 2_000]);
  monthlyBill(b, carrier, payingAccount(b, ctx, ctx.billCards, BILL_ON_CARD_RATE), (day) => {
    const base = day >= planChangeDay ? Math.max(1_500, phone + planChange) : phone;
    return rng.chance(PHONE_WOBBLE_RATE) ? base + rng.int(-PHONE_WOBBLE_CENTS, PHONE_WOBBLE_CENTS) : base;
  });

  // Internet: flat; a promotional price may end.
  if (rng.chance(INTERNET_RATE)) {
    const isp = rng.pick(INTERNET_PROVIDERS);
    const net = Math.round(rng.uniform(INTERNET_BASE[0], INTERNET_BASE[1]) / 100) * 100 - 1;
    const promoEnd = rng.chance(INTERNET_PROMO_END_RATE) ? b.period.start + rng.int(60, b.period.end - b.period.start) : Infinity;
    const rise = rng.int(INTERNET_PROMO_RISE[0], INTERNET_PROMO_RISE[1]);
    monthlyBill(b, isp, payingAccount(b, ctx, ctx.billCards, BILL_ON_CARD_RATE), (day) => (day >= promoEnd ? net + rise : net));
  }

  // Insurance: auto for car owners, renters insurance for some renters; may change at renewal.
  const insured: Array<[MerchantDef, number]> = [];
  if (t.carOwner && rng.chance(AUTO_INSURANCE_RATE)) insured.push([rng.pick(INSURERS.filter((i) => i.key !== "lemonade")), Math.round(rng.uniform(AUTO_INSURANCE_BASE[0], AUTO_INSURANCE_BASE[1]))]);
  if (!ctx.homeowner && rng.chance(RENTERS_INSURANCE_RATE)) insured.push([INSURERS.find((i) => i.key === "lemonade")!, rng.int(RENTERS_INSURANCE_CENTS[0], RENTERS_INSURANCE_CENTS[1])]);
  for (const [insurer, premium] of insured) {
    const renewal = rng.chance(INSURANCE_RENEWAL_RATE) ? b.period.start + rng.int(60, b.period.end - b.period.start) : Infinity;
    const changed = Math.round(premium * (1 + rng.uniform(-INSURANCE_RENEWAL_SWING, INSURANCE_RENEWAL_SWING)));
    monthlyBill(b, insurer, payingAccount(b, ctx, ctx.billCards, BILL_ON_CARD_RATE), (day) => (day >= renewal ? changed : premium));
  }
}

export interface SubscriptionSummary {
  /** Planted subscriptions (including annual ones and those with fewer than 2 charges). */
  count: number;
}

export function planSubscriptions(b: PlanBuilder, ctx: RecurringContext): SubscriptionSummary {
  const rng = b.rng;
  const heavy = b.traits.subscriptionHeavy;
  const monthly = SUBSCRIPTIONS.filter((s) => s.frequency === "MONTHLY");
  const weekly = SUBSCRIPTIONS.filter((s) => s.frequency === "WEEKLY");
  const annual = SUBSCRIPTIONS.filter((s) => s.frequency === "ANNUALLY");
  const picks: SubscriptionDef[] = [];
  if (heavy) {
    let n = rng.int(HEAVY_SUBSCRIPTION_COUNT[0], HEAVY_SUBSCRIPTION_COUNT[1]);
    if (rng.chance(HEAVY_WEEKLY_RATE)) {
      picks.push(rng.pick(weekly));
      n -= 1;
    }
    if (rng.chance(HEAVY_ANNUAL_RATE)) {
      picks.push(rng.pick(annual));
      n -= 1;
    }
    picks.push(...pickDistinct(b, monthly, Math.max(n, HEAVY_MIN_MONTHLY), []));
  } else {
    const n = rng.weighted(LIGHT_SUBSCRIPTION_COUNT_WEIGHTS);
    picks.push(...pickDistinct(b, monthly, n, []));
    if (rng.chance(LIGHT_ANNUAL_RATE)) picks.push(rng.pick(annual));
  }
  const planned = picks.map((def) => planSubscription(b, ctx, def, false, false));
  planSamePriceTwin(b, picks, planned);
  // A cancelled one and a recent sign-up, on top of the active ones.
  const cancelled = rng.chance(heavy ? CANCELLED_RATE_HEAVY : CANCELLED_RATE_LIGHT) ? pickDistinct(b, monthly, 1, picks) : [];
  cancelled.forEach((def) => planSubscription(b, ctx, def, true, false));
  const recent = rng.chance(heavy ? RECENT_START_RATE_HEAVY : RECENT_START_RATE_LIGHT) ? pickDistinct(b, monthly, 1, [...picks, ...cancelled]) : [];
  recent.forEach((def) => planSubscription(b, ctx, def, false, true));
  return { count: picks.length + cancelled.length + recent.length };
}

/** Distinct subscriptions, at most two of a group (two video services is common; three gyms is not). */
function pickDistinct(b: PlanBuilder, pool: readonly SubscriptionDef[], n: number, taken: readonly SubscriptionDef[]): SubscriptionDef[] {
  const out: SubscriptionDef[] = [];
  const names = new Set<string>(taken.map((t) => t.name ?? t.key));
  for (const s of b.rng.sample(pool, pool.length)) {
    if (out.length >= n) break;
    if ([...taken, ...out].filter((o) => o.group === s.group).length >= 2 || names.has(s.name ?? s.key)) continue;
    out.push(s);
    names.add(s.name ?? s.key);
  }
  return out;
}

interface PlannedSubscription {
  account: number;
  price: number;
  onCard: boolean;
  active: boolean;
}

/** Forced choices for a planted same-price twin. */
interface SubscriptionOverride {
  account: number;
  price: number;
}

function planSubscription(
  b: PlanBuilder, ctx: RecurringContext, def: SubscriptionDef, cancelled: boolean, recent: boolean, override?: SubscriptionOverride,
): PlannedSubscription {
  const rng = b.rng;
  const noise = b.noise;
  const { start, end } = b.period;
  const achGym = def.channel === "other";
  const drawn = achGym ? ctx.checking : payingAccount(b, ctx, ctx.subscriptionCards, SUBSCRIPTION_ON_CARD_RATE);
  const account = override ? override.account : drawn;
  const onCard = !achGym;
  const source = b.source(def, override ? { pendingTwinRate: CARD_PENDING_TWIN_RATE, merchantName: null } : { pendingTwinRate: onCard ? CARD_PENDING_TWIN_RATE : 0 });
  const drawnPrice = rng.pick(def.prices);
  const price = override ? override.price : drawnPrice;
  const riseDay = def.rise > 0 && rng.chance(PRICE_RISE_RATE) && !override ? start + rng.int(60, Math.max(61, end - start - 45)) : Infinity;
  const first = recent ? end - rng.int(RECENT_START_DAYS_BEFORE_AS_OF[0], RECENT_START_DAYS_BEFORE_AS_OF[1]) : -Infinity;
  const last = cancelled ? end - rng.int(CANCELLED_DAYS_BEFORE_AS_OF[0], CANCELLED_DAYS_BEFORE_AS_OF[1]) : Infinity;
  const merchant = def.name ?? def.key;
  const stream = b.stream(merchant, "subscription", "outflow", def.frequency, account, !cancelled);
  const anchor = anchorFor(b, def.frequency, recent ? first : start);
  const auths = cadenceDays(def.frequency, anchor, Math.max(start - 10, first), end).filter((d) => d >= first && d <= last);

  // Planted noise, from the noise stream (the plan stream draws above are unchanged by it).
  const monthlyActive = def.frequency === "MONTHLY" && !cancelled && !recent && !override;
  const inPeriod = auths.filter((d) => d >= start);
  let skipAuth = -1;
  if (monthlyActive && noise.chance(SKIPPED_MONTH_RATE) && inPeriod.length >= 8) {
    skipAuth = inPeriod[noise.int(2, inPeriod.length - 4)];
  }
  let moveTo = -1;
  let moveFrom = Infinity;
  if (monthlyActive && onCard && noise.chance(CARD_MOVE_RATE)) {
    const others = [ctx.checking, ...ctx.subscriptionCards].filter((a) => a !== account);
    if (others.length > 0 && inPeriod.length >= 8) {
      moveTo = noise.pick(others);
      moveFrom = inPeriod[noise.int(3, inPeriod.length - 4)];
    }
  }
  let taxRate = 0;
  if ((monthlyActive || def.frequency === "WEEKLY") && noise.chance(TAX_WOBBLE_RATE)) taxRate = noise.uniform(TAX_RATE_RANGE[0], TAX_RATE_RANGE[1]);
  const refundAuth = monthlyActive && noise.chance(SUBSCRIPTION_REFUND_RATE) && inPeriod.length >= 6 ? inPeriod[noise.int(1, inPeriod.length - 3)] : -1;

  const tag = (kind: NoiseKind, detail: string): number => b.noiseCase({ kind, merchant, stream, detail });
  if (skipAuth >= 0) tag("skipped_month", `no charge authorized ${iso(skipAuth)}`);
  if (moveTo >= 0) Object.assign(b.streams[stream], { account: moveTo, movedFrom: account });
  const moveTag = moveTo >= 0 ? tag("card_move", `from account ${b.accounts[account].account_id} to ${b.accounts[moveTo].account_id} from ${iso(moveFrom)}`) : -1;
  const taxTag = taxRate > 0 ? tag("tax_wobble", `sales tax ${(taxRate * 100).toFixed(2)}%, a few cents off on some charges`) : -1;
  for (const auth of auths) {
    const day = onCard ? b.cardPostDay(auth) : nextBusinessDay(auth);
    if (auth === skipAuth) continue;
    const base = day >= riseDay ? price + def.rise : price;
    let amount = base;
    let noiseIdx: number | undefined;
    if (taxRate > 0) {
      amount = base + Math.round(base * taxRate);
      if (noise.chance(TAX_WOBBLE_ROW_RATE)) {
        const off = noise.int(1, TAX_WOBBLE_CENTS) * (noise.chance(0.5) ? 1 : -1);
        amount += off;
        noiseIdx = taxTag;
      }
    }
    const acct = auth >= moveFrom ? moveTo : account;
    if (acct === moveTo) noiseIdx = moveTag;
    const posted = b.txn(acct, day, auth, amount, source, stream, noiseIdx);
    if (posted && auth === refundAuth) {
      const refundDay = nextBusinessDay(day + noise.int(SUBSCRIPTION_REFUND_LAG_DAYS[0], SUBSCRIPTION_REFUND_LAG_DAYS[1]));
      if (refundDay <= end) {
        const t = tag("subscription_refund", `charge of ${iso(day)} refunded`);
        b.txn(acct, refundDay, refundDay, -amount, source, -1, t);
      }
    }
  }
  return { account, price, onCard, active: !cancelled && !recent && def.frequency === "MONTHLY" };
}

/**
 * A second subscription at the price of one of the user's card subscriptions, on the same account,
 * never enriched: two $9.99 services that must stay two streams.
 */
function planSamePriceTwin(b: PlanBuilder, picks: readonly SubscriptionDef[], planned: readonly PlannedSubscription[]): void {
  const noise = b.noise;
  if (!noise.chance(SAME_PRICE_TWIN_RATE)) return;
  const taken = new Set(picks.map((p) => p.key));
  const options: Array<{ def: SubscriptionDef; with: PlannedSubscription; of: SubscriptionDef }> = [];
  planned.forEach((p, i) => {
    if (!p.onCard || !p.active || picks[i].channel === "other") return;
    for (const def of SUBSCRIPTIONS) {
      if (def.frequency !== "MONTHLY" || taken.has(def.key) || def.channel === "other" || !def.prices.includes(p.price)) continue;
      if (SHARED_DESCRIPTOR_KEYS.has(def.key) && SHARED_DESCRIPTOR_KEYS.has(picks[i].key)) continue;
      if ((def.name ?? def.key) === (picks[i].name ?? picks[i].key)) continue;
      options.push({ def, with: p, of: picks[i] });
    }
  });
  if (options.length === 0) return;
  const o = noise.pick(options);
  const before = b.streams.length;
  // The twin's own plan draws come from the noise stream too, so the rest of the plan is unchanged.
  const twinBuilder = Object.create(b) as PlanBuilder;
  Object.defineProperty(twinBuilder, "rng", { value: noise });
  planSubscription(twinBuilder, { checking: -1, billCards: [], subscriptionCards: [], homeowner: false }, o.def, false, false, { account: o.with.account, price: o.with.price });
  b.noiseCase({ kind: "same_price_twin", merchant: o.def.name ?? o.def.key, stream: before, detail: `same price as ${o.of.name ?? o.of.key} on the same account, merchant_name null` });
}

/** Apple Music and iCloud share APPLE.COM/BILL descriptors: a same-price pair of them is not "distinct descriptors". */
const SHARED_DESCRIPTOR_KEYS = new Set(["apple_music", "icloud"]);

function anchorFor(b: PlanBuilder, frequency: Frequency, from: number): number {
  const rng = b.rng;
  if (frequency === "WEEKLY") return from + rng.int(0, 6);
  if (frequency === "ANNUALLY") return b.period.end - rng.int(20, 360);
  return from + rng.int(0, 27);
}
