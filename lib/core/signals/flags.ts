/**
 * Row tags computed once per row (F_* flags: what a row is for the signals) and per distinct
 * descriptor (D_* facts: what its words say, memoized on the digit-free form of the descriptor).
 */
import type { CoreTransaction } from "../types";
import { isCashOrCard, type AccountInfo } from "./accounts";
import { DESCRIPTOR_CACHE_MAX, NON_PAY_INCOME_DETAILED, OVERDRAFT_FEE_DETAILED } from "./constants";
import { reduceDescriptor } from "./descriptor";
import { DESCRIPTOR_RULES, type DescriptorFact } from "./descriptor-rules";

export const F_OWN_TRANSFER = 1 << 0;
export const F_CARD_PAYMENT = 1 << 1;
/** Counts toward total spend with its signed amount (purchases positive, refunds negative). */
export const F_SPEND = 1 << 2;
/** An income deposit (INCOME_*, TRANSFER_IN_DEPOSIT or a payroll descriptor), money in on a cash account. */
export const F_INCOME = 1 << 3;
/** Pay-like income (not interest, dividends or tax refunds). */
export const F_PAY = 1 << 4;
/** Wages: INCOME_WAGES or an ACH payroll descriptor. */
export const F_WAGE = 1 << 5;
export const F_OVERDRAFT_FEE = 1 << 6;
/** Interest charged on a credit card. */
export const F_INTEREST = 1 << 7;
/** Eligible for recurring-stream detection. */
export const F_STREAM = 1 << 8;
/** A card payment seen on the card's side (money into the card). */
export const F_CARD_SIDE_PAYMENT = 1 << 9;
/** Its category could make a stream other than "other" (service, bill, debt, transfer, income, or unknown). */
export const F_STREAM_CATEGORY = 1 << 10;

const STREAM_CATEGORY_PRIMARIES = new Set([
  "ENTERTAINMENT",
  "GENERAL_SERVICES",
  "RENT_AND_UTILITIES",
  "LOAN_PAYMENTS",
  "TRANSFER_IN",
  "TRANSFER_OUT",
  "INCOME",
]);

/** PFC detailed categories of money moving between the user's own accounts. */
const OWN_TRANSFER_DETAILED = new Set([
  "TRANSFER_IN_ACCOUNT_TRANSFER",
  "TRANSFER_OUT_ACCOUNT_TRANSFER",
  "TRANSFER_IN_SAVINGS",
  "TRANSFER_OUT_SAVINGS",
  "TRANSFER_IN_INVESTMENT_AND_RETIREMENT_FUNDS",
  "TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS",
]);
/** PFC primaries whose negative amounts are refunds that reduce spend. */
const SPENDING_PRIMARIES = new Set([
  "BANK_FEES",
  "ENTERTAINMENT",
  "FOOD_AND_DRINK",
  "GENERAL_MERCHANDISE",
  "GENERAL_SERVICES",
  "GOVERNMENT_AND_NON_PROFIT",
  "HOME_IMPROVEMENT",
  "MEDICAL",
  "PERSONAL_CARE",
  "RENT_AND_UTILITIES",
  "TRANSPORTATION",
  "TRAVEL",
]);
const OVERDRAFT_SET = new Set(OVERDRAFT_FEE_DETAILED);
const NON_PAY_SET = new Set(NON_PAY_INCOME_DETAILED);

// Descriptor facts, memoized per distinct descriptor (no user data in them): one bit per DescriptorFact of the
// rules in ./descriptor-rules.ts (the table says why each rule exists).
export const D_TRANSFER_WORD = 1 << 0;
const D_OWN_PHRASE = 1 << 1;
export const D_CARD_PAYMENT = 1 << 2;
export const D_PAYROLL = 1 << 3;
export const D_INTEREST = 1 << 4;
export const D_OVERDRAFT = 1 << 5;
export const D_BILL = 1 << 6;
export const D_LOAN = 1 << 7;
export const D_PAYMENT_WORD = 1 << 8;
export const D_FEE = 1 << 9;
/** Government benefits (Social Security, unemployment, veterans' benefits, pensions). */
export const D_BENEFIT = 1 << 10;
/** Gig and freelance payouts (rideshare, delivery, marketplaces, payment processors). */
export const D_GIG = 1 << 11;
/** An ACH credit or deposit from a named payer. */
export const D_DEPOSIT = 1 << 12;
const D_INTEREST_EARNED = 1 << 13;
export const D_FEE_REVERSAL = 1 << 14;

const FACT_BITS: Record<DescriptorFact, number> = {
  transfer_word: D_TRANSFER_WORD,
  own_account_phrase: D_OWN_PHRASE,
  card_payment: D_CARD_PAYMENT,
  payment_word: D_PAYMENT_WORD,
  payroll: D_PAYROLL,
  benefit: D_BENEFIT,
  gig_payout: D_GIG,
  deposit: D_DEPOSIT,
  interest_earned: D_INTEREST_EARNED,
  interest_charge: D_INTEREST,
  overdraft_fee: D_OVERDRAFT | D_FEE,
  bank_fee: D_FEE,
  fee_reversal: D_FEE_REVERSAL,
  bill: D_BILL,
  loan: D_LOAN,
};
/** Facts whose rows are income when the row has no category: pay-like, and the rest (interest, dividends). */
const D_PAY_INCOME = D_PAYROLL | D_BENEFIT | D_GIG | D_DEPOSIT;
/** Every income fact (for the trace of an income row without a category). */
export const D_INCOME_FACTS = D_PAY_INCOME | D_INTEREST_EARNED;

let descFacts = new Map<string, number>();
/** PFC primaries whose rows are classified with the help of their descriptor. */
const FACT_PRIMARIES = new Set(["TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS", "INCOME", "BANK_FEES"]);

/** The facts of raw descriptors seen before (a subscription's or a payroll's descriptor repeats to the byte). */
let rawFacts = new Map<string, number>();

/** D_* facts of a descriptor, memoized on the raw string and on its digit-free form (reduceDescriptor): the keywords carry no digits. */
function descriptorFacts(name: string): number {
  const hit = rawFacts.get(name);
  if (hit !== undefined) return hit;
  const f = reducedFacts(reduceDescriptor(name));
  if (rawFacts.size >= DESCRIPTOR_CACHE_MAX) rawFacts = new Map();
  rawFacts.set(name, f);
  return f;
}

function reducedFacts(key: string): number {
  let f = descFacts.get(key);
  if (f !== undefined) return f;
  const s = key.toUpperCase();
  f = 0;
  for (const r of DESCRIPTOR_RULES) if (!(f & FACT_BITS[r.fact]) && r.pattern.test(s)) f |= FACT_BITS[r.fact];
  if (descFacts.size >= DESCRIPTOR_CACHE_MAX) descFacts = new Map();
  descFacts.set(key, f);
  return f;
}

let ruleNames = new Map<string, string | null>();

/** The first rule (table order) of a descriptor that sets one of the `bits` (for traces), or null. Memoized. */
export function descriptorRuleName(name: string, bits: number): string | null {
  const memo = `${bits}|${name}`;
  const hit = ruleNames.get(memo);
  if (hit !== undefined) return hit;
  const s = reduceDescriptor(name).toUpperCase();
  let found: string | null = null;
  for (const r of DESCRIPTOR_RULES) {
    if (FACT_BITS[r.fact] & bits && r.pattern.test(s)) {
      found = r.name;
      break;
    }
  }
  if (ruleNames.size >= DESCRIPTOR_CACHE_MAX) ruleNames = new Map();
  ruleNames.set(memo, found);
  return found;
}

/**
 * The D_* facts of a row's descriptor. They only matter for transfers, payments, fees, income and uncategorized
 * rows; a purchase in a spending category (most rows) never needs them, and skips the descriptor parsing.
 */
export function rowDescriptorFacts(t: CoreTransaction): number {
  const primary = t.pfc_primary;
  return primary == null || FACT_PRIMARIES.has(primary) ? descriptorFacts(t.name) : 0;
}

/** Does `name` contain, as a run of digits (its last four), one of `masks` other than `own`? */
function mentionsMask(name: string, masks: Set<string> | Map<string, string>, own: string | null): boolean {
  const n = name.length;
  for (let i = 0; i < n; ) {
    if (!isDigitCode(name.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isDigitCode(name.charCodeAt(j))) j++;
    if (j - i >= 2) {
      const tail = name.slice(Math.max(i, j - 4), j);
      if (tail !== own && masks.has(tail)) return true;
    }
    i = j;
  }
  return false;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The F_* flags of one row (see each flag). */
export function rowFlags(
  t: CoreTransaction,
  acct: AccountInfo,
  d: number,
  masks: Set<string>,
  creditMasks: Map<string, string>,
): number {
  const primary = t.pfc_primary;
  const detailed = t.pfc_detailed;
  const amt = t.amount_cents;
  const ownMask = acct.account.mask;
  let f = 0;

  // Own-account transfers: the PFC says so, or the descriptor names a transfer to/from one of the user's masks.
  const transferish = primary == null || primary === "TRANSFER_IN" || primary === "TRANSFER_OUT";
  if (
    (detailed != null && OWN_TRANSFER_DETAILED.has(detailed)) ||
    (transferish && d & D_TRANSFER_WORD && (d & D_OWN_PHRASE || mentionsMask(t.name, masks, ownMask)))
  ) {
    f |= F_OWN_TRANSFER;
  }

  // Card payments: from the paying account, and as received on the card.
  const loanish = primary == null || primary === "LOAN_PAYMENTS" || primary === "TRANSFER_OUT" || primary === "TRANSFER_IN";
  if (
    detailed === "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" ||
    (loanish && d & D_CARD_PAYMENT && !(d & (D_LOAN | D_BILL))) ||
    (loanish && d & D_PAYMENT_WORD && mentionsMask(t.name, creditMasks, ownMask))
  ) {
    f |= F_CARD_PAYMENT;
  }
  if (acct.kind === "credit" && amt < 0 && (f & F_CARD_PAYMENT || primary === "TRANSFER_IN" || primary === "LOAN_PAYMENTS" || (primary == null && d & D_PAYMENT_WORD))) {
    f |= F_CARD_PAYMENT | F_CARD_SIDE_PAYMENT;
    f &= ~F_OWN_TRANSFER;
  }

  const cashOrCard = isCashOrCard(acct.kind);
  if (cashOrCard && amt !== 0) {
    f |= F_STREAM;
    if (primary == null || STREAM_CATEGORY_PRIMARIES.has(primary) || detailed === "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS" || d & D_PAYROLL) {
      f |= F_STREAM_CATEGORY;
    }
  }

  // Income: money in on a cash account.
  if (amt < 0 && (acct.kind === "checking" || acct.kind === "savings") && !(f & (F_OWN_TRANSFER | F_CARD_PAYMENT))) {
    const wage =
      detailed === "INCOME_WAGES" ||
      (d & D_PAYROLL && (primary == null || primary === "INCOME" || detailed === "TRANSFER_IN_DEPOSIT"));
    if (wage) f |= F_WAGE | F_INCOME | F_PAY;
    else if (primary === "INCOME") {
      f |= F_INCOME;
      if (!(detailed && NON_PAY_SET.has(detailed))) f |= F_PAY;
    } else if (detailed === "TRANSFER_IN_DEPOSIT" || (primary == null && d & D_PAY_INCOME)) {
      // Deposits that are not transfers between the user's accounts: platform payouts, mobile check deposits; without
      // a category, the descriptor rules (benefits, gig payouts, ACH credits from a payer).
      f |= F_INCOME | F_PAY;
    } else if (primary == null && d & D_INTEREST_EARNED) f |= F_INCOME;
  }

  // Spend: purchases and fees out, refunds (negative amounts in spending categories) netted.
  if (cashOrCard && !(f & (F_OWN_TRANSFER | F_CARD_PAYMENT))) {
    if (amt > 0) {
      if (primary !== "INCOME" && primary !== "TRANSFER_IN") f |= F_SPEND;
    } else if (amt < 0 && primary != null && SPENDING_PRIMARIES.has(primary)) {
      f |= F_SPEND;
    }
  }

  return f | chargeFlags(t, acct, d);
}

/** Overdraft/NSF fees (positive) and their reversals (negative: a refunded fee, ./fees.ts offsets them); card interest. */
function chargeFlags(t: CoreTransaction, acct: AccountInfo, d: number): number {
  const { pfc_primary: primary, pfc_detailed: detailed, amount_cents: amt } = t;
  let f = 0;
  if ((detailed != null && OVERDRAFT_SET.has(detailed)) || (primary == null && d & D_OVERDRAFT && (amt > 0 || d & D_FEE_REVERSAL))) f |= F_OVERDRAFT_FEE;
  if (acct.kind === "credit" && amt > 0 && (detailed === "BANK_FEES_INTEREST_CHARGE" || ((primary == null || primary === "BANK_FEES") && d & D_INTEREST))) {
    f |= F_INTEREST;
  }
  return f;
}

/** Clears the module-level memo tables (tests and long-running processes). */
export function clearDescriptorFacts(): void {
  descFacts = new Map();
  rawFacts = new Map();
  ruleNames = new Map();
}
