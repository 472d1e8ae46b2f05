/** Database rows (snake_case columns of prisma/schema.prisma) built from validated bundle items. */
import { toCents } from "./money";
import type { AccountType, CoreAccount, CoreCreditLiability, CoreLoanLiability, CoreTransaction, CoreUserData } from "./types";
import type { BundleAccount, BundleTransaction, BundleUser, CreditLiability, MortgageLiability, StudentLoan } from "./plaid";

const cents = (v: number | null | undefined): number | null => (v == null ? null : toCents(v));

export interface UserRow {
  id: string;
  name: string;
  email: string;
  age_band: string | null;
  income_tier: string | null;
  region: string | null;
  demographics_json: string | null;
}
export const USER_COLS = ["id", "name", "email", "age_band", "income_tier", "region", "demographics_json"] as const;

export interface AccountRow {
  id: string;
  user_id: string;
  type: string;
  subtype: string | null;
  name: string;
  official_name: string | null;
  mask: string | null;
  holder_category: string | null;
  current_cents: number | null;
  available_cents: number | null;
  limit_cents: number | null;
  iso_currency_code: string | null;
}
export const ACCOUNT_COLS = [
  "id", "user_id", "type", "subtype", "name", "official_name", "mask", "holder_category",
  "current_cents", "available_cents", "limit_cents", "iso_currency_code",
] as const;

export interface TransactionRow {
  id: string;
  account_id: string;
  user_id: string;
  date: string;
  authorized_date: string | null;
  amount_cents: number;
  iso_currency_code: string | null;
  name: string;
  merchant_name: string | null;
  merchant_entity_id: string | null;
  payment_channel: string;
  pfc_primary: string | null;
  pfc_detailed: string | null;
  pending: boolean;
  pending_transaction_id: string | null;
}
export const TRANSACTION_COLS = [
  "id", "account_id", "user_id", "date", "authorized_date", "amount_cents", "iso_currency_code", "name",
  "merchant_name", "merchant_entity_id", "payment_channel", "pfc_primary", "pfc_detailed", "pending",
  "pending_transaction_id",
] as const;

export interface AprRow {
  apr_type: string;
  apr_percentage: number;
  balance_subject_to_apr_cents: number | null;
  interest_charge_amount_cents: number | null;
}

export interface LiabilityRow {
  account_id: string;
  kind: "credit" | "student" | "mortgage";
  is_overdue: boolean | null;
  last_payment_amount_cents: number | null;
  last_payment_date: string | null;
  last_statement_balance_cents: number | null;
  last_statement_issue_date: string | null;
  minimum_payment_amount_cents: number | null;
  next_payment_due_date: string | null;
  interest_rate_percentage: number | null;
  past_due_amount_cents: number | null;
  origination_principal_cents: number | null;
  details_json: string;
  /** credit only; stored in liability_aprs */
  aprs: AprRow[];
}
export const LIABILITY_COLS = [
  "account_id", "kind", "is_overdue", "last_payment_amount_cents", "last_payment_date",
  "last_statement_balance_cents", "last_statement_issue_date", "minimum_payment_amount_cents",
  "next_payment_due_date", "interest_rate_percentage", "past_due_amount_cents", "origination_principal_cents",
  "details_json",
] as const;

export function userRow(u: BundleUser): UserRow {
  const d = u.demographics;
  return {
    id: u.user_id,
    name: u.name,
    email: u.email.toLowerCase(),
    age_band: d?.age_band ?? null,
    income_tier: d?.income_tier ?? null,
    region: d?.region ?? null,
    demographics_json: d ? JSON.stringify(d) : null,
  };
}

export function accountRow(a: BundleAccount): AccountRow {
  return {
    id: a.account_id,
    user_id: a.user_id,
    type: a.type,
    subtype: a.subtype ?? null,
    name: a.name,
    official_name: a.official_name ?? null,
    mask: a.mask ?? null,
    holder_category: a.holder_category ?? null,
    current_cents: cents(a.balances.current),
    available_cents: cents(a.balances.available),
    limit_cents: cents(a.balances.limit),
    iso_currency_code: a.balances.iso_currency_code ?? null,
  };
}

export function transactionRow(t: BundleTransaction, userId: string): TransactionRow {
  return {
    id: t.transaction_id,
    account_id: t.account_id,
    user_id: userId,
    date: t.date,
    authorized_date: t.authorized_date ?? null,
    amount_cents: toCents(t.amount),
    iso_currency_code: t.iso_currency_code ?? null,
    name: t.name,
    merchant_name: t.merchant_name ?? null,
    merchant_entity_id: t.merchant_entity_id ?? null,
    payment_channel: t.payment_channel,
    pfc_primary: t.personal_finance_category?.primary ?? null,
    pfc_detailed: t.personal_finance_category?.detailed ?? null,
    pending: t.pending,
    pending_transaction_id: t.pending_transaction_id ?? null,
  };
}

function details(obj: Record<string, unknown>, omit: string[]): string {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) if (!omit.includes(k) && obj[k] !== undefined) out[k] = obj[k];
  return JSON.stringify(out);
}

export function creditRow(c: CreditLiability): LiabilityRow {
  return {
    account_id: c.account_id,
    kind: "credit",
    is_overdue: c.is_overdue ?? null,
    last_payment_amount_cents: cents(c.last_payment_amount),
    last_payment_date: c.last_payment_date ?? null,
    last_statement_balance_cents: cents(c.last_statement_balance),
    last_statement_issue_date: c.last_statement_issue_date ?? null,
    minimum_payment_amount_cents: cents(c.minimum_payment_amount),
    next_payment_due_date: c.next_payment_due_date ?? null,
    interest_rate_percentage: null,
    past_due_amount_cents: null,
    origination_principal_cents: null,
    details_json: details(c, ["account_id"]),
    aprs: (c.aprs ?? []).map((a) => ({
      apr_type: a.apr_type,
      apr_percentage: a.apr_percentage,
      balance_subject_to_apr_cents: cents(a.balance_subject_to_apr),
      interest_charge_amount_cents: cents(a.interest_charge_amount),
    })),
  };
}

export function studentRow(s: StudentLoan): LiabilityRow {
  return {
    account_id: s.account_id,
    kind: "student",
    is_overdue: s.is_overdue ?? null,
    last_payment_amount_cents: cents(s.last_payment_amount),
    last_payment_date: s.last_payment_date ?? null,
    last_statement_balance_cents: cents(s.last_statement_balance),
    last_statement_issue_date: s.last_statement_issue_date ?? null,
    minimum_payment_amount_cents: cents(s.minimum_payment_amount),
    next_payment_due_date: s.next_payment_due_date ?? null,
    interest_rate_percentage: s.interest_rate_percentage,
    past_due_amount_cents: null,
    origination_principal_cents: cents(s.origination_principal_amount),
    details_json: details(s, ["account_id"]),
    aprs: [],
  };
}

export function mortgageRow(m: MortgageLiability): LiabilityRow {
  return {
    account_id: m.account_id,
    kind: "mortgage",
    is_overdue: m.past_due_amount != null ? m.past_due_amount > 0 : null,
    last_payment_amount_cents: cents(m.last_payment_amount),
    last_payment_date: m.last_payment_date ?? null,
    last_statement_balance_cents: null,
    last_statement_issue_date: null,
    minimum_payment_amount_cents: cents(m.next_monthly_payment),
    next_payment_due_date: m.next_payment_due_date ?? null,
    interest_rate_percentage: m.interest_rate.percentage ?? null,
    past_due_amount_cents: cents(m.past_due_amount),
    origination_principal_cents: cents(m.origination_principal_amount),
    details_json: details(m, ["account_id"]),
    aprs: [],
  };
}

// ---------------------------------------------------------------- stored rows -> the core's shapes
// One mapping, used by the pipeline's loads (SQLite and Postgres return these columns) and by
// normalize.ts (bundle -> row -> core). Drivers differ in booleans (SQLite 0/1), hence the coercion.

type Stored<T> = { [K in keyof T]: T[K] extends boolean ? boolean | number : T[K] extends boolean | null ? boolean | number | null : T[K] };
const flag = (v: boolean | number | null | undefined): boolean | null => (v == null ? null : !!v);

export function accountFromRow(a: Pick<AccountRow, "id" | "user_id" | "type" | "subtype" | "name" | "mask" | "holder_category" | "current_cents" | "available_cents" | "limit_cents" | "iso_currency_code">): CoreAccount {
  return {
    account_id: a.id, user_id: a.user_id, type: a.type as AccountType, subtype: a.subtype, name: a.name, mask: a.mask,
    holder_category: a.holder_category as CoreAccount["holder_category"], current_cents: a.current_cents, available_cents: a.available_cents,
    limit_cents: a.limit_cents, iso_currency_code: a.iso_currency_code,
  };
}

export function transactionFromRow(t: Stored<Omit<TransactionRow, "user_id" | "authorized_date">>): CoreTransaction {
  return {
    transaction_id: t.id, account_id: t.account_id, date: t.date, amount_cents: t.amount_cents, iso_currency_code: t.iso_currency_code,
    name: t.name, merchant_name: t.merchant_name, merchant_entity_id: t.merchant_entity_id,
    payment_channel: t.payment_channel as CoreTransaction["payment_channel"], pfc_primary: t.pfc_primary, pfc_detailed: t.pfc_detailed,
    pending: !!t.pending, pending_transaction_id: t.pending_transaction_id,
  };
}

type StoredLiability = Stored<Omit<LiabilityRow, "aprs" | "details_json" | "origination_principal_cents">>;

export function creditFromRow(l: StoredLiability, aprs: readonly AprRow[]): CoreCreditLiability {
  return {
    account_id: l.account_id, aprs: [...aprs], is_overdue: flag(l.is_overdue),
    last_payment_amount_cents: l.last_payment_amount_cents, last_payment_date: l.last_payment_date,
    last_statement_issue_date: l.last_statement_issue_date, last_statement_balance_cents: l.last_statement_balance_cents,
    minimum_payment_amount_cents: l.minimum_payment_amount_cents, next_payment_due_date: l.next_payment_due_date,
  };
}

export function loanFromRow(l: StoredLiability): CoreLoanLiability {
  return {
    account_id: l.account_id, kind: l.kind as CoreLoanLiability["kind"], interest_rate_percentage: l.interest_rate_percentage,
    is_overdue: flag(l.is_overdue), last_payment_amount_cents: l.last_payment_amount_cents, last_payment_date: l.last_payment_date,
    minimum_payment_amount_cents: l.minimum_payment_amount_cents, next_payment_due_date: l.next_payment_due_date,
    past_due_amount_cents: l.past_due_amount_cents,
  };
}

/** One user's stored rows as the core takes them; `aprs` carry their account_id. */
export function userDataFromRows(
  userId: string,
  accounts: Parameters<typeof accountFromRow>[0][],
  transactions: Parameters<typeof transactionFromRow>[0][],
  liabilities: StoredLiability[],
  aprs: (AprRow & { account_id: string })[],
): CoreUserData {
  const aprsOf = (id: string): AprRow[] =>
    aprs
      .filter((a) => a.account_id === id)
      .map((a) => ({ apr_type: a.apr_type, apr_percentage: a.apr_percentage, balance_subject_to_apr_cents: a.balance_subject_to_apr_cents, interest_charge_amount_cents: a.interest_charge_amount_cents }));
  return {
    user_id: userId,
    accounts: accounts.map(accountFromRow),
    transactions: transactions.map(transactionFromRow),
    credit: liabilities.filter((l) => l.kind === "credit").map((l) => creditFromRow(l, aprsOf(l.account_id))),
    loans: liabilities.filter((l) => l.kind !== "credit").map(loanFromRow),
  };
}
