/** Builders of hand-made user data for the signal tests (not used by production code). */
import type { CoreAccount, CoreCreditLiability, CoreTransaction, CoreUserData } from "../types";
import { addDays, addMonths } from "../time";

let seq = 0;

export function account(id: string, over: Partial<CoreAccount> = {}): CoreAccount {
  return {
    account_id: id,
    user_id: "u1",
    type: "depository",
    subtype: "checking",
    name: id,
    mask: null,
    holder_category: "personal",
    current_cents: 0,
    available_cents: null,
    limit_cents: null,
    iso_currency_code: "USD",
    ...over,
  };
}

export function tx(date: string, amountCents: number, name: string, over: Partial<CoreTransaction> = {}): CoreTransaction {
  seq++;
  return {
    transaction_id: over.transaction_id ?? `t${seq}`,
    account_id: "chk",
    date,
    amount_cents: amountCents,
    iso_currency_code: "USD",
    name,
    merchant_name: null,
    merchant_entity_id: null,
    payment_channel: "online",
    pfc_primary: null,
    pfc_detailed: null,
    pending: false,
    pending_transaction_id: null,
    ...over,
  };
}

/** Sets primary from the detailed category ("ENTERTAINMENT_TV_AND_MOVIES" -> "ENTERTAINMENT"). */
export function pfc(detailed: string): Pick<CoreTransaction, "pfc_primary" | "pfc_detailed"> {
  const primaries = [
    "INCOME", "TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS", "BANK_FEES", "ENTERTAINMENT", "FOOD_AND_DRINK",
    "GENERAL_MERCHANDISE", "HOME_IMPROVEMENT", "MEDICAL", "PERSONAL_CARE", "GENERAL_SERVICES",
    "GOVERNMENT_AND_NON_PROFIT", "TRANSPORTATION", "TRAVEL", "RENT_AND_UTILITIES",
  ];
  const primary = primaries.find((p) => detailed.startsWith(`${p}_`)) ?? detailed;
  return { pfc_primary: primary, pfc_detailed: detailed };
}

/** `count` monthly dates on `day` of the month, ending on or before `last` (clamped to month length). */
export function monthlyDates(first: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(addMonths(first, i));
  return out;
}

export function everyNDays(first: string, n: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(addDays(first, i * n));
  return out;
}

export function user(accounts: CoreAccount[], transactions: CoreTransaction[], credit: CoreCreditLiability[] = []): CoreUserData {
  return { user_id: "u1", accounts, transactions, credit, loans: [] };
}

export function liability(accountId: string, over: Partial<CoreCreditLiability> = {}): CoreCreditLiability {
  return {
    account_id: accountId,
    aprs: [],
    is_overdue: false,
    last_payment_amount_cents: null,
    last_payment_date: null,
    last_statement_issue_date: null,
    last_statement_balance_cents: null,
    minimum_payment_amount_cents: null,
    next_payment_due_date: null,
    ...over,
  };
}

/** Deterministic PRNG (mulberry32) for irregular test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
