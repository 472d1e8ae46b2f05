/**
 * The ingest bundle contract: zod schemas over Plaid's own field
 * names (see the `plaid` package's AccountBase, Transaction, CreditCardLiability, StudentLoan,
 * MortgageLiability). An object copied verbatim from a Plaid API response is valid input:
 * unknown fields are accepted and stripped, and fields Plaid may send as null accept null.
 * Amounts are dollars as Plaid sends them, positive = money leaving the account.
 */
import { z } from "zod";
import { isIsoDate } from "./time";
import { MAX_ABS_CENTS } from "./money";

const id = z.string().trim().min(1, "must be a non-empty string").max(200, "must be at most 200 characters");
const isoDate = z.string().refine(isIsoDate, "must be a calendar date YYYY-MM-DD");
const nullableIsoDate = isoDate.nullish();
const MAX_DOLLARS = MAX_ABS_CENTS / 100;
const dollars = z
  .number({ error: "must be a number (dollars)" })
  .refine(Number.isFinite, "must be a finite number")
  .refine((n) => Math.abs(n) <= MAX_DOLLARS, `must be within ±${MAX_DOLLARS} dollars`);
const nullableDollars = dollars.nullish();
const currency = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD").nullish();

export const DemographicsSchema = z
  .object({
    age_band: z.string().max(40).nullish(),
    income_tier: z.string().max(40).nullish(),
    region: z.string().max(80).nullish(),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const BundleUserSchema = z.object({
  user_id: id,
  name: z.string().trim().min(1, "must be a non-empty string").max(200),
  email: z.email("must be an email address").max(320),
  consent: z.boolean().optional(),
  demographics: DemographicsSchema.optional(),
});

export const ACCOUNT_TYPES = ["depository", "credit", "loan", "investment", "brokerage", "other"] as const;

export const BalancesSchema = z.object({
  current: nullableDollars,
  available: nullableDollars,
  limit: nullableDollars,
  iso_currency_code: currency,
  unofficial_currency_code: z.string().nullish(),
});

export const BundleAccountSchema = z.object({
  account_id: id,
  user_id: id,
  type: z.enum(ACCOUNT_TYPES, { error: `must be one of ${ACCOUNT_TYPES.join(", ")}` }),
  subtype: z.string().max(80).nullish(),
  name: z.string().max(200),
  official_name: z.string().max(200).nullish(),
  mask: z.string().max(8).nullish(),
  holder_category: z.enum(["personal", "business", "unrecognized"]).nullish(),
  balances: BalancesSchema,
});

export const PAYMENT_CHANNELS = ["online", "in store", "other"] as const;

export const PersonalFinanceCategorySchema = z.object({
  primary: z.string().min(1).max(80),
  detailed: z.string().min(1).max(120),
  confidence_level: z.string().nullish(),
});

export const BundleTransactionSchema = z.object({
  transaction_id: id,
  account_id: id,
  date: isoDate,
  authorized_date: nullableIsoDate,
  amount: dollars,
  iso_currency_code: currency,
  name: z.string().max(500),
  merchant_name: z.string().max(200).nullish(),
  merchant_entity_id: z.string().max(200).nullish(),
  payment_channel: z.enum(PAYMENT_CHANNELS, { error: `must be one of ${PAYMENT_CHANNELS.join(", ")}` }),
  personal_finance_category: PersonalFinanceCategorySchema.nullish(),
  pending: z.boolean(),
  pending_transaction_id: z.string().max(200).nullish(),
});

export const AprSchema = z.object({
  apr_percentage: z.number().min(0).max(1000),
  apr_type: z.string().max(80),
  balance_subject_to_apr: nullableDollars,
  interest_charge_amount: nullableDollars,
});

export const CreditLiabilitySchema = z.object({
  account_id: id,
  aprs: z.array(AprSchema).default([]),
  is_overdue: z.boolean().nullish(),
  last_payment_amount: nullableDollars,
  last_payment_date: nullableIsoDate,
  last_statement_issue_date: nullableIsoDate,
  last_statement_balance: nullableDollars,
  minimum_payment_amount: nullableDollars,
  next_payment_due_date: nullableIsoDate,
});

export const StudentLoanSchema = z.object({
  account_id: id,
  account_number: z.string().nullish(),
  expected_payoff_date: nullableIsoDate,
  interest_rate_percentage: z.number().min(0).max(1000),
  is_overdue: z.boolean().nullish(),
  last_payment_amount: nullableDollars,
  last_payment_date: nullableIsoDate,
  last_statement_balance: nullableDollars,
  last_statement_issue_date: nullableIsoDate,
  loan_name: z.string().nullish(),
  loan_status: z.object({ type: z.string().nullish(), end_date: nullableIsoDate }).nullish(),
  minimum_payment_amount: nullableDollars,
  next_payment_due_date: nullableIsoDate,
  origination_date: nullableIsoDate,
  origination_principal_amount: nullableDollars,
  outstanding_interest_amount: nullableDollars,
  repayment_plan: z.object({ type: z.string().nullish(), description: z.string().nullish() }).nullish(),
  ytd_interest_paid: nullableDollars,
  ytd_principal_paid: nullableDollars,
});

export const MortgageLiabilitySchema = z.object({
  account_id: id,
  account_number: z.string().nullish(),
  current_late_fee: nullableDollars,
  escrow_balance: nullableDollars,
  has_pmi: z.boolean().nullish(),
  has_prepayment_penalty: z.boolean().nullish(),
  interest_rate: z.object({ percentage: z.number().min(0).max(1000).nullish(), type: z.string().nullish() }),
  last_payment_amount: nullableDollars,
  last_payment_date: nullableIsoDate,
  loan_term: z.string().nullish(),
  loan_type_description: z.string().nullish(),
  maturity_date: nullableIsoDate,
  next_monthly_payment: nullableDollars,
  next_payment_due_date: nullableIsoDate,
  origination_date: nullableIsoDate,
  origination_principal_amount: nullableDollars,
  past_due_amount: nullableDollars,
  ytd_interest_paid: nullableDollars,
  ytd_principal_paid: nullableDollars,
});

export const LiabilitiesSchema = z.object({
  credit: z.array(CreditLiabilitySchema).nullish(),
  student: z.array(StudentLoanSchema).nullish(),
  mortgage: z.array(MortgageLiabilitySchema).nullish(),
});

export const BundleSchema = z.object({
  users: z.array(BundleUserSchema).default([]),
  accounts: z.array(BundleAccountSchema).default([]),
  transactions: z.array(BundleTransactionSchema).default([]),
  liabilities: LiabilitiesSchema.default({}),
});

export type BundleUser = z.infer<typeof BundleUserSchema>;
export type BundleAccount = z.infer<typeof BundleAccountSchema>;
export type BundleTransaction = z.infer<typeof BundleTransactionSchema>;
export type CreditLiability = z.infer<typeof CreditLiabilitySchema>;
export type StudentLoan = z.infer<typeof StudentLoanSchema>;
export type MortgageLiability = z.infer<typeof MortgageLiabilitySchema>;
export type Bundle = z.infer<typeof BundleSchema>;
