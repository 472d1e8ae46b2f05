/**
 * planUser: one user's whole plan from (seed, user index, period). Cheap and pure, so every writing
 * pass rebuilds it instead of keeping it in memory. The order of the steps is part of the output:
 * each step draws from the same "plan" random stream.
 */
import type { MortgageLiability, StudentLoan } from "../core/plaid";
import { PlanBuilder } from "./builder";
import { planBusiness } from "./business";
import { planMaintenanceFee, MAINTENANCE_FEE_RATE, simulateChecking, type CheckingResult } from "./cash";
import { openCards, simulateCard, type CardResult, type CardSetup } from "./credit";
import { planIncome, type IncomeResult } from "./income";
import { expectedPersonas } from "./intent";
import { planMortgage, planStudentLoan } from "./loans";
import { CHECKING_PRODUCTS, SPEND_CATEGORIES, type SpendCategoryKey } from "./merchants";
import type { Behaviors, IncomeTier, SpendProfile, UserPlan } from "./model";
import type { Period } from "./options";
import { drawProfile, drawTraits, type Traits } from "./population";
import { userIdOf } from "./bundle-user";
import { planBills, planRent, planSubscriptions } from "./recurring";
import { Rng, userSeed } from "./rng";
import { planHsa, planSavings } from "./savings";

// ---------------------------------------------------------------------------------------------
// Everyday spending
// ---------------------------------------------------------------------------------------------

/** brief: "roughly 60–110 transactions per user per month": everyday purchases per month (the rest are planned rows and pending twins). */
export const EVERYDAY_ROWS_PER_MONTH: readonly [number, number] = [36, 64];
/** The average everyday purchase is at least this share of the user's category mix's typical amount. */
export const MIN_TICKET_SHARE = 0.45;
/** Share of what is left after fixed outflows that a user spends on everyday things. */
export const SPEND_RATIO_P2P: readonly [number, number] = [0.98, 1.04];
export const SPEND_RATIO_SAVER: readonly [number, number] = [0.72, 0.9];
export const SPEND_RATIO_OTHER: readonly [number, number] = [0.85, 0.97];
/** Everyday spending never falls below this per month (cents), whatever the budget says. */
export const EVERYDAY_FLOOR: Record<IncomeTier, number> = { low: 60_000, middle: 110_000, high: 200_000 };
/** Transactors put this share of everyday spending on their cards. */
export const TRANSACTOR_CARD_SHARE: readonly [number, number] = [0.35, 0.8];
/** Debit spending is at least this share of everyday spending. */
export const DEBIT_MIN_SHARE = 0.15;
/** Checking buffer (months of outflows) for users who are not paycheck-to-paycheck, by tier; freelancers run leaner. */
export const CHECKING_BUFFER_MONTHS: Record<IncomeTier, readonly [number, number]> = { low: [0.3, 1.2], middle: [0.5, 2.5], high: [1, 4] };
export const CHECKING_BUFFER_FREELANCER: readonly [number, number] = [0.15, 0.9];
/** Paycheck-to-paycheck users aim for a near-empty checking account (cents). */
export const P2P_TARGET_BALANCE: readonly [number, number] = [10_000, 110_000];
export const AMOUNT_SCALE: Record<IncomeTier, number> = { low: 0.85, middle: 1, high: 1.3 };
/** Pending authorizations on the last days before the as-of date with no posted twin: [count, weight]. */
export const HOLD_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[0, 30], [1, 35], [2, 25], [3, 10]];
export const HOLD_MAX_AGE_DAYS = 2;
export const HOLD_CATEGORIES: readonly SpendCategoryKey[] = ["groceries", "coffee", "restaurant", "gas", "online", "fast_food", "superstore"];

/** Archetype names for planted utilization (the brief's 50% flag, and "maxed"). */
export const ARCHETYPE_HIGH_UTILIZATION = 0.5;
export const ARCHETYPE_MAXED_UTILIZATION = 0.9;

/** Relative frequency of everyday categories (before per-user adjustments). */
export const BASE_SPEND_WEIGHTS: Partial<Record<SpendCategoryKey, number>> = {
  groceries: 14, coffee: 8, restaurant: 9, fast_food: 9, delivery: 4, gas: 7, rideshare: 3, online: 10, superstore: 7,
  clothing: 3, pharmacy: 4, convenience: 4, entertainment: 2, personal_care: 2, alcohol: 2, hardware: 1, parking: 1,
  atm: 1.5, p2p: 3,
};
export const BUSINESS_SPEND_WEIGHTS: Partial<Record<SpendCategoryKey, number>> = {
  office: 3, shipping: 3, advertising: 1, restaurant: 2, online: 2, travel: 0.4, electronics: 0.3,
};
/** Per-user variation of each category weight: x U(lo, hi). */
export const SPEND_WEIGHT_JITTER: readonly [number, number] = [0.6, 1.4];

function spendProfile(rng: Rng, t: Traits, tier: IncomeTier, city: SpendProfile["city"]): SpendProfile {
  const w: Partial<Record<SpendCategoryKey, number>> = {};
  for (const [k, v] of Object.entries(BASE_SPEND_WEIGHTS) as Array<[SpendCategoryKey, number]>) w[k] = v * rng.uniform(SPEND_WEIGHT_JITTER[0], SPEND_WEIGHT_JITTER[1]);
  if (t.coffeeLover) w.coffee = (w.coffee ?? 0) * 3;
  if (!t.carOwner) {
    w.gas = 0;
    w.parking = (w.parking ?? 0) * 0.3;
    w.rideshare = (w.rideshare ?? 0) * 2.5;
  }
  if (t.transitRider) w.transit = 10;
  if (t.petOwner) w.pet = 2;
  if (t.homeowner) w.hardware = 3;
  return { weights: w, businessWeights: { ...BUSINESS_SPEND_WEIGHTS }, amountScale: AMOUNT_SCALE[tier], city };
}

function meanTicket(p: SpendProfile): number {
  let wsum = 0;
  let asum = 0;
  for (const [k, w] of Object.entries(p.weights) as Array<[SpendCategoryKey, number]>) {
    const c = SPEND_CATEGORIES[k];
    wsum += w;
    asum += w * c.median * Math.exp((c.sigma * c.sigma) / 2);
  }
  return wsum > 0 ? (asum / wsum) * p.amountScale : 3_000;
}

export function planUser(seed: number, index: number, period: Period): UserPlan {
  const profile = drawProfile(seed, index);
  const rng = new Rng(userSeed(seed, index, "plan"));
  const traits = drawTraits(rng, profile);
  const b = new PlanBuilder(rng, period, profile, traits, new Rng(userSeed(seed, index, "noise")));
  const spend = spendProfile(rng, traits, profile.incomeTier, profile.city);

  // Accounts that others refer to.
  const chk = rng.pick(CHECKING_PRODUCTS);
  const checking = b.account({ role: "checking", type: "depository", subtype: "checking", name: chk.name, official_name: chk.official });
  const cards = openCards(b, traits.cardPolicies, traits.overdue);

  const fixed = planFixedFlows(b, checking, cards);
  const budget = everydayBudget(b, spend);
  const cardResults = planCards(b, cards, checking, budget);
  const cash = planChecking(b, checking, budget, cardResults);
  if (traits.business) planBusiness(b);
  planHolds(b, checking, cards, spend);
  settleBalances(b, cash.current);
  const labels = planLabels(b, checking, cards, cardResults, fixed.income);

  return {
    index,
    user_id: userIdOf(index),
    profile,
    archetypes: labels.archetypes,
    payroll: fixed.income.payroll,
    gig_income: fixed.income.gig,
    accounts: b.accounts,
    planned: b.planned,
    streams: b.streams,
    slices: b.slices,
    fees: b.fees,
    holds: b.holds,
    noise: b.noiseCases,
    spend,
    credit: cardResults.map((r) => r.liability),
    student: fixed.student,
    mortgage: fixed.mortgage,
    behaviors: labels.behaviors,
    expected_personas: labels.expected,
  };
}

/** Money in, fixed money out: income, housing, loans, bills, subscriptions, fees, savings. */
function planFixedFlows(b: PlanBuilder, checking: number, cards: CardSetup[]): { income: IncomeResult; mortgage: MortgageLiability[]; student: StudentLoan[] } {
  const { traits, rng } = b;
  const income = planIncome(b, checking);
  const mortgage = traits.homeowner ? [planMortgage(b, checking)] : [];
  if (!traits.homeowner) planRent(b, checking);
  const student = traits.studentLoan ? [planStudentLoan(b, checking)] : [];
  // Minimum payers keep recurring charges off their card; dormant cards carry at most a subscription.
  const rctx = {
    checking,
    billCards: cards.filter((c) => c.policy === "transactor" || c.policy === "revolver").map((c) => c.account),
    subscriptionCards: cards.filter((c) => c.policy !== "min_payer").map((c) => c.account),
    homeowner: traits.homeowner,
  };
  planBills(b, rctx);
  planSubscriptions(b, rctx);
  if (traits.paycheckToPaycheck && rng.chance(MAINTENANCE_FEE_RATE)) planMaintenanceFee(b, checking);
  if (traits.hasSavingsAccount) planSavings(b, checking);
  if (traits.hsa) planHsa(b);
  return { income, mortgage, student };
}

/** Everyday spending per month, from what is left after fixed outflows, and the average purchase. */
interface EverydayBudget {
  /** Fixed outflows per month (cents). */
  fixedM: number;
  /** Everyday spending per month (cents). */
  living: number;
  /** The average everyday purchase (cents). */
  ticket: number;
}

function everydayBudget(b: PlanBuilder, spend: SpendProfile): EverydayBudget {
  const { traits, rng } = b;
  const months = b.periodMonths();
  let inflow = 0;
  let fixed = 0;
  for (const t of b.planned) {
    const role = b.accounts[t.account].role;
    if (role === "checking" && t.cents < 0) inflow -= t.cents;
    else if ((role === "checking" || role === "card") && t.cents > 0) fixed += t.cents;
  }
  const incomeM = inflow / months;
  const fixedM = fixed / months;
  const [rLo, rHi] = traits.paycheckToPaycheck ? SPEND_RATIO_P2P : traits.saver ? SPEND_RATIO_SAVER : SPEND_RATIO_OTHER;
  const living = Math.max(EVERYDAY_FLOOR[b.profile.incomeTier], (incomeM - fixedM) * rng.uniform(rLo, rHi));
  const rows = rng.int(EVERYDAY_ROWS_PER_MONTH[0], EVERYDAY_ROWS_PER_MONTH[1]);
  const ticket = Math.max(meanTicket(spend) * MIN_TICKET_SHARE, living / rows);
  return { fixedM, living, ticket };
}

/** Cards: transactors split their card share of everyday spending; then every card is simulated. */
function planCards(b: PlanBuilder, cards: CardSetup[], checking: number, budget: EverydayBudget): CardResult[] {
  const rng = b.rng;
  const transactors = cards.filter((c) => c.policy === "transactor");
  const cardShare = transactors.length > 0 ? rng.uniform(TRANSACTOR_CARD_SHARE[0], TRANSACTOR_CARD_SHARE[1]) : 0;
  const weights = transactors.map(() => rng.uniform(0.3, 1));
  const wsum = weights.reduce((a, x) => a + x, 0);
  transactors.forEach((c, i) => (c.monthlySpend = (budget.living * cardShare * weights[i]) / wsum));
  return cards.map((c) => simulateCard(b, c, checking, budget.ticket));
}

/** Checking: the everyday spending the cards do not take, a balance target, fees. */
function planChecking(b: PlanBuilder, checking: number, budget: EverydayBudget, cardResults: CardResult[]): CheckingResult {
  const { traits, rng } = b;
  const { fixedM, living, ticket } = budget;
  const cardEveryday = cardResults.reduce((a, r) => a + r.monthlyEverydaySpend, 0);
  const outflowsM = fixedM + living;
  const target = traits.paycheckToPaycheck
    ? rng.uniform(P2P_TARGET_BALANCE[0], P2P_TARGET_BALANCE[1])
    : outflowsM * rng.uniform(...(traits.income === "gig_freelancer" ? CHECKING_BUFFER_FREELANCER : CHECKING_BUFFER_MONTHS[b.profile.incomeTier]));
  const cash = simulateChecking(b, {
    checking,
    opening: Math.round(target * rng.uniform(0.8, 1.2)),
    target,
    baseDebit: Math.max(living * DEBIT_MIN_SHARE, living - cardEveryday),
    ticket,
  });
  b.accounts[checking].openingCents = cash.opening;
  return cash;
}

/** Pending authorizations with no posted twin yet. */
function planHolds(b: PlanBuilder, checking: number, cards: CardSetup[], spend: SpendProfile): void {
  const rng = b.rng;
  const holdAccounts = [checking, ...cards.filter((c) => c.policy !== "dormant").map((c) => c.account)];
  for (let n = rng.weighted(HOLD_COUNT_WEIGHTS); n > 0; n--) {
    const category = rng.pick(HOLD_CATEGORIES);
    const c = SPEND_CATEGORIES[category];
    const cents = Math.round(Math.min(c.max, Math.max(c.min, rng.logNormal(c.median * spend.amountScale, c.sigma))));
    b.holds.push({ account: rng.pick(holdAccounts), day: b.period.end - rng.int(0, HOLD_MAX_AGE_DAYS), cents, category, source: null });
  }
}

/** Labels: behaviors, archetypes, intent. */
function planLabels(
  b: PlanBuilder, checking: number, cards: CardSetup[], cardResults: CardResult[], income: IncomeResult,
): { archetypes: string[]; behaviors: Behaviors; expected: string[] } {
  const traits = b.traits;
  const maxUtil = cardResults.reduce((a, r) => Math.max(a, r.utilization), 0);
  const interest = cardResults.some((r) => r.interestCharged);
  const minOnly = cardResults.some((r) => r.minPaymentOnly);
  const overdue = cards.some((c) => c.overdue);
  const archetypes = archetypesOf(traits, b.profile.consent, maxUtil, interest);
  const expected = expectedPersonas(b, {
    maxUtilization: maxUtil,
    interest,
    minPaymentOnly: minOnly,
    overdue,
    gig: income.gig,
    salaried: traits.income === "salaried",
    medianGapDays: income.medianGapDays,
    checkingCents: b.accounts[checking].currentCents,
    paycheckToPaycheck: traits.paycheckToPaycheck,
  });
  const behaviors: Behaviors = {
    min_payment_only: minOnly,
    overdue,
    interest,
    max_planted_utilization: Math.round(maxUtil * 10_000) / 10_000,
    saver: traits.saver,
    savings_from_zero: traits.savingsFromZero,
    overdraft_fees: b.fees.length > 0,
    business_account: traits.business,
  };
  return { archetypes, behaviors, expected };
}

/**
 * Balances on the as-of date. Depository accounts: opening minus every posted flow. Cards: the card
 * simulation gives the current balance; the opening balance is what the flows imply. Available
 * balances subtract the pending holds.
 */
function settleBalances(b: PlanBuilder, checkingCurrent: number): void {
  const flows = b.accounts.map(() => 0);
  const held = b.accounts.map(() => 0);
  for (const t of b.planned) flows[t.account] += t.cents;
  for (const s of b.slices) flows[s.account] += s.budgetCents;
  for (const f of b.fees) flows[f.account] += f.cents;
  for (const h of b.holds) held[h.account] += h.cents;
  b.accounts.forEach((a, i) => {
    if (a.type === "depository") {
      a.currentCents = a.openingCents - flows[i];
      if (a.role === "checking" && a.currentCents !== checkingCurrent) throw new Error(`checking balance mismatch for account ${i}`);
      a.availableCents = a.currentCents - held[i];
    } else if (a.type === "credit") {
      a.openingCents = a.currentCents - flows[i];
      a.availableCents = Math.max(0, (a.limitCents ?? 0) - a.currentCents - held[i]);
    }
  });
}

function archetypesOf(t: Traits, consent: boolean, maxUtil: number, interest: boolean): string[] {
  const out: string[] = [t.income];
  if (t.sideGig) out.push("side_gig");
  out.push(t.homeowner ? "homeowner" : "renter");
  if (t.studentLoan) out.push("student_loan");
  const primary = t.cardPolicies[0];
  if (!primary) out.push("no_credit_card");
  else out.push({ transactor: "card_transactor", revolver: "card_revolver", min_payer: "min_payment_only", dormant: "dormant_card" }[primary]);
  if (maxUtil >= ARCHETYPE_HIGH_UTILIZATION) out.push("high_utilization");
  if (maxUtil >= ARCHETYPE_MAXED_UTILIZATION) out.push("maxed_card");
  if (t.overdue) out.push("overdue");
  if (interest) out.push("interest_charges");
  out.push(t.saver ? "saver" : "non_saver");
  if (t.savingsFromZero) out.push("savings_from_zero");
  if (t.hsa) out.push("hsa");
  if (t.subscriptionHeavy) out.push("subscription_heavy");
  if (t.paycheckToPaycheck) out.push("paycheck_to_paycheck");
  if (t.business) out.push("business_owner");
  if (!consent) out.push("no_consent");
  return out;
}
