/**
 * Stream categories (subscription, bill, debt payment, transfer, income, other) from the rows' PFC
 * categories, row flags and descriptor facts. Decisions: docs/decisions.md ("Stream categories").
 */
import type { CoreTransaction } from "../types";
import { MATURE_MIN_OCCURRENCES, MATURE_MIN_OCCURRENCES_ANNUAL, SERVICE_CADENCES } from "./constants";
import {
  D_BILL,
  D_CARD_PAYMENT,
  D_FEE,
  D_FEE_REVERSAL,
  D_INTEREST,
  D_LOAN,
  D_OVERDRAFT,
  D_PAYMENT_WORD,
  D_PAYROLL,
  D_TRANSFER_WORD,
  F_CARD_PAYMENT,
  F_INCOME,
  F_OWN_TRANSFER,
  F_WAGE,
  descriptorRuleName,
} from "./flags";
import type { PTx } from "./prepare";
import type { Frequency, StreamCategory } from "./types";

/**
 * The stream's representative row for its category: the latest row of its most frequent PFC detailed category
 * (ties: the latest), so one miscategorized charge (a streaming charge filed as merchandise, a paycheck as a
 * deposit) does not recategorize the stream; the latest row when no row has a PFC.
 */
export function lastWithPfc(rows: PTx[]): CoreTransaction {
  let best: CoreTransaction | null = null;
  let bestCount = 0;
  let uniform = true;
  let first: string | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const d = rows[i].tx.pfc_detailed;
    if (!d) continue;
    if (first === null) {
      first = d;
      best = rows[i].tx;
    } else if (d !== first) uniform = false;
  }
  if (best === null) return rows[rows.length - 1].tx;
  if (uniform) return best;
  const counts = new Map<string, number>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const d = rows[i].tx.pfc_detailed;
    if (!d) continue;
    const c = (counts.get(d) ?? 0) + 1;
    counts.set(d, c);
    if (c > bestCount) {
      bestCount = c;
      best = rows[i].tx;
    }
  }
  // The latest row of the modal category (scanning back, `best` is the earliest: find the latest one).
  const modal = best.pfc_detailed;
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].tx.pfc_detailed === modal) return rows[i].tx;
  return best;
}

/** Categories of services (subscriptions) by PFC. */
export function isServiceCategory(primary: string, detailed: string | null): boolean {
  // Gambling and event tickets are entertainment one buys, not a service one subscribes to.
  if (primary === "ENTERTAINMENT") {
    return detailed !== "ENTERTAINMENT_CASINOS_AND_GAMBLING" && detailed !== "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS";
  }
  if (primary === "GENERAL_SERVICES") return true;
  return detailed === "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS";
}

/** Categories whose stable recurring charges are never subscriptions (fees, taxes, donations, health care). */
const NON_SUBSCRIPTION_PRIMARIES = new Set(["INCOME", "BANK_FEES", "GOVERNMENT_AND_NON_PROFIT", "MEDICAL", "TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS"]);

/** Bills among the PFC categories (rent, utilities, phone, insurance, mortgage, childcare, tuition). */
function isBillCategory(primary: string, detailed: string | null): boolean {
  return (
    primary === "RENT_AND_UTILITIES" ||
    detailed === "GENERAL_SERVICES_INSURANCE" ||
    detailed === "GENERAL_SERVICES_CHILDCARE" ||
    detailed === "GENERAL_SERVICES_EDUCATION" ||
    detailed === "LOAN_PAYMENTS_MORTGAGE_PAYMENT"
  );
}

export interface StreamClass {
  category: StreamCategory;
  isPayroll: boolean;
  /** The descriptor rule that decided the category of a stream without a PFC category. */
  rule?: string;
}

/** Outflow or inflow stream category (see docs/decisions.md, Signals). */
export function classifyStream(
  direction: "inflow" | "outflow",
  rows: PTx[],
  frequency: Frequency,
  stable: boolean,
  /** The same amount to the cent, charge after charge (SUBSCRIPTION_EXACT_REPEAT_SHARE). */
  exact = stable,
): StreamClass {
  const last = rows[rows.length - 1];
  const rep = lastWithPfc(rows);
  const primary = rep.pfc_primary;
  const detailed = rep.pfc_detailed;
  if (direction === "inflow") {
    let wage = 0;
    let income = 0;
    for (const r of rows) {
      if (r.flags & F_WAGE) wage++;
      if (r.flags & F_INCOME) income++;
    }
    if (wage * 2 > rows.length) return { category: "income", isPayroll: true };
    if (income * 2 > rows.length) return { category: "income", isPayroll: false };
    if (last.flags & (F_OWN_TRANSFER | F_CARD_PAYMENT) || primary === "TRANSFER_IN") return { category: "transfer", isPayroll: false };
    return { category: "other", isPayroll: false };
  }
  if (last.flags & F_OWN_TRANSFER) return { category: "transfer", isPayroll: false };
  if (last.flags & F_CARD_PAYMENT) return { category: "debt_payment", isPayroll: false };
  if (primary) {
    if (isBillCategory(primary, detailed)) return { category: "bill", isPayroll: false };
    if (primary === "LOAN_PAYMENTS") return { category: "debt_payment", isPayroll: false };
    if (primary === "TRANSFER_OUT" || primary === "TRANSFER_IN") return { category: "other", isPayroll: false };
    if (isServiceCategory(primary, detailed)) return { category: stable && exact ? "subscription" : "other", isPayroll: false };
    // Memberships, news, meal kits and the like are filed under goods (GENERAL_MERCHANDISE_*, FOOD_AND_DRINK_*):
    // a mature stream of one fixed price (to the cent, bar a price change) on a weekly, monthly or annual cadence
    // there is a subscription too. Everyday shopping never repeats an amount to the cent month after month.
    const mature = rows.length >= (frequency === "ANNUALLY" ? MATURE_MIN_OCCURRENCES_ANNUAL : MATURE_MIN_OCCURRENCES);
    if (stable && exact && mature && SERVICE_CADENCES.includes(frequency) && !NON_SUBSCRIPTION_PRIMARIES.has(primary)) {
      return { category: "subscription", isPayroll: false };
    }
    return { category: "other", isPayroll: false };
  }
  // No PFC: the descriptor rules (./descriptor-rules.ts) of any of its rows, then "stable amount and a service-like
  // cadence" is a subscription.
  const d = majorityFacts(rows);
  if (d & D_LOAN) return ruled("debt_payment", rows, D_LOAN);
  if (d & D_BILL) return ruled("bill", rows, D_BILL);
  // Fees, interest, transfers and payments are never subscriptions, whatever their cadence.
  if (d & NEVER_SUBSCRIPTION) return ruled("other", rows, NEVER_SUBSCRIPTION);
  if (stable && exact && SERVICE_CADENCES.includes(frequency)) return { category: "subscription", isPayroll: false };
  return { category: "other", isPayroll: false };
}

/** The descriptor facts that at least half of the rows carry (one odd variant does not decide). */
function majorityFacts(rows: PTx[]): number {
  let any = 0;
  for (const r of rows) any |= r.dflags;
  let out = 0;
  for (let bit = 1; bit <= any; bit <<= 1) {
    if (!(any & bit)) continue;
    let n = 0;
    for (const r of rows) if (r.dflags & bit) n++;
    if (n * 2 >= rows.length) out |= bit;
  }
  return out;
}

/** Descriptor facts that keep a stream without a category out of the subscriptions. */
const NEVER_SUBSCRIPTION = D_FEE | D_OVERDRAFT | D_INTEREST | D_TRANSFER_WORD | D_PAYMENT_WORD | D_CARD_PAYMENT | D_PAYROLL | D_FEE_REVERSAL;

/** A category decided by a descriptor rule, with the rule's name (from the latest row that has it) for the trace. */
function ruled(category: StreamCategory, rows: PTx[], bits: number): StreamClass {
  for (let i = rows.length - 1; i >= 0; i--) {
    if (!(rows[i].dflags & bits)) continue;
    const rule = descriptorRuleName(rows[i].tx.name, bits);
    if (rule) return { category, isPayroll: false, rule };
  }
  return { category, isPayroll: false };
}
