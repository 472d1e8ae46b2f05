/**
 * The normalized shapes the framework-free core consumes: what the database stores, money in
 * integer cents (positive = money out, Plaid's convention), dates as "YYYY-MM-DD".
 * lib/db maps rows to these; a bundle in memory (tests, the generator, the bench) by `bundleToUserData` (lib/core/normalize.ts).
 */

export type AccountType = "depository" | "credit" | "loan" | "investment" | "brokerage" | "other";

export interface CoreAccount {
  account_id: string;
  user_id: string;
  type: AccountType;
  subtype: string | null;
  name: string;
  mask: string | null;
  holder_category: "personal" | "business" | "unrecognized" | null;
  current_cents: number | null;
  available_cents: number | null;
  limit_cents: number | null;
  iso_currency_code: string | null;
}

export interface CoreTransaction {
  transaction_id: string;
  account_id: string;
  date: string;
  /** Integer cents; positive = money leaving the account (Plaid's sign). */
  amount_cents: number;
  iso_currency_code: string | null;
  name: string;
  merchant_name: string | null;
  merchant_entity_id: string | null;
  payment_channel: "online" | "in store" | "other";
  pfc_primary: string | null;
  pfc_detailed: string | null;
  pending: boolean;
  pending_transaction_id: string | null;
}

export interface CoreApr {
  apr_type: string;
  apr_percentage: number;
  balance_subject_to_apr_cents: number | null;
  interest_charge_amount_cents: number | null;
}

export interface CoreCreditLiability {
  account_id: string;
  aprs: CoreApr[];
  is_overdue: boolean | null;
  last_payment_amount_cents: number | null;
  last_payment_date: string | null;
  last_statement_issue_date: string | null;
  last_statement_balance_cents: number | null;
  minimum_payment_amount_cents: number | null;
  next_payment_due_date: string | null;
}

export interface CoreLoanLiability {
  account_id: string;
  kind: "student" | "mortgage";
  interest_rate_percentage: number | null;
  is_overdue: boolean | null;
  last_payment_amount_cents: number | null;
  last_payment_date: string | null;
  minimum_payment_amount_cents: number | null;
  next_payment_due_date: string | null;
  past_due_amount_cents: number | null;
}

/** Everything the core needs about one user. */
export interface CoreUserData {
  user_id: string;
  accounts: CoreAccount[];
  /** Any order; the core sorts what it needs. May include data after the as-of date: the core ignores it. */
  transactions: CoreTransaction[];
  credit: CoreCreditLiability[];
  loans: CoreLoanLiability[];
}
