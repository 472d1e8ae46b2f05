/**
 * Maps validated bundle objects (dollars, Plaid shapes) to the core's cent-based shapes: the same
 * path the data takes through the database (bundle -> stored row -> core), in memory.
 */
import type { Bundle, BundleAccount, BundleTransaction, CreditLiability, MortgageLiability, StudentLoan } from "./plaid";
import type { CoreAccount, CoreCreditLiability, CoreLoanLiability, CoreTransaction, CoreUserData } from "./types";
import { accountFromRow, accountRow, creditFromRow, creditRow, loanFromRow, mortgageRow, studentRow, transactionFromRow, transactionRow } from "./rows";

export const normalizeAccount = (a: BundleAccount): CoreAccount => accountFromRow(accountRow(a));
export const normalizeTransaction = (t: BundleTransaction): CoreTransaction => transactionFromRow(transactionRow(t, ""));
export function normalizeCredit(c: CreditLiability): CoreCreditLiability {
  const row = creditRow(c);
  return creditFromRow(row, row.aprs);
}
export const normalizeStudent = (s: StudentLoan): CoreLoanLiability => loanFromRow(studentRow(s));
export const normalizeMortgage = (m: MortgageLiability): CoreLoanLiability => loanFromRow(mortgageRow(m));

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
