/**
 * The per-user plan: everything about a user that does not depend on individual everyday purchases.
 * It is drawn from the user's "plan" random stream alone, so it can be rebuilt cheaply in every
 * writing pass (users, accounts, transactions, liabilities) and always comes out the same.
 *
 * Money is integer cents. Transaction amounts use Plaid's sign (positive = money leaves the account).
 * Account balances use Plaid's meaning: depository = money held, credit and loan = amount owed.
 */
import type { CreditLiability, MortgageLiability, StudentLoan } from "../core/plaid";
import type { Frequency } from "../core/signals/types";
import type { City, Region, SpendCategoryKey, Channel } from "./merchants";
import type { PfcDetailed, PfcObject } from "./pfc";

export type AgeBand = "18-24" | "25-34" | "35-44" | "45-54" | "55-64" | "65+";
export type IncomeTier = "low" | "middle" | "high";

export interface Profile {
  ageBand: AgeBand;
  incomeTier: IncomeTier;
  region: Region;
  city: City;
  consent: boolean;
}

export type AccountRole = "checking" | "savings" | "hsa" | "card" | "student" | "mortgage" | "business";

export interface AccountPlan {
  account_id: string;
  role: AccountRole;
  type: "depository" | "credit" | "loan";
  subtype: string;
  name: string;
  official_name: string | null;
  mask: string;
  holder_category: "personal" | "business";
  /** Balance the day before the period starts (see the file comment for the meaning per type). */
  openingCents: number;
  /** Balance on the as-of date: opening plus every posted transaction of the period. */
  currentCents: number;
  availableCents: number | null;
  limitCents: number | null;
}

/** How the rows of one payee look in the feed (shared by all occurrences of a stream). */
export interface TxnSource {
  /** Bound descriptor variants; [0] is the usual one. */
  descriptors: readonly string[];
  /** Share of rows that use another variant than [0]. */
  variantRate: number;
  merchantName: string | null;
  entityId: string | null;
  /** Share of rows on which the feed has merchant_name (the others have null). */
  enrichRate: number;
  pfc: PfcDetailed;
  /** The personal_finance_category object (shared, frozen) with this source's confidence level. */
  category: PfcObject;
  channel: Channel;
  /** Share of rows that first appear as a pending twin. */
  pendingTwinRate: number;
}

export type StreamKind = "subscription" | "bill" | "debt_payment" | "transfer" | "income";

export interface StreamPlan {
  merchant: string;
  kind: StreamKind;
  direction: "inflow" | "outflow";
  frequency: Frequency;
  account: number;
  active: boolean;
  /** The account of its earlier rows when the stream moved to `account` mid-period. */
  movedFrom?: number;
  /** False for streams on business accounts: the engine must ignore them, so they are not labelled. */
  labelled: boolean;
}

export interface PlannedTxn {
  account: number;
  /** Posted date (day number). */
  day: number;
  authDay: number;
  cents: number;
  source: TxnSource;
  /** Index into UserPlan.streams, or -1. */
  stream: number;
  /** Index into UserPlan.noise when this row is (part of) a planted noise case. */
  noise?: number;
}

/** A planted noise case (see lib/generator/README.md); its rows' ids go to the labels. */
export interface NoisePlan {
  kind: import("./labels").NoiseKind;
  merchant: string;
  /** Index into UserPlan.streams of the stream it concerns, or -1. */
  stream: number;
  detail: string;
}

/** Everyday purchases to draw for one account over [start, end]: exactly budgetCents in `count` rows (about). */
export interface SpendSlice {
  account: number;
  start: number;
  end: number;
  budgetCents: number;
  count: number;
  mix: "personal" | "business";
}

export interface PlannedFee {
  account: number;
  /** Where the plan's day-level simulation charged it; the transaction pass moves it to the lowest balance nearby. */
  day: number;
  /** The fee stays inside [windowStart, windowEnd] (its calendar month, clipped to the period). */
  windowStart: number;
  windowEnd: number;
  cents: number;
  type: "overdraft" | "nsf";
}

/** A pending authorization near the as-of date with no posted twin yet. */
export interface PendingHold {
  account: number;
  day: number;
  cents: number;
  /** Either an everyday category (the merchant is drawn in the transaction pass) or a stream's source. */
  category: SpendCategoryKey | null;
  source: TxnSource | null;
}

export interface SpendProfile {
  /** Relative frequency of everyday categories on personal accounts. */
  weights: Partial<Record<SpendCategoryKey, number>>;
  businessWeights: Partial<Record<SpendCategoryKey, number>>;
  /** Multiplies category amounts (income tier). */
  amountScale: number;
  city: City;
}

export interface Behaviors {
  min_payment_only: boolean;
  overdue: boolean;
  interest: boolean;
  max_planted_utilization: number;
  saver: boolean;
  savings_from_zero: boolean;
  overdraft_fees: boolean;
  business_account: boolean;
}

export type PayFrequency = "WEEKLY" | "BIWEEKLY" | "SEMI_MONTHLY" | "MONTHLY";

export interface UserPlan {
  index: number;
  user_id: string;
  profile: Profile;
  archetypes: string[];
  payroll: { frequency: PayFrequency; employer: string; amount_cents: number } | null;
  gig_income: boolean;
  accounts: AccountPlan[];
  planned: PlannedTxn[];
  streams: StreamPlan[];
  slices: SpendSlice[];
  fees: PlannedFee[];
  holds: PendingHold[];
  noise: NoisePlan[];
  spend: SpendProfile;
  credit: CreditLiability[];
  student: StudentLoan[];
  mortgage: MortgageLiability[];
  behaviors: Behaviors;
  expected_personas: string[];
}
