/**
 * Everyday purchases: groceries, coffee, restaurants, gas, shopping... at irregular days with varying
 * amounts (never a stream), filling each spend slice's budget to the cent so the account balances
 * the plan computed stay exact. Each user has a few favourite places per category (same store
 * number, descriptor variants), plus the odd one-off; shopping merchants sometimes refund.
 */
import { bindTemplate } from "./descriptors";
import { SUNDAY, weekday } from "./days";
import { SPEND_CATEGORIES, FRIENDS, type SpendCategoryDef, type SpendCategoryKey, type MerchantDef } from "./merchants";
import type { SpendProfile, SpendSlice, TxnSource } from "./model";
import { CONFIDENCE_WEIGHTS } from "./builder";
import type { Rng } from "./rng";
import { pfc } from "./pfc";

/** Favourite places per category: [count, weight]; most purchases go to a favourite. */
export const FAVORITES_PER_CATEGORY: ReadonlyArray<readonly [number, number]> = [[1, 35], [2, 40], [3, 25]];
export const FAVORITE_SHARE = 0.8;
/** Enrichment of everyday merchants: never named / named on part of the rows / (almost) always named. */
export const EVERYDAY_NEVER_NAMED_RATE = 0.05;
export const EVERYDAY_PARTLY_NAMED_RATE = 0.12;
export const EVERYDAY_PARTLY_NAMED_ROWS = 0.7;
export const EVERYDAY_NAMED_ROWS = 0.93;
export const EVERYDAY_VARIANT_RATE = 0.25;
/** brief: "refunds (negative amounts at a shopping merchant)": chance per personal slice. */
export const REFUND_RATE_PER_SLICE = 0.22;
export const REFUND_FULL_RATE = 0.7;
export const REFUND_PARTIAL: readonly [number, number] = [0.2, 0.8];
export const REFUND_DELAY_DAYS: readonly [number, number] = [3, 20];
/** Big tickets top up a slice until the drawn amounts reach this share of its budget, at most this many. */
export const BIG_TICKET_FILL_SHARE = 0.75;
export const BIG_TICKET_MAX = 4;
/** Fixed-amount rows (cash, transfers to friends, fares) may use at most this share of a budget. */
export const FIXED_MAX_SHARE = 0.6;
/** A slice never has more rows than dollars in its budget (so that every purchase stays positive). */
export const MIN_ROW_CENTS = 100;
/** Authorization to posting lag of everyday card rows: [days, weight]. */
export const EVERYDAY_LAG_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[0, 30], [1, 42], [2, 20], [3, 8]];
/** Sunday postings move to Monday (some banks post on Saturdays, none on Sundays). */
export const SUNDAY_TO_MONDAY = true;

export interface Favorite {
  category: SpendCategoryDef;
  source: TxnSource;
}

export interface EverydayRow {
  day: number;
  authDay: number;
  cents: number;
  fav: Favorite;
  /** Not scaled to the budget (cash in $20s, flat fares, round amounts to friends). */
  fixed: boolean;
  refund: boolean;
}

/** A user's everyday merchants, bound once per transaction pass. */
export class Favorites {
  private readonly byCategory = new Map<SpendCategoryKey, Favorite[]>();
  constructor(private readonly rng: Rng, private readonly spend: SpendProfile) {}

  pick(key: SpendCategoryKey): Favorite {
    let list = this.byCategory.get(key);
    const cat = SPEND_CATEGORIES[key];
    const pool: readonly MerchantDef[] = key === "transit" && this.spend.city.transit ? [this.spend.city.transit] : cat.merchants;
    if (!list) {
      list = this.rng.sample(pool, this.rng.weighted(FAVORITES_PER_CATEGORY)).map((m) => this.bind(cat, m));
      this.byCategory.set(key, list);
    }
    return this.rng.chance(FAVORITE_SHARE) || pool.length <= list.length ? this.rng.pick(list) : this.bind(cat, this.rng.pick(pool));
  }

  private bind(cat: SpendCategoryDef, m: MerchantDef): Favorite {
    const rng = this.rng;
    const ctx = { CITY: this.spend.city.city, ST: this.spend.city.st, LOCAL: localName(rng), FRIEND: rng.pick(FRIENDS) };
    const r = rng.float();
    const rows = m.name === null ? 0 : r < EVERYDAY_NEVER_NAMED_RATE ? 0 : r < EVERYDAY_NEVER_NAMED_RATE + EVERYDAY_PARTLY_NAMED_RATE ? EVERYDAY_PARTLY_NAMED_ROWS : EVERYDAY_NAMED_ROWS;
    const descriptors = m.descriptors.map((t) => bindTemplate(t, rng, ctx));
    return {
      category: cat,
      source: {
        descriptors,
        variantRate: descriptors.length > 1 ? EVERYDAY_VARIANT_RATE : 0,
        merchantName: m.name,
        entityId: m.name === null ? null : m.entityId,
        enrichRate: rows,
        pfc: m.pfc,
        category: pfc(m.pfc, rng.weighted(CONFIDENCE_WEIGHTS)),
        channel: m.channel,
        pendingTwinRate: cat.pendingTwinRate,
      },
    };
  }
}

const LOCAL_FOR_DELIVERY = ["JOES PIZZA", "PHO 88", "SAKURA SUSHI", "GOLDEN DRAGON", "THAI BASIL", "TACO LOCO"];
function localName(rng: Rng): string {
  return rng.pick(LOCAL_FOR_DELIVERY);
}

function drawAmount(rng: Rng, c: SpendCategoryDef, scale: number): number {
  if (c.fixedAmounts) return rng.pick(c.fixedAmounts);
  return Math.round(Math.min(c.max * scale, Math.max(c.min, rng.logNormal(c.median * scale, c.sigma))));
}

function postedDay(rng: Rng, s: SpendSlice): { day: number; authDay: number } {
  let day = rng.int(s.start, s.end);
  if (SUNDAY_TO_MONDAY && weekday(day) === SUNDAY) day = day + 1 <= s.end ? day + 1 : day - 1 >= s.start ? day - 1 : day;
  return { day, authDay: day - rng.weighted(EVERYDAY_LAG_WEIGHTS) };
}

/** Draws a slice's purchases (and maybe a refund) summing to exactly its budget. */
export function fillSlice(rng: Rng, s: SpendSlice, spend: SpendProfile, favorites: Favorites, isCard: boolean): EverydayRow[] {
  const weights = s.mix === "business" ? spend.businessWeights : spend.weights;
  const entries = (Object.entries(weights) as Array<[SpendCategoryKey, number]>).filter(([k, w]) => w > 0 && !(isCard && SPEND_CATEGORIES[k].debitOnly));
  const rows: EverydayRow[] = [];
  const add = (key: SpendCategoryKey) => {
    const fav = favorites.pick(key);
    const { day, authDay } = postedDay(rng, s);
    rows.push({ day, authDay, cents: drawAmount(rng, fav.category, spend.amountScale), fav, fixed: fav.category.fixedAmounts !== undefined, refund: false });
  };
  const count = Math.min(s.count, Math.max(1, Math.floor(s.budgetCents / MIN_ROW_CENTS)));
  for (let i = 0; i < count; i++) add(rng.weighted(entries));

  const budget = s.budgetCents;
  let fixed = rows.reduce((a, r) => a + (r.fixed ? r.cents : 0), 0);
  // Too much cash for this budget: drop fixed rows (latest first) until it fits.
  for (let i = rows.length - 1; i >= 0 && fixed > FIXED_MAX_SHARE * budget; i--) {
    if (rows[i].fixed) {
      fixed -= rows[i].cents;
      rows.splice(i, 1);
    }
  }
  // Big budgets: add big tickets (travel, electronics; advertising for a business).
  const bigKeys: SpendCategoryKey[] = s.mix === "business" ? ["advertising", "electronics"] : ["travel", "electronics"];
  let drawn = rows.reduce((a, r) => a + r.cents, 0);
  for (let n = 0; n < BIG_TICKET_MAX && drawn < BIG_TICKET_FILL_SHARE * budget; n++) {
    add(rng.pick(bigKeys));
    drawn += rows[rows.length - 1].cents;
  }
  if (!rows.some((r) => !r.fixed)) add(s.mix === "business" ? "office" : "groceries");

  // A refund of an earlier shopping purchase, inside the slice.
  if (s.mix === "personal" && rng.chance(REFUND_RATE_PER_SLICE)) {
    const candidates = rows.filter((r) => r.fav.category.refundable && !r.fixed && r.day + REFUND_DELAY_DAYS[0] <= s.end);
    if (candidates.length > 0) {
      const orig = rng.pick(candidates);
      const day = Math.min(s.end, orig.day + rng.int(REFUND_DELAY_DAYS[0], REFUND_DELAY_DAYS[1]));
      const share = rng.chance(REFUND_FULL_RATE) ? 1 : rng.uniform(REFUND_PARTIAL[0], REFUND_PARTIAL[1]);
      rows.push({ day, authDay: day, cents: -Math.round(orig.cents * share), fav: orig.fav, fixed: false, refund: true });
    }
  }

  // Scale the non-fixed rows so that everything sums to the budget exactly.
  fixed = rows.reduce((a, r) => a + (r.fixed ? r.cents : 0), 0);
  const variable = rows.reduce((a, r) => a + (r.fixed ? 0 : r.cents), 0);
  const k = variable > 0 ? (budget - fixed) / variable : 1;
  let total = 0;
  let largest = -1;
  rows.forEach((r, i) => {
    if (!r.fixed) {
      r.cents = r.refund ? Math.min(-1, Math.round(r.cents * k)) : Math.max(1, Math.round(r.cents * k));
      if (!r.refund && (largest < 0 || r.cents > rows[largest].cents)) largest = i;
    }
    total += r.cents;
  });
  if (largest >= 0) rows[largest].cents += budget - total;
  return rows;
}
