/** Maps validated bundle objects (dollars, Plaid shapes) to the core's cent-based shapes. */
import { toCents } from "./money";
import type { BundleAccount, BundleTransaction, CreditLiability, MortgageLiability, StudentLoan, Bundle } from "./plaid";
import type { CoreAccount, CoreCreditLiability, CoreLoanLiability, CoreTransaction, CoreUserData } from "./types";

const cents = (v: number | null | undefined): number | null => (v == null ? null : toCents(v));

export function normalizeAccount(a: BundleAccount): CoreAccount {
  return {
    account_id: a.account_id,
    user_id: a.user_id,
    type: a.type,
    subtype: a.subtype ?? null,
    name: a.name,
    mask: a.mask ?? null,
    holder_category: a.holder_category ?? null,
    current_cents: cents(a.balances.current),
    available_cents: cents(a.balances.available),
    limit_cents: cents(a.balances.limit),
    iso_currency_code: a.balances.iso_currency_code ?? null,
  };
}

export function normalizeTransaction(t: BundleTransaction): CoreTransaction {
  return {
    transaction_id: t.transaction_id,
    account_id: t.account_id,
    date: t.date,
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

export function normalizeCredit(c: CreditLiability): CoreCreditLiability {
  return {
    account_id: c.account_id,
    aprs: (c.aprs ?? []).map((a) => ({
      apr_type: a.apr_type,
      apr_percentage: a.apr_percentage,
      balance_subject_to_apr_cents: cents(a.balance_subject_to_apr),
      interest_charge_amount_cents: cents(a.interest_charge_amount),
    })),
    is_overdue: c.is_overdue ?? null,
    last_payment_amount_cents: cents(c.last_payment_amount),
    last_payment_date: c.last_payment_date ?? null,
    last_statement_issue_date: c.last_statement_issue_date ?? null,
    last_statement_balance_cents: cents(c.last_statement_balance),
    minimum_payment_amount_cents: cents(c.minimum_payment_amount),
    next_payment_due_date: c.next_payment_due_date ?? null,
  };
}

export function normalizeStudent(s: StudentLoan): CoreLoanLiability {
  return {
    account_id: s.account_id,
    kind: "student",
    interest_rate_percentage: s.interest_rate_percentage,
    is_overdue: s.is_overdue ?? null,
    last_payment_amount_cents: cents(s.last_payment_amount),
    last_payment_date: s.last_payment_date ?? null,
    minimum_payment_amount_cents: cents(s.minimum_payment_amount),
    next_payment_due_date: s.next_payment_due_date ?? null,
    past_due_amount_cents: null,
  };
}

export function normalizeMortgage(m: MortgageLiability): CoreLoanLiability {
  return {
    account_id: m.account_id,
    kind: "mortgage",
    interest_rate_percentage: m.interest_rate.percentage ?? null,
    is_overdue: m.past_due_amount != null ? m.past_due_amount > 0 : null,
    last_payment_amount_cents: cents(m.last_payment_amount),
    last_payment_date: m.last_payment_date ?? null,
    minimum_payment_amount_cents: cents(m.next_monthly_payment),
    next_payment_due_date: m.next_payment_due_date ?? null,
    past_due_amount_cents: cents(m.past_due_amount),
  };
}

/** Splits a whole (validated) bundle into per-user core data. For tests, the generator and the bench. */
export function bundleToUserData(b: Bundle): Map<string, CoreUserData> {
  const out = new Map<string, CoreUserData>();
  const get = (uid: string) => {
    let u = out.get(uid);
    if (!u) out.set(uid, (u = { user_id: uid, accounts: [], transactions: [], credit: [], loans: [] }));
    return u;
  };
  for (const u of b.users) get(u.user_id);
  const owner = new Map<string, string>();
  for (const a of b.accounts) {
    owner.set(a.account_id, a.user_id);
    get(a.user_id).accounts.push(normalizeAccount(a));
  }
  for (const t of b.transactions) {
    const uid = owner.get(t.account_id);
    if (uid) get(uid).transactions.push(normalizeTransaction(t));
  }
  for (const c of b.liabilities.credit ?? []) {
    const uid = owner.get(c.account_id);
    if (uid) get(uid).credit.push(normalizeCredit(c));
  }
  for (const s of b.liabilities.student ?? []) {
    const uid = owner.get(s.account_id);
    if (uid) get(uid).loans.push(normalizeStudent(s));
  }
  for (const m of b.liabilities.mortgage ?? []) {
    const uid = owner.get(m.account_id);
    if (uid) get(uid).loans.push(normalizeMortgage(m));
  }
  return out;
}
