/**
 * One pass over a user's data that every signal shares: personal accounts only, nothing after the
 * as-of date, pending rows that later posted dropped, rows sorted once by date, each row tagged once
 * (flags below) with all per-descriptor regex work memoized per distinct string.
 */
import type { CoreAccount, CoreCreditLiability, CoreTransaction, CoreUserData } from "../types";
import { fromDayNumber } from "../time";
import {
  NON_PAY_INCOME_DETAILED,
  OVERDRAFT_FEE_DETAILED,
  SAVINGS_SUBTYPES,
  STREAM_LOOKBACK_DAYS,
} from "./constants";
import { MerchantResolver } from "./descriptor";

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01), parsed without Date for speed.
// ---------------------------------------------------------------------------------------------

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of "YYYY-MM-DD" (same value as time.ts toDayNumber, ~20x faster). */
export function isoDay(s: string): number {
  const y = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  return daysFromCivil(y, m, d);
}

export const dayIso = fromDayNumber;

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

export type AccountKind = "checking" | "savings" | "credit" | "loan" | "investment" | "other";

export interface AccountInfo {
  account: CoreAccount;
  kind: AccountKind;
}

function accountKind(a: CoreAccount): AccountKind {
  if (a.type === "credit") return "credit";
  if (a.type === "loan") return "loan";
  if (a.type === "investment" || a.type === "brokerage") return "investment";
  if (a.type === "depository") {
    const st = (a.subtype ?? "").toLowerCase();
    if (SAVINGS_SUBTYPES.includes(st)) return "savings";
    // checking, prepaid, paypal, or an unknown depository subtype: a spending account.
    return "checking";
  }
  return "other";
}

/** Accounts whose rows can be spending, income or streams (not the loan or investment side). */
export function isCashOrCard(kind: AccountKind): boolean {
  return kind === "checking" || kind === "savings" || kind === "credit";
}

// ---------------------------------------------------------------------------------------------
// Row flags
// ---------------------------------------------------------------------------------------------

export const F_OWN_TRANSFER = 1 << 0;
export const F_CARD_PAYMENT = 1 << 1;
/** Counts toward total spend with its signed amount (purchases positive, refunds negative). */
export const F_SPEND = 1 << 2;
/** An income deposit (INCOME_* or a payroll descriptor), money in on a cash account. */
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

// Descriptor facts, memoized per distinct descriptor (no user data in them).
export const D_TRANSFER_WORD = 1 << 0;
export const D_OWN_PHRASE = 1 << 1;
export const D_CARD_PAYMENT = 1 << 2;
export const D_PAYROLL = 1 << 3;
export const D_INTEREST = 1 << 4;
export const D_OVERDRAFT = 1 << 5;
export const D_BILL = 1 << 6;
export const D_LOAN = 1 << 7;
export const D_PAYMENT_WORD = 1 << 8;

const TRANSFER_WORD_RE = /\b(?:TRANSFER|XFER|TRNSFR|TFR)\b/;
const OWN_PHRASE_RE = /\b(?:TO|FROM)\s+(?:MY\s+)?(?:SAV|SAVINGS|CHK|CHECKING|MMA|MONEY\s+MARKET|SHARE|HSA|BROKERAGE)\b/;
const CARD_PAYMENT_RE =
  /\b(?:CREDIT\s+CA?RD|CARD\s+(?:PAYMENT|PMT|PYMT)|CRCARDPMT|PAYMENT\s*-?\s*THANK\s*YOU|THANK\s+YOU\s+FOR\s+YOUR\s+PAYMENT)\b|\b(?:AMEX|AMERICAN\s+EXPRESS|CHASE|CITI|CITIBANK|DISCOVER|CAPITAL\s+ONE|BARCLAYCARD|SYNCHRONY)\b.*\b(?:PAYMENT|PMT|PYMT|AUTOPAY|E-?PAYMENT)\b/;
const PAYMENT_WORD_RE = /\b(?:PAYMENT|PMT|PYMT|AUTOPAY)\b/;
const PAYROLL_RE = /\b(?:PAYROLL|PAYRL|DIR\s*DEP|DIRECT\s*DEP(?:OSIT)?|DIRECTDEP|SALARY|PAYCHECK|WAGES?|ADP|GUSTO|PAYCHEX)\b/;
const INTEREST_RE = /\b(?:INTEREST\s+CHARGE|PURCHASE\s+INTEREST|INTEREST\s+CHARGED|FINANCE\s+CHARGE)\b/;
const OVERDRAFT_RE = /\b(?:OVERDRAFT|NSF|INSUFFICIENT\s+FUNDS)\b/;
const BILL_RE =
  /\b(?:RENT|ELECTRIC|ENERGY|POWER|UTILITY|UTILITIES|WATER|SEWER|GAS\s*&\s*ELEC|INSURANCE|INS\s+PREM|GEICO|STATE\s+FARM|PROGRESSIVE|ALLSTATE|VERIZON|AT&T|T\s*-?\s*MOBILE|COMCAST|XFINITY|SPECTRUM|WIRELESS|TELECOM|INTERNET|PROPERTY\s+MGMT|APARTMENTS?|LEASING|MORTGAGE)\b/;
const LOAN_RE = /\b(?:LOAN|NAVIENT|NELNET|SALLIE\s+MAE|MOHELA|AIDVANTAGE|GREAT\s+LAKES|AUTO\s+FINANCE|LENDING)\b/;
const DIGIT_RUN_RE = /\d+/g;

interface DescriptorFacts {
  flags: number;
  /** Runs of digits in the descriptor (last four digits of each), to test for the user's account masks. */
  digitTails: string[];
}
let descFacts = new Map<string, DescriptorFacts>();

function descriptorFacts(name: string): DescriptorFacts {
  let f = descFacts.get(name);
  if (f) return f;
  const s = name.toUpperCase();
  let flags = 0;
  if (TRANSFER_WORD_RE.test(s)) flags |= D_TRANSFER_WORD;
  if (OWN_PHRASE_RE.test(s)) flags |= D_OWN_PHRASE;
  if (CARD_PAYMENT_RE.test(s)) flags |= D_CARD_PAYMENT;
  if (PAYMENT_WORD_RE.test(s)) flags |= D_PAYMENT_WORD;
  if (PAYROLL_RE.test(s)) flags |= D_PAYROLL;
  if (INTEREST_RE.test(s)) flags |= D_INTEREST;
  if (OVERDRAFT_RE.test(s)) flags |= D_OVERDRAFT;
  if (BILL_RE.test(s)) flags |= D_BILL;
  if (LOAN_RE.test(s)) flags |= D_LOAN;
  const digitTails: string[] = [];
  const runs = s.match(DIGIT_RUN_RE);
  if (runs) for (const r of runs) if (r.length >= 2) digitTails.push(r.length > 4 ? r.slice(-4) : r);
  f = { flags, digitTails };
  if (descFacts.size >= 50_000) descFacts = new Map();
  descFacts.set(name, f);
  return f;
}

export function descriptorFlags(name: string): number {
  return descriptorFacts(name).flags;
}

// ---------------------------------------------------------------------------------------------
// The prepared user
// ---------------------------------------------------------------------------------------------

export interface PTx {
  tx: CoreTransaction;
  day: number;
  /** Signed cents, Plaid's sign (positive = money out). */
  amount: number;
  acct: AccountInfo;
  /** F_* flags. */
  flags: number;
  /** D_* flags of the raw descriptor. */
  dflags: number;
  /** Shared merchant key (MerchantResolver); "" for rows that are not stream-eligible. */
  key: string;
}

export interface PreparedUser {
  userId: string;
  asOf: string;
  asOfDay: number;
  /** First day read (asOf - STREAM_LOOKBACK_DAYS + 1). */
  fromDay: number;
  accounts: AccountInfo[];
  accountById: Map<string, AccountInfo>;
  /** Personal rows dated in [fromDay, asOfDay], pending duplicates dropped, sorted by date then id. */
  txs: PTx[];
  credit: CoreCreditLiability[];
  /** Ids of pending rows dropped because a posted row names them. */
  droppedPending: string[];
  /** Business accounts left out entirely. */
  businessAccountIds: string[];
  /** Rows dated after as-of that were ignored. */
  futureRowsIgnored: number;
}

/** Builds the shared view of one user as of `asOf` (see the file comment). */
export function prepareUser(data: CoreUserData, asOf: string): PreparedUser {
  const asOfDay = isoDay(asOf);
  const fromDay = asOfDay - STREAM_LOOKBACK_DAYS + 1;
  const fromIso = dayIso(fromDay);

  const accounts: AccountInfo[] = [];
  const accountById = new Map<string, AccountInfo>();
  const businessAccountIds: string[] = [];
  const masks = new Set<string>();
  const creditMasks = new Map<string, string>();
  for (const a of data.accounts) {
    if (a.holder_category === "business") {
      businessAccountIds.push(a.account_id);
      continue;
    }
    const info: AccountInfo = { account: a, kind: accountKind(a) };
    accounts.push(info);
    accountById.set(a.account_id, info);
    if (a.mask) {
      masks.add(a.mask);
      if (info.kind === "credit") creditMasks.set(a.mask, a.account_id);
    }
  }

  // Pass 1: rows of personal accounts up to as-of; which pending rows did a posted row replace?
  const src = data.transactions;
  const kept: CoreTransaction[] = [];
  const replaced = new Set<string>();
  let futureRowsIgnored = 0;
  for (let i = 0; i < src.length; i++) {
    const t = src[i];
    if (t.date > asOf) {
      futureRowsIgnored++;
      continue;
    }
    if (t.date < fromIso) continue;
    if (!accountById.has(t.account_id)) continue;
    if (!t.pending && t.pending_transaction_id) replaced.add(t.pending_transaction_id);
    kept.push(t);
  }

  // Pass 2: tag rows, learn merchant names.
  const resolver = new MerchantResolver();
  const txs: PTx[] = [];
  const droppedPending: string[] = [];
  const dayCache = new Map<string, number>();
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i];
    if (t.pending && replaced.has(t.transaction_id)) {
      droppedPending.push(t.transaction_id);
      continue;
    }
    let day = dayCache.get(t.date);
    if (day === undefined) dayCache.set(t.date, (day = isoDay(t.date)));
    const acct = accountById.get(t.account_id)!;
    const facts = descriptorFacts(t.name);
    const flags = rowFlags(t, acct, facts, masks, creditMasks);
    if (flags & F_STREAM) resolver.learn(t);
    txs.push({ tx: t, day, amount: t.amount_cents, acct, flags, dflags: facts.flags, key: "" });
  }
  for (let i = 0; i < txs.length; i++) {
    const p = txs[i];
    if (p.flags & F_STREAM) p.key = resolver.key(p.tx);
  }
  txs.sort((a, b) => a.day - b.day || (a.tx.transaction_id < b.tx.transaction_id ? -1 : a.tx.transaction_id > b.tx.transaction_id ? 1 : 0));

  const credit = data.credit.filter((c) => accountById.has(c.account_id));
  return {
    userId: data.user_id,
    asOf,
    asOfDay,
    fromDay,
    accounts,
    accountById,
    txs,
    credit,
    droppedPending,
    businessAccountIds,
    futureRowsIgnored,
  };
}

function mentionsMask(facts: DescriptorFacts, masks: Set<string> | Map<string, string>, own: string | null): boolean {
  for (const d of facts.digitTails) if (d !== own && masks.has(d)) return true;
  return false;
}

function rowFlags(
  t: CoreTransaction,
  acct: AccountInfo,
  facts: DescriptorFacts,
  masks: Set<string>,
  creditMasks: Map<string, string>,
): number {
  const primary = t.pfc_primary;
  const detailed = t.pfc_detailed;
  const amt = t.amount_cents;
  const d = facts.flags;
  const ownMask = acct.account.mask;
  let f = 0;

  // Own-account transfers: the PFC says so, or the descriptor names a transfer to/from one of the user's masks.
  const transferish = primary == null || primary === "TRANSFER_IN" || primary === "TRANSFER_OUT";
  if (
    (detailed != null && OWN_TRANSFER_DETAILED.has(detailed)) ||
    (transferish && d & D_TRANSFER_WORD && (d & D_OWN_PHRASE || mentionsMask(facts, masks, ownMask)))
  ) {
    f |= F_OWN_TRANSFER;
  }

  // Card payments: from the paying account, and as received on the card.
  const loanish = primary == null || primary === "LOAN_PAYMENTS" || primary === "TRANSFER_OUT" || primary === "TRANSFER_IN";
  if (
    detailed === "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" ||
    (loanish && d & D_CARD_PAYMENT && !(d & (D_LOAN | D_BILL))) ||
    (loanish && d & D_PAYMENT_WORD && mentionsMask(facts, creditMasks, ownMask))
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
    }
  }

  // Spend: purchases and fees out, refunds (negative amounts in spending categories) netted.
  if (cashOrCard && !(f & (F_OWN_TRANSFER | F_CARD_PAYMENT))) {
    if (amt > 0) {
      if (primary !== "INCOME" && primary !== "TRANSFER_IN") f |= F_SPEND;
    } else if (amt < 0 && primary != null && SPENDING_PRIMARIES.has(primary)) {
      f |= F_SPEND;
    }
  }

  if ((detailed != null && OVERDRAFT_SET.has(detailed)) || (primary == null && d & D_OVERDRAFT && amt > 0)) f |= F_OVERDRAFT_FEE;
  if (
    acct.kind === "credit" &&
    amt > 0 &&
    (detailed === "BANK_FEES_INTEREST_CHARGE" || ((primary == null || primary === "BANK_FEES") && d & D_INTEREST))
  ) {
    f |= F_INTEREST;
  }
  return f;
}

/** Clears the module-level memo tables (tests and long-running processes). */
export function clearDescriptorFacts(): void {
  descFacts = new Map();
}
