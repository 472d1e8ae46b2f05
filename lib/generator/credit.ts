/**
 * Credit cards, simulated statement by statement so that every number agrees: the purchases of each
 * cycle (a budget the transaction pass fills exactly), payments (posted on both the checking and
 * the card account), interest and late fees, the balance on the as-of date, and the Plaid
 * CreditCardLiability (last statement, minimum payment, last payment, APRs, overdue flag).
 *
 * Policies: transactors pay the statement in full (no interest); revolvers pay a fixed amount above
 * the minimum and carry a balance; minimum payers pay exactly the minimum every month and spend what
 * it frees (their balance, so their minimum, stays nearly put: each payment equals the minimum of the
 * statement it pays; the liability's minimum_payment_amount is the latest statement's); dormant cards see almost no use. Overdue users skip their latest due payment.
 * Minimum payers' cards carry no recurring charges (see plan.ts), so nothing else moves the balance.
 */
import type { CreditLiability } from "../core/plaid";
import { toDollars } from "../core/money";
import { PlanBuilder, nextBusinessDay } from "./builder";
import { dayFromYmd, iso, ymd } from "./days";
import { CARD_INTEREST_DESCRIPTORS, CARD_ISSUERS, LATE_FEE_DESCRIPTORS, type CardIssuer } from "./merchants";
import type { IncomeTier, TxnSource } from "./model";
import type { CardPolicy } from "./population";
import type { Rng } from "./rng";

/** Credit limits by tier (cents), rounded to $100. */
export const CARD_LIMIT: Record<IncomeTier, readonly [number, number]> = {
  low: [50_000, 400_000],
  middle: [200_000, 1_500_000],
  high: [800_000, 3_500_000],
};
export const PURCHASE_APR_PCT: readonly [number, number] = [17.99, 29.99];
export const CASH_APR_PCT = 29.99;
/** Days from the statement date to the payment due date. */
export const PAYMENT_DUE_DAYS = 25;
/** Minimum payment: 1% of the statement balance plus its interest and fees, at least this floor. */
export const MIN_PAYMENT_PCT = 0.01;
export const MIN_PAYMENT_FLOOR_CENTS = 3_500;
export const LATE_FEE_CENTS: readonly number[] = [2_900, 3_200, 4_000];
/** Autopay posts on the due date; manual payers pay 0–6 days before it. */
export const AUTOPAY_RATE = 0.65;
export const MANUAL_PAY_LEAD_DAYS: readonly [number, number] = [0, 6];
/** Revolvers: target utilization range, and fixed payment as a multiple of the first minimum. */
export const REVOLVER_UTILIZATION: readonly [number, number] = [0.25, 0.8];
export const REVOLVER_PAYMENT_MULTIPLE: readonly [number, number] = [1.6, 3.2];
/** Minimum payers: a share are maxed out (>= 90% of the limit), the others between 50% and 90%. */
export const MIN_PAYER_MAXED_RATE = 0.4;
export const MIN_PAYER_MAXED_UTILIZATION: readonly [number, number] = [0.9, 1.0];
export const MIN_PAYER_UTILIZATION: readonly [number, number] = [0.5, 0.9];
/** Nobody is let far past the limit. */
export const MAX_UTILIZATION = 1.02;
/** Revolvers' cards still see a little spending each cycle (cents per 30 days). */
export const DEBT_CARD_MIN_SPEND = 2_000;
/** Dormant cards: chance of one small purchase in a cycle. */
export const DORMANT_PURCHASE_RATE = 0.15;
export const DORMANT_PURCHASE: readonly [number, number] = [500, 4_000];
/** Iterations to find the steady-state interest of the opening statement. */
export const STEADY_STATE_ITERATIONS = 8;
/** Cycles simulated before the period starts (so the first in-period payment has a statement). */
export const WARMUP_CYCLES = 2;
/** Transactors: the statement uses at most this share of the limit (a higher limit is granted otherwise). */
export const TRANSACTOR_STATEMENT_UTILIZATION: readonly [number, number] = [0.06, 0.55];
/** Transactors: monthly card spend varies by this factor around the plan. */
export const TRANSACTOR_SPEND_NOISE: readonly [number, number] = [0.8, 1.2];

export interface CardSetup {
  account: number;
  policy: CardPolicy;
  issuer: CardIssuer;
  limit: number;
  apr: number;
  statementDom: number;
  autopay: boolean;
  overdue: boolean;
  /** Transactors: planned card spend per 30 days (cents, excluding recurring charges). */
  monthlySpend: number;
  targetUtilization: number;
}

/** Creates the card accounts (before bills and subscriptions pick which card they go on). */
export function openCards(b: PlanBuilder, policies: CardPolicy[], overdue: boolean): CardSetup[] {
  const rng = b.rng;
  const issuers = rng.sample(CARD_ISSUERS, policies.length);
  return policies.map((policy, i) => {
    const issuer = issuers[i];
    const product = rng.pick(issuer.products);
    const [lo, hi] = CARD_LIMIT[b.profile.incomeTier];
    const limit = Math.round(rng.uniform(lo, hi) / 10_000) * 10_000;
    const account = b.account({ role: "card", type: "credit", subtype: "credit card", name: product, official_name: `${product} Card`, limitCents: limit });
    const target =
      policy === "revolver" ? rng.uniform(REVOLVER_UTILIZATION[0], REVOLVER_UTILIZATION[1])
      : policy === "min_payer" ? (rng.chance(MIN_PAYER_MAXED_RATE) ? rng.uniform(MIN_PAYER_MAXED_UTILIZATION[0], MIN_PAYER_MAXED_UTILIZATION[1]) : rng.uniform(MIN_PAYER_UTILIZATION[0], MIN_PAYER_UTILIZATION[1]))
      : 0;
    return {
      account, policy, issuer, limit,
      apr: Math.round(rng.uniform(PURCHASE_APR_PCT[0], PURCHASE_APR_PCT[1]) * 100) / 100,
      statementDom: rng.int(1, 28),
      autopay: rng.chance(AUTOPAY_RATE),
      overdue: i === 0 && overdue,
      monthlySpend: 0,
      targetUtilization: target,
    };
  });
}

export interface CardResult {
  liability: CreditLiability;
  interestCharged: boolean;
  minPaymentOnly: boolean;
  utilization: number;
  /** Average card-budget spend per 30 days in the period (cents, excluding recurring charges). */
  monthlyEverydaySpend: number;
}

interface Cycle {
  start: number;
  end: number;
  /** Statement issued on `end` (false for the current, open cycle). */
  closed: boolean;
}

function minimumOf(statement: number, interest: number, fees: number): number {
  if (statement <= 0) return 0;
  return Math.min(statement, Math.max(MIN_PAYMENT_FLOOR_CENTS, Math.round(statement * MIN_PAYMENT_PCT) + interest + fees));
}

/**
 * Simulates one card through the period. Recurring charges already planned on the card
 * (subscriptions, bills) count toward each cycle's purchases.
 */
export function simulateCard(b: PlanBuilder, card: CardSetup, checking: number, ticket: number): CardResult {
  const { stmts, cycles } = statementCycles(b, card);
  const recurring = recurringByCycle(b, card, cycles);
  const flows = cardFlows(b, card, checking);
  fitTransactorLimit(b.rng, card);
  const sim: CardSim = {
    b, card, checking, ticket, flows,
    carries: card.policy === "revolver" || card.policy === "min_payer",
    target: card.targetUtilization * card.limit,
    missedDue: card.overdue ? missedDueDay(stmts, b.period.end) : -1,
  };
  const state = openingState(sim, stmts[0]);
  cycles.forEach((c, i) => runCycle(sim, state, c, recurring[i]));
  return cardResult(sim, state);
}

/** Statement dates from WARMUP_CYCLES before the period to the as-of date, and the cycles they close. */
function statementCycles(b: PlanBuilder, card: CardSetup): { stmts: number[]; cycles: Cycle[] } {
  const { start, end } = b.period;
  const first = ymd(start);
  const stmts: number[] = [];
  for (let k = -WARMUP_CYCLES; ; k++) {
    const d = dayFromYmd(first.y, first.m + k, card.statementDom);
    if (d > end) break;
    stmts.push(d);
  }
  const cycles: Cycle[] = [];
  for (let i = 1; i < stmts.length; i++) cycles.push({ start: stmts[i - 1] + 1, end: stmts[i], closed: true });
  // The open cycle, unless a statement was issued on the as-of date itself.
  if (stmts[stmts.length - 1] < end) cycles.push({ start: stmts[stmts.length - 1] + 1, end, closed: false });
  return { stmts, cycles };
}

/** Recurring charges already on this card, by cycle. */
function recurringByCycle(b: PlanBuilder, card: CardSetup, cycles: Cycle[]): number[] {
  const recurring = cycles.map(() => 0);
  for (const t of b.planned) {
    if (t.account !== card.account) continue;
    const i = cycles.findIndex((c) => t.day >= c.start && t.day <= c.end);
    if (i >= 0) recurring[i] += t.cents;
  }
  return recurring;
}

/** How the card's own rows read: the payment on both accounts, interest, the late fee. */
interface CardFlows {
  paySource: TxnSource;
  cardPaySource: TxnSource;
  interestSource: TxnSource;
  lateSource: TxnSource;
  payStream: number;
  cardPayStream: number;
  lateFee: number;
}

function cardFlows(b: PlanBuilder, card: CardSetup, checking: number): CardFlows {
  const acct = b.accounts[card.account];
  const checkingMask = b.accounts[checking].mask;
  return {
    paySource: b.rawSource(card.issuer.checkingDescriptors, "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "other", { MASK: acct.mask }),
    cardPaySource: b.rawSource(card.issuer.cardDescriptors, "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "other", { MASK: checkingMask }),
    interestSource: b.rawSource(CARD_INTEREST_DESCRIPTORS.slice(0, 1), "BANK_FEES_INTEREST_CHARGE", "other"),
    lateSource: b.rawSource(LATE_FEE_DESCRIPTORS.slice(0, 1), "BANK_FEES_OTHER_BANK_FEES", "other"),
    payStream: b.stream(card.issuer.displayName, "debt_payment", "outflow", "MONTHLY", checking),
    cardPayStream: b.stream(card.issuer.displayName, "debt_payment", "inflow", "MONTHLY", card.account),
    lateFee: b.rng.pick(LATE_FEE_CENTS),
  };
}

/** Transactors' statements use at most TRANSACTOR_STATEMENT_UTILIZATION of the limit: a higher limit is granted otherwise. */
function fitTransactorLimit(rng: Rng, card: CardSetup): void {
  if (card.policy === "transactor" && card.monthlySpend > 0) {
    const share = rng.uniform(TRANSACTOR_STATEMENT_UTILIZATION[0], TRANSACTOR_STATEMENT_UTILIZATION[1]);
    card.limit = Math.max(card.limit, Math.ceil(card.monthlySpend / share / 10_000) * 10_000);
  }
}

/** What stays fixed while one card's cycles run. */
interface CardSim {
  b: PlanBuilder;
  card: CardSetup;
  checking: number;
  ticket: number;
  flows: CardFlows;
  /** Revolvers and minimum payers carry a balance (and pay interest on it). */
  carries: boolean;
  /** The balance the card's policy aims at (cents). */
  target: number;
  /** The due date the overdue user misses (-1: none). */
  missedDue: number;
}

/** The card's running numbers, from the opening statement through each cycle. */
interface CardState {
  balance: number;
  /** The latest statement: its balance, interest, fees and minimum payment. */
  statement: number;
  statementInterest: number;
  statementFees: number;
  minimum: number;
  /** Revolvers' round payment above the minimum. */
  fixedPayment: number;
  lastPayment: { day: number; cents: number } | null;
  lastStatementDay: number;
  anyInterest: boolean;
  /** Everyday (non-recurring) card spending inside the period (cents). */
  everyday: number;
  lastInterest: number;
  lastCarried: number;
}

/** The opening statement, in the steady state of the card's policy. */
function openingState(sim: CardSim, firstStatementDay: number): CardState {
  const { b: { rng }, card, carries, target } = sim;
  const balance = carries ? Math.round(card.policy === "min_payer" ? target : target * rng.uniform(0.8, 1.2)) : Math.round(card.monthlySpend);
  // Start in the steady state: the interest on what remains after paying the minimum (a fixed point).
  let statementInterest = 0;
  if (carries) for (let k = 0; k < STEADY_STATE_ITERATIONS; k++) statementInterest = Math.round(((balance - minimumOf(balance, statementInterest, 0)) * card.apr) / 100 / 12);
  const minimum = minimumOf(balance, statementInterest, 0);
  return {
    balance,
    statement: balance,
    statementInterest,
    statementFees: 0,
    minimum,
    fixedPayment: Math.round((minimum * rng.uniform(REVOLVER_PAYMENT_MULTIPLE[0], REVOLVER_PAYMENT_MULTIPLE[1])) / 500) * 500,
    lastPayment: null,
    lastStatementDay: firstStatementDay,
    anyInterest: false,
    everyday: 0,
    lastInterest: 0,
    lastCarried: 0,
  };
}

/** The due date the overdue user misses: the latest one before the as-of date. */
function missedDueDay(stmts: number[], end: number): number {
  return nextBusinessDay(stmts.filter((s) => nextBusinessDay(s + PAYMENT_DUE_DAYS) < end).pop()! + PAYMENT_DUE_DAYS);
}

/** One billing cycle: the previous statement's payment (or late fee), interest, purchases, the statement. */
function runCycle(sim: CardSim, s: CardState, c: Cycle, recurring: number): void {
  const { b, card, flows } = sim;
  const { payment, fees } = payStatement(sim, s, c);
  // Interest on what was carried, charged on the statement date.
  const carried = sim.carries ? Math.max(0, s.statement - payment) : 0;
  const interest = c.closed && carried > 0 ? Math.round((carried * card.apr) / 100 / 12) : 0;
  if (interest > 0 && b.txn(card.account, c.end, c.end, interest, flows.interestSource)) s.anyInterest = true;
  const before = s.balance - payment + interest + fees;
  const purchases = cyclePurchases(sim, c, recurring, before, payment - interest - fees);
  s.balance = before + purchases;
  spendEveryday(sim, s, c, purchases - recurring);
  if (c.closed) {
    s.statement = s.balance;
    s.statementInterest = interest;
    s.statementFees = fees;
    s.minimum = minimumOf(s.statement, s.statementInterest, s.statementFees);
    s.lastStatementDay = c.end;
    s.lastInterest = interest;
    s.lastCarried = carried;
  }
}

/** Payment of the previous statement, due PAYMENT_DUE_DAYS after it; the overdue user misses it and pays a late fee. */
function payStatement(sim: CardSim, s: CardState, c: Cycle): { payment: number; fees: number } {
  const { b, card, flows, checking } = sim;
  const due = nextBusinessDay(c.start - 1 + PAYMENT_DUE_DAYS);
  let payment = 0;
  let fees = 0;
  if (s.statement > 0) {
    const payDay = card.autopay ? due : Math.max(c.start, due - b.rng.int(MANUAL_PAY_LEAD_DAYS[0], MANUAL_PAY_LEAD_DAYS[1]));
    const amount =
      card.policy === "min_payer" ? s.minimum
      : card.policy === "revolver" ? Math.min(s.statement, revolverPayment(s))
      : s.statement;
    if (due === sim.missedDue) {
      if (due + 1 <= c.end && b.txn(card.account, due + 1, due + 1, flows.lateFee, flows.lateSource)) fees += flows.lateFee;
    } else if (payDay <= c.end) {
      payment = amount;
      b.txn(checking, payDay, payDay, payment, flows.paySource, flows.payStream);
      if (b.txn(card.account, payDay, payDay, -payment, flows.cardPaySource, flows.cardPayStream)) s.lastPayment = { day: payDay, cents: payment };
    }
  }
  return { payment, fees };
}

/**
 * Revolvers pay a fixed round amount above the minimum; when the minimum catches up with it (a growing balance),
 * they raise it to a round amount REVOLVER_PAYMENT_MULTIPLE[0] times the minimum rather than pay the minimum.
 */
function revolverPayment(s: CardState): number {
  if (s.minimum >= s.fixedPayment) s.fixedPayment = Math.ceil((s.minimum * REVOLVER_PAYMENT_MULTIPLE[0]) / 500) * 500;
  return s.fixedPayment;
}

/** Purchases this cycle, recurring charges included, by the card's policy; `principalPaid` is what the payment freed. */
function cyclePurchases(sim: CardSim, c: Cycle, recurring: number, before: number, principalPaid: number): number {
  const { b: { rng }, card } = sim;
  const days = c.end - c.start + 1;
  if (card.policy === "transactor") {
    return recurring + Math.round((card.monthlySpend * days * rng.uniform(TRANSACTOR_SPEND_NOISE[0], TRANSACTOR_SPEND_NOISE[1])) / 30.44);
  }
  if (card.policy === "dormant") {
    return recurring + (rng.chance(DORMANT_PURCHASE_RATE) ? rng.int(DORMANT_PURCHASE[0], DORMANT_PURCHASE[1]) : 0);
  }
  const floor = recurring + (card.policy === "min_payer" ? 0 : Math.round((DEBT_CARD_MIN_SPEND * days) / 30.44));
  // Minimum payers spend what the payment freed (principal), so the balance holds still.
  const goal = card.policy === "min_payer" ? principalPaid : Math.round(sim.target * rng.uniform(0.97, 1.03)) - before;
  const cap = Math.round(MAX_UTILIZATION * card.limit) - before;
  return Math.max(floor, Math.min(goal, cap));
}

/** Everyday purchases inside the period become a spend slice (prorated when the cycle straddles the start). */
function spendEveryday(sim: CardSim, s: CardState, c: Cycle, everydayPurchases: number): void {
  const { b, card, ticket } = sim;
  const start = b.period.start;
  const inStart = Math.max(c.start, start);
  if (inStart > c.end) return;
  const share = (c.end - inStart + 1) / (c.end - c.start + 1);
  const budget = Math.max(0, Math.round(everydayPurchases * (c.start >= start ? 1 : share)));
  if (budget > 0) {
    b.slices.push({ account: card.account, start: inStart, end: c.end, budgetCents: budget, count: Math.max(1, Math.round(budget / ticket)), mix: "personal" });
    s.everyday += budget;
  }
}

/** The card's balance on the as-of date (its flows are all planned, so it is exact) and its Plaid liability. */
function cardResult(sim: CardSim, s: CardState): CardResult {
  const { b, card } = sim;
  const acct = b.accounts[card.account];
  const limit = card.limit;
  acct.currentCents = s.balance;
  acct.limitCents = limit;
  const lastPay = s.lastPayment;
  const nextDue = nextBusinessDay(s.lastStatementDay + PAYMENT_DUE_DAYS);
  const liability: CreditLiability = {
    account_id: acct.account_id,
    aprs: [
      { apr_percentage: card.apr, apr_type: "purchase_apr", balance_subject_to_apr: toDollars(s.lastCarried), interest_charge_amount: toDollars(s.lastInterest) },
      { apr_percentage: CASH_APR_PCT, apr_type: "cash_apr", balance_subject_to_apr: 0, interest_charge_amount: 0 },
    ],
    is_overdue: card.overdue,
    last_payment_amount: lastPay ? toDollars(lastPay.cents) : null,
    last_payment_date: lastPay ? iso(lastPay.day) : null,
    last_statement_issue_date: iso(s.lastStatementDay),
    last_statement_balance: toDollars(s.statement),
    minimum_payment_amount: toDollars(s.minimum),
    next_payment_due_date: iso(card.overdue ? sim.missedDue : nextDue),
  };
  return {
    liability,
    interestCharged: s.anyInterest,
    minPaymentOnly: card.policy === "min_payer",
    utilization: limit > 0 ? s.balance / limit : 0,
    monthlyEverydaySpend: s.everyday / b.periodMonths(),
  };
}
