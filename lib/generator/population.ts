/**
 * Who the users are: demographics and the archetype mix, every share a named constant.
 * Each user's draws come from that user's own random streams.
 */
import { REGIONS, CITIES, type Region } from "./merchants";
import type { AgeBand, IncomeTier, Profile } from "./model";
import { Rng, userSeed } from "./rng";

// ---------------------------------------------------------------------------------------------
// Demographics
// ---------------------------------------------------------------------------------------------

export const AGE_BAND_WEIGHTS: ReadonlyArray<readonly [AgeBand, number]> = [
  ["18-24", 12], ["25-34", 26], ["35-44", 22], ["45-54", 17], ["55-64", 13], ["65+", 10],
];
/** Income tier by age band: [low, middle, high] weights. */
export const INCOME_TIER_BY_AGE: Record<AgeBand, readonly [number, number, number]> = {
  "18-24": [60, 36, 4],
  "25-34": [30, 52, 18],
  "35-44": [24, 52, 24],
  "45-54": [22, 50, 28],
  "55-64": [26, 50, 24],
  "65+": [42, 44, 14],
};
export const REGION_WEIGHTS: Record<Region, number> = { Northeast: 17, Midwest: 21, South: 38, West: 24 };
/** brief: "consent: true for ~90% of users". */
export const CONSENT_RATE = 0.9;

export function drawProfile(seed: number, index: number): Profile {
  const rng = new Rng(userSeed(seed, index, "profile"));
  const ageBand = rng.weighted(AGE_BAND_WEIGHTS);
  const [lo, mid, hi] = INCOME_TIER_BY_AGE[ageBand];
  const incomeTier = rng.weighted<IncomeTier>([["low", lo], ["middle", mid], ["high", hi]]);
  const region = rng.weighted(REGIONS.map((r) => [r, REGION_WEIGHTS[r]] as const));
  const city = rng.pick(CITIES[region]);
  const consent = rng.chance(CONSENT_RATE);
  return { ageBand, incomeTier, region, city, consent };
}

// ---------------------------------------------------------------------------------------------
// Archetypes
// ---------------------------------------------------------------------------------------------

export type IncomeKind = "salaried" | "gig_freelancer" | "gig_platform";
export type CardPolicy = "transactor" | "revolver" | "min_payer" | "dormant";

/** Share of income kinds: salaried payroll vs irregular gig income (freelance invoices or platform payouts). */
export const INCOME_KIND_WEIGHTS: ReadonlyArray<readonly [IncomeKind, number]> = [
  ["salaried", 72], ["gig_freelancer", 15], ["gig_platform", 13],
];
/** Salaried users who also take irregular platform payouts on the side. */
export const SIDE_GIG_RATE = 0.12;
/** Monthly take-home pay (cents) by tier: [min, max]. */
export const MONTHLY_NET_INCOME: Record<IncomeTier, readonly [number, number]> = {
  low: [180_000, 320_000],
  middle: [350_000, 650_000],
  high: [700_000, 1_600_000],
};
/** Paycheck-to-paycheck: low checking buffer, spends what comes in, overdraft/NSF fees. Freelancers (lumpy income) are the variable-income case instead. */
export const PAYCHECK_TO_PAYCHECK_RATE: Record<IncomeTier, number> = { low: 0.45, middle: 0.16, high: 0.03 };
/** Savers move money into savings every month (never paycheck-to-paycheck users). */
export const SAVER_RATE: Record<IncomeTier, number> = { low: 0.3, middle: 0.55, high: 0.75 };
/** Savers whose savings account starts empty within the last months (growth rate undefined). */
export const SAVINGS_FROM_ZERO_RATE = 0.28;
/** Non-savers who still hold a savings account (a static balance with occasional withdrawals). */
export const NON_SAVER_SAVINGS_ACCOUNT_RATE = 0.55;
/** Savers whose savings account is a money market account. */
export const MONEY_MARKET_RATE = 0.15;
export const HSA_RATE = 0.1;
/** brief: "subscription-heavy users (4–8 subscriptions)". */
export const SUBSCRIPTION_HEAVY_RATE = 0.3;
export const HOMEOWNER_RATE: Record<AgeBand, number> = {
  "18-24": 0.03, "25-34": 0.22, "35-44": 0.48, "45-54": 0.58, "55-64": 0.62, "65+": 0.6,
};
/** Homeownership is rarer on a low income. */
export const HOMEOWNER_LOW_INCOME_FACTOR = 0.5;
export const STUDENT_LOAN_RATE: Record<AgeBand, number> = {
  "18-24": 0.4, "25-34": 0.42, "35-44": 0.25, "45-54": 0.1, "55-64": 0.05, "65+": 0.02,
};
/** brief: "a few users also get a business checking account". */
export const BUSINESS_RATE = 0.08;
/** Number of credit cards: weights for 0, 1, 2, 3. */
export const CARD_COUNT_WEIGHTS: Record<IncomeTier, readonly [number, number, number, number]> = {
  low: [30, 50, 17, 3],
  middle: [14, 48, 30, 8],
  high: [6, 38, 38, 18],
};
/** How the primary card is used. */
export const CARD_POLICY_WEIGHTS: Record<IncomeTier, ReadonlyArray<readonly [CardPolicy, number]>> = {
  low: [["transactor", 32], ["revolver", 28], ["min_payer", 26], ["dormant", 14]],
  middle: [["transactor", 54], ["revolver", 22], ["min_payer", 12], ["dormant", 12]],
  high: [["transactor", 72], ["revolver", 15], ["min_payer", 5], ["dormant", 8]],
};
/** Paycheck-to-paycheck users with a card lean on it: share moved from transactor to min payer. */
export const P2P_MIN_PAYER_SHIFT = 0.5;
/** Secondary cards: transactor or dormant. */
export const SECONDARY_CARD_DORMANT_RATE = 0.4;
/** Revolvers and minimum payers who missed their latest due date. */
export const OVERDUE_RATE = 0.22;
export const CAR_OWNER_RATE = 0.8;
export const COFFEE_LOVER_RATE = 0.3;
export const PET_OWNER_RATE = 0.3;
/** Share of city dwellers with a transit agency who ride it. */
export const TRANSIT_RIDER_RATE = 0.6;

export interface Traits {
  income: IncomeKind;
  sideGig: boolean;
  monthlyIncomeCents: number;
  paycheckToPaycheck: boolean;
  saver: boolean;
  savingsFromZero: boolean;
  hasSavingsAccount: boolean;
  moneyMarket: boolean;
  hsa: boolean;
  subscriptionHeavy: boolean;
  homeowner: boolean;
  studentLoan: boolean;
  business: boolean;
  cardPolicies: CardPolicy[];
  overdue: boolean;
  carOwner: boolean;
  coffeeLover: boolean;
  petOwner: boolean;
  transitRider: boolean;
}

export function drawTraits(rng: Rng, p: Profile): Traits {
  const income = rng.weighted(INCOME_KIND_WEIGHTS);
  const sideGig = income === "salaried" && rng.chance(SIDE_GIG_RATE);
  const [lo, hi] = MONTHLY_NET_INCOME[p.incomeTier];
  const monthlyIncomeCents = Math.round(rng.uniform(lo, hi) / 100) * 100;
  const paycheckToPaycheck = rng.chance(PAYCHECK_TO_PAYCHECK_RATE[p.incomeTier]) && income !== "gig_freelancer";
  const saver = !paycheckToPaycheck && rng.chance(SAVER_RATE[p.incomeTier]);
  const savingsFromZero = saver && rng.chance(SAVINGS_FROM_ZERO_RATE);
  const hasSavingsAccount = saver || rng.chance(NON_SAVER_SAVINGS_ACCOUNT_RATE);
  const moneyMarket = hasSavingsAccount && !savingsFromZero && rng.chance(MONEY_MARKET_RATE);
  const hsa = p.ageBand !== "18-24" && rng.chance(HSA_RATE);
  const subscriptionHeavy = rng.chance(SUBSCRIPTION_HEAVY_RATE);
  const homeRate = HOMEOWNER_RATE[p.ageBand] * (p.incomeTier === "low" ? HOMEOWNER_LOW_INCOME_FACTOR : 1);
  const homeowner = rng.chance(homeRate);
  const studentLoan = rng.chance(STUDENT_LOAN_RATE[p.ageBand]);
  const business = rng.chance(BUSINESS_RATE);
  const [c0, c1, c2, c3] = CARD_COUNT_WEIGHTS[p.incomeTier];
  const cardCount = rng.weighted<number>([[0, c0], [1, c1], [2, c2], [3, c3]]);
  const cardPolicies: CardPolicy[] = [];
  if (cardCount > 0) {
    let primary = rng.weighted(CARD_POLICY_WEIGHTS[p.incomeTier]);
    if (paycheckToPaycheck && primary === "transactor" && rng.chance(P2P_MIN_PAYER_SHIFT)) primary = "min_payer";
    cardPolicies.push(primary);
    for (let i = 1; i < cardCount; i++) cardPolicies.push(rng.chance(SECONDARY_CARD_DORMANT_RATE) ? "dormant" : "transactor");
  }
  const carriesDebt = cardPolicies[0] === "revolver" || cardPolicies[0] === "min_payer";
  const overdue = carriesDebt && rng.chance(OVERDUE_RATE);
  const carOwner = rng.chance(CAR_OWNER_RATE);
  const coffeeLover = rng.chance(COFFEE_LOVER_RATE);
  const petOwner = rng.chance(PET_OWNER_RATE);
  const transitRider = p.city.transit !== null && rng.chance(TRANSIT_RIDER_RATE);
  return {
    income, sideGig, monthlyIncomeCents, paycheckToPaycheck, saver, savingsFromZero, hasSavingsAccount, moneyMarket, hsa,
    subscriptionHeavy, homeowner, studentLoan, business, cardPolicies, overdue, carOwner, coffeeLover, petOwner, transitRider,
  };
}
