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
import { MerchantResolver, reduceDescriptor } from "./descriptor";

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
export const D_FEE = 1 << 9;

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
const FEE_RE = /\bFEES?\b/;

let descFacts = new Map<string, number>();
/** PFC primaries whose rows are classified with the help of their descriptor. */
const FACT_PRIMARIES = new Set(["TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS", "INCOME", "BANK_FEES"]);

/** D_* facts of a descriptor, memoized on its digit-free form (reduceDescriptor): the keywords carry no digits. */
function descriptorFacts(name: string): number {
  const key = reduceDescriptor(name);
  let f = descFacts.get(key);
  if (f !== undefined) return f;
  const s = key.toUpperCase();
  f = 0;
  if (TRANSFER_WORD_RE.test(s)) f |= D_TRANSFER_WORD;
  if (OWN_PHRASE_RE.test(s)) f |= D_OWN_PHRASE;
  if (CARD_PAYMENT_RE.test(s)) f |= D_CARD_PAYMENT;
  if (PAYMENT_WORD_RE.test(s)) f |= D_PAYMENT_WORD;
  if (PAYROLL_RE.test(s)) f |= D_PAYROLL;
  if (INTEREST_RE.test(s)) f |= D_INTEREST;
  if (OVERDRAFT_RE.test(s)) f |= D_OVERDRAFT;
  if (BILL_RE.test(s)) f |= D_BILL;
  if (LOAN_RE.test(s)) f |= D_LOAN;
  if (FEE_RE.test(s)) f |= D_FEE;
  if (descFacts.size >= 50_000) descFacts = new Map();
  descFacts.set(key, f);
  return f;
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

export function descriptorFlags(name: string): number {
  return descriptorFacts(name);
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
  /** Scratch for stream detection (recurring.ts): equals the current epoch while the row is in a stream. */
  mark: number;
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

  // A user has a handful of accounts: comparing ids (hash-checked by V8) beats a Map probe per row.
  const few = accounts.length <= 8;
  const findAccount = (id: string): AccountInfo | undefined => {
    if (!few) return accountById.get(id);
    for (let k = 0; k < accounts.length; k++) if (accounts[k].account.account_id === id) return accounts[k];
    return undefined;
  };

  // Pass 1: rows of personal accounts up to as-of; which pending rows did a posted row replace?
  const src = data.transactions;
  const kept: CoreTransaction[] = [];
  const keptAcct: AccountInfo[] = [];
  const replaced = new Set<string>();
  let futureRowsIgnored = 0;
  for (let i = 0; i < src.length; i++) {
    const t = src[i];
    if (t.date > asOf) {
      futureRowsIgnored++;
      continue;
    }
    if (t.date < fromIso) continue;
    const acct = findAccount(t.account_id);
    if (!acct) continue;
    if (!t.pending && t.pending_transaction_id) replaced.add(t.pending_transaction_id);
    kept.push(t);
    keptAcct.push(acct);
  }

  // Pass 2: tag rows; named rows get their merchant key now, and teach the resolver.
  const resolver = new MerchantResolver();
  const txs: PTx[] = [];
  const droppedPending: string[] = [];
  const unnamed: PTx[] = [];
  const checkPending = replaced.size > 0;
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i];
    if (checkPending && t.pending && replaced.has(t.transaction_id)) {
      droppedPending.push(t.transaction_id);
      continue;
    }
    const acct = keptAcct[i];
    // Descriptor facts only matter for transfers, payments, fees, income and uncategorized rows; a purchase
    // in a spending category (most rows) never needs them.
    const primary = t.pfc_primary;
    const dflags = primary == null || FACT_PRIMARIES.has(primary) ? descriptorFacts(t.name) : 0;
    const flags = rowFlags(t, acct, dflags, masks, creditMasks);
    const row: PTx = { tx: t, day: isoDay(t.date), amount: t.amount_cents, acct, flags, dflags, key: "", mark: 0 };
    if (flags & F_STREAM) {
      if (t.merchant_name) row.key = resolver.learnNamed(t);
      else unnamed.push(row);
    }
    txs.push(row);
  }
  // Pass 3: rows without merchant_name, resolved against what the named rows taught.
  for (let i = 0; i < unnamed.length; i++) unnamed[i].key = resolver.key(unnamed[i].tx);
  sortByDayThenId(txs, fromDay, asOfDay);

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

/** Counting sort by day (days lie in [fromDay, asOfDay]), rows of one day ordered by id: independent of input order. */
function sortByDayThenId(txs: PTx[], fromDay: number, asOfDay: number): void {
  const span = asOfDay - fromDay + 1;
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < txs.length; i++) counts[txs[i].day - fromDay + 1]++;
  for (let d = 1; d <= span; d++) counts[d] += counts[d - 1];
  const out = new Array<PTx>(txs.length);
  const pos = counts.slice(0, span);
  for (let i = 0; i < txs.length; i++) out[pos[txs[i].day - fromDay]++] = txs[i];
  for (let d = 0; d < span; d++) {
    const a = counts[d];
    const b = counts[d + 1];
    // Insertion sort: a day holds a handful of rows.
    for (let i = a + 1; i < b; i++) {
      const x = out[i];
      const id = x.tx.transaction_id;
      let j = i - 1;
      while (j >= a && out[j].tx.transaction_id > id) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = x;
    }
  }
  for (let i = 0; i < out.length; i++) txs[i] = out[i];
}

function rowFlags(
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
    } else if (detailed === "TRANSFER_IN_DEPOSIT") {
      // Deposits that are not transfers between the user's accounts: platform payouts, mobile check deposits.
      f |= F_INCOME | F_PAY;
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
