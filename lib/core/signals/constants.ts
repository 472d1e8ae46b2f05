/**
 * Every threshold of the signal engine, in one place, each with the brief's wording beside it.
 * The decision trace names these constants; docs/decisions.md (## Signals) explains the choices.
 */
import type { Frequency } from "./types";

// ---------------------------------------------------------------------------------------------
// Recurring streams (Plaid /transactions/recurring/get semantics)
// ---------------------------------------------------------------------------------------------

/** brief: "recurring merchants (≥3 in 90 days with monthly/weekly cadence)" */
export const RECURRING_MIN_OCCURRENCES = 3;
/**
 * brief: "recurring merchants (≥3 in 90 days with monthly/weekly cadence)". A window counts a subscription
 * when, on some day of the window, it had ≥3 charges in the 90 days ending that day: the rule reads from
 * 89 days before the window's first day to as-of (30d window: 119 days).
 */
export const RECURRING_LOOKBACK_DAYS = 90;
/**
 * brief: "monthly/weekly cadence". Read as "at most a month apart", so a stream can show 3 charges in
 * 90 days: WEEKLY, BIWEEKLY, SEMI_MONTHLY and MONTHLY. ANNUALLY streams are shown but never counted.
 */
export const RECURRING_CADENCES: readonly Frequency[] = ["WEEKLY", "BIWEEKLY", "SEMI_MONTHLY", "MONTHLY"];

/** issue: "Cadence detection may look back further than the window (up to ~13 months for ANNUALLY)". */
export const STREAM_LOOKBACK_DAYS = 400;
/** Plaid: "A MATURE recurring stream should have at least 3 transactions" (EARLY_DETECTION before). */
export const MATURE_MIN_OCCURRENCES = 3;
/** Plaid: "For Annual recurring stream, we will mark it MATURE after 2 instances". */
export const MATURE_MIN_OCCURRENCES_ANNUAL = 2;
/** A stream needs at least two dated charges to have a cadence at all (EARLY_DETECTION). */
export const STREAM_MIN_OCCURRENCES = 2;
/** When a merchant's rows do not form one stream, its rows are split by amount; a split needs this many rows. */
export const AMOUNT_CLUSTER_MIN_OCCURRENCES = 3;
/**
 * Rows left over, grouped by exact amount, account and category across merchant keys (a never-enriched merchant
 * under several descriptors), form a stream only with this many rows: three same-cent charges can be chance.
 */
export const PRICE_STREAM_MIN_OCCURRENCES = 4;
/**
 * A charge at least this many times larger (or smaller) than two identical charges around it is not an occurrence
 * of their stream (an annual renewal under the monthly plan's descriptor, a one-off purchase).
 */
export const PRICE_SPIKE_RATIO = 1.5;
/**
 * A row of another descriptor joins a stream on a missing charge date when its amount is within this of the
 * stream's charge before or after it: wider than AMOUNT_TOLERANCE, because a price rise may land on such a row.
 */
export const VARIANT_PRICE_TOLERANCE = 0.25;

export interface CadenceBand {
  /** Nominal period in days. */
  period: number;
  /** Gaps (days between consecutive charges) that count as one period: [min, max], inclusive. */
  gap: [number, number];
  /** |mean gap per period - period| allowed over the whole stream (jitter averages out). */
  meanTolerance: number;
  /** A row of another descriptor joins the stream when it is this close to an expected (missing) charge date. */
  slotToleranceDays: number;
  /** A stream stays active until this many days after its predicted next date. */
  activeGraceDays: number;
  /** Occurrences per year, for the monthly equivalent (amount x occurrences per year / 12). */
  perYear: number;
}

/**
 * issue: "Tolerate a few days of date jitter (±3–4 days, weekend shifts)". Each band is the nominal
 * gap widened by the jitter of two dates: a monthly gap is 28–31 days, ±3–4 days of jitter on each
 * end gives [24, 37]. Weekly gets ±4: a card charge posts 0–2 days after authorization and weekend postings
 * move to Monday (Thursday, then Monday, then Thursday: gaps of 11 and 3); the mean gap (7 ± 1) keeps it honest.
 * BIWEEKLY and SEMI_MONTHLY share the band [10, 20] and are told apart by the mean gap and the
 * share of exact 14-day gaps (see BIWEEKLY_EXACT_SHARE, SEMI_MONTHLY_MIN_MEAN_GAP).
 */
export const CADENCE_BANDS: Record<Frequency, CadenceBand> = {
  WEEKLY: { period: 7, gap: [3, 11], meanTolerance: 1, slotToleranceDays: 3, activeGraceDays: 4, perYear: 52 },
  BIWEEKLY: { period: 14, gap: [10, 20], meanTolerance: 1.5, slotToleranceDays: 3, activeGraceDays: 5, perYear: 26 },
  SEMI_MONTHLY: { period: 365.25 / 24, gap: [10, 20], meanTolerance: 1.5, slotToleranceDays: 3, activeGraceDays: 5, perYear: 24 },
  MONTHLY: { period: 30.44, gap: [24, 37], meanTolerance: 3, slotToleranceDays: 5, activeGraceDays: 7, perYear: 12 },
  ANNUALLY: { period: 365.25, gap: [350, 380], meanTolerance: 15, slotToleranceDays: 15, activeGraceDays: 30, perYear: 1 },
};
/** Within the shared [10, 20] band: this share of gaps exactly 14 days apart (same weekday) means BIWEEKLY. */
export const BIWEEKLY_EXACT_SHARE = 0.75;
/** Within the shared [10, 20] band: a mean gap at or above this (24 charges a year = 15.2 days) means SEMI_MONTHLY. */
export const SEMI_MONTHLY_MIN_MEAN_GAP = 14.6;
/**
 * Missed charges: a gap of k periods (k <= MAX_PERIODS_PER_GAP, band shifted by k-1 periods) is k-1 missed
 * charges, not a break. Real feeds lose rows to descriptor variants the key does not join; up to
 * max(1, floor(rows / ROWS_PER_MISSED_CHARGE)) missed charges are tolerated (about a third of the expected rows).
 */
export const MAX_PERIODS_PER_GAP = 3;
export const ROWS_PER_MISSED_CHARGE = 2;
/** Gaps that fit no period (an extra or displaced charge) tolerated: floor(gaps / BAD_GAPS_PER). */
export const BAD_GAPS_PER = 6;
/** At least one gap in this many is on time (one period): a cadence is not made of missed and displaced charges. */
export const ON_TIME_GAPS_PER = 3;

/**
 * issue: "small price changes (a mid-year price rise keeps the stream; the stream's amount is the recent one)".
 * Two consecutive charges are "the same price" within ±7.5% (Actual Budget's getApproxNumberThreshold,
 * loot-core/src/shared/rules.ts), floor 50 cents so a $2.99 plan with tax rounding stays one price.
 * A bigger move is a price level change, see MAX_PRICE_CHANGES_PER_YEAR.
 */
export const AMOUNT_TOLERANCE = 0.075;
export const AMOUNT_TOLERANCE_MIN_CENTS = 50;
/**
 * design: "A subscription is a recurring outflow of a stable amount". Stable = at most
 * 1 + floor((occurrences - 1) / 12) price level changes between consecutive charges (one price rise a
 * year); groceries and coffee change price almost every time and fail this.
 */
export const MAX_PRICE_CHANGES_BASE = 1;
export const MAX_PRICE_CHANGES_PER_OCCURRENCES = 12;
/**
 * design: "a recurring outflow of a stable amount to a merchant that sells a service". A subscription repeats its
 * amount to the cent (bar a price change): at least this share of consecutive charges identical. Chance runs of
 * similar grocery, coffee or cinema totals never do.
 */
export const SUBSCRIPTION_EXACT_REPEAT_SHARE = 0.6;
/**
 * "To the cent" bar sales-tax rounding: two consecutive charges within this many cents repeat the amount (a $9.99
 * plan billed $10.81, $10.82, $10.80 as the tax rounds or the rate changes). Chance grocery or coffee totals do not
 * land within a nickel of each other charge after charge.
 */
export const SUBSCRIPTION_REPEAT_TOLERANCE_CENTS = 5;
/**
 * A cadence among frequent look-alike purchases is chance (transit fares, a usual coffee order): over its span a
 * subscription must be at least this share of the same-price charges in its category (over its span widened by
 * one period, on any cash or card account) that no other stream explains.
 */
export const SUBSCRIPTION_MIN_PURITY = 0.5;
/**
 * Bills, debt payments, transfers and income may vary in amount (utilities, hourly pay) but not wildly:
 * coefficient of variation of their amounts at most this.
 */
export const VARIABLE_STREAM_MAX_CV = 0.6;
/**
 * A subscription found by price (a price split of a busy merchant, or leftover rows of one price across
 * descriptors) needs a clean cadence: no displaced charge and at most max(1, floor(rows / this)) missed charges.
 */
export const CLEAN_CADENCE_ROWS_PER_MISSED_CHARGE = 6;
/**
 * Rounds of joining descriptor variants (./absorption.ts): each round can reach the rows and streams next to
 * what the previous one joined, both when streams take in rows and smaller streams, and when one stream takes
 * in single rows.
 */
export const ABSORB_PASSES = 3;
/** issue: "or unknown category with stable amount and service-like cadence": the service-like cadences. */
export const SERVICE_CADENCES: readonly Frequency[] = ["WEEKLY", "MONTHLY", "ANNUALLY"];

// ---------------------------------------------------------------------------------------------
// Windows and money
// ---------------------------------------------------------------------------------------------

/** issue: "monthly_net_inflow = net inflow / (window days / 30.44)"; also used for monthly expenses and income. */
export const DAYS_PER_MONTH = 30.44;

// ---------------------------------------------------------------------------------------------
// Savings
// ---------------------------------------------------------------------------------------------

/** issue: "savings-like accounts (depository subtypes savings, money market, cash management, hsa)". */
export const SAVINGS_SUBTYPES: readonly string[] = ["savings", "money market", "cash management", "hsa"];

// ---------------------------------------------------------------------------------------------
// Credit
// ---------------------------------------------------------------------------------------------

/** brief: "utilization ... flags at 30%, 50%, 80%" (a card is flagged at or above each). */
export const UTILIZATION_FLAGS = [0.3, 0.5, 0.8] as const;
/**
 * issue: "minimum-payment-only (the card's payments in the window are each within a small tolerance of the
 * liability's minimum_payment_amount)": |payment - minimum| <= max(2%, 50 cents). Minimum payers pay the minimum
 * to the cent (autopay); a revolver paying a round amount near it is not one.
 */
export const MIN_PAYMENT_TOLERANCE = 0.02;
export const MIN_PAYMENT_TOLERANCE_MIN_CENTS = 50;
/**
 * A payment that is a whole multiple of this many cents ($5) is an amount the user chose (a revolver's fixed
 * payment), not a computed minimum, unless it equals the minimum in force to the cent or is a floor minimum (below).
 */
export const MIN_PAYMENT_ROUND_CENTS = 500;
/** Round amounts up to this many cents may be an issuer's floor minimum ($25, $35, $40) and are not ruled out as chosen. */
export const MIN_PAYMENT_FLOOR_MAX_CENTS = 4_000;
/**
 * Plaid's liability carries only the latest statement's minimum. A payment made on or before the last statement
 * date paid an earlier statement, whose minimum is not in the feed: it counts as that minimum when it lies between
 * (minimum_payment_amount - fees charged on the card since the payment) x (1 - this) and minimum_payment_amount
 * (each bound widened by the tolerance above). The minimum (about 1% of the balance + interest + fees) of a card
 * carrying a balance moves little from one statement to the next and grows with it; a late fee charged since sits
 * in the current minimum only.
 */
export const MIN_PAYMENT_PRIOR_BAND = 0.15;

// ---------------------------------------------------------------------------------------------
// Income
// ---------------------------------------------------------------------------------------------

/**
 * issue: "payroll detection (ACH wage deposits as an inflow stream: INCOME_WAGES or payroll descriptors, stable
 * employer)". Paycheck gaps and variability are read over max(window, INCOME_LOOKBACK_DAYS) days, so the 30d
 * window still sees a cadence (two monthly paychecks cannot fit in 30 days).
 */
export const INCOME_LOOKBACK_DAYS = 90;
/**
 * issue: "payroll detection (... stable employer)": a wage stream is payroll when its paychecks vary by a
 * coefficient of variation of at most this (hourly pay swings ~5–10%; platform payouts labelled as wages, 50%+).
 */
export const PAYROLL_MAX_CV = 0.3;
/** An employer pays every period: a payroll stream misses at most max(1, floor(paychecks / this)) paychecks. */
export const PAYROLL_ROWS_PER_MISSED_PAYCHECK = 6;
/** Payroll streams must be a pay-like cadence (an annual bonus is not payroll). */
export const PAYROLL_CADENCES: readonly Frequency[] = ["WEEKLY", "BIWEEKLY", "SEMI_MONTHLY", "MONTHLY"];
/**
 * INCOME_* detailed categories that are not pay (interest, dividends, tax refunds): left out of the gaps
 * between income deposits so a monthly interest credit does not look like a paycheck.
 */
export const NON_PAY_INCOME_DETAILED: readonly string[] = [
  "INCOME_INTEREST_EARNED",
  "INCOME_DIVIDENDS",
  "INCOME_TAX_REFUND",
];

// ---------------------------------------------------------------------------------------------
// Fees
// ---------------------------------------------------------------------------------------------

/** issue: "overdraft_fee_count/cents from pfc_detailed BANK_FEES_OVERDRAFT_FEES and BANK_FEES_INSUFFICIENT_FUNDS". */
export const OVERDRAFT_FEE_DETAILED: readonly string[] = ["BANK_FEES_OVERDRAFT_FEES", "BANK_FEES_INSUFFICIENT_FUNDS"];
/** issue 11: "a fee reversal offsets its fee": the fee a reversal refunds was charged at most this many days before it. */
export const FEE_REVERSAL_MAX_DAYS = 60;

// ---------------------------------------------------------------------------------------------
// Evidence and performance
// ---------------------------------------------------------------------------------------------

/** A signal's evidence lists at most this many transaction ids (the note says how many were left out). */
export const EVIDENCE_MAX_TRANSACTION_IDS = 100;
/** Each per-descriptor memo (normalizeDescriptor, descriptor facts) is cleared when it reaches this many entries. */
export const DESCRIPTOR_CACHE_MAX = 50_000;
