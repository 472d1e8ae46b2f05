/**
 * Offer eligibility: every field of an offer's `eligibility` object is one check, evaluated as
 * data against facts about the user. Predatory products are refused whatever else holds.
 */
import type { WindowSignals } from "../signals/types";
import { compare } from "../shared/compare";
import { formatCount, formatMoney, formatPercent } from "../shared/format";
import { GUARDRAIL_RULES as R, PREDATORY_APR_ABOVE_PERCENT, PREDATORY_OFFER_KINDS } from "./constants";

/** Eligibility as data: every field present is one check in checkEligibility. */
export interface OfferEligibility {
  /** The user's monthly income (income.monthly_income_cents) must be at least this. */
  min_monthly_income_cents?: number;
  /** The user's highest card utilization must be at most this (no card with a limit passes). */
  max_utilization?: number;
  /** The user's highest card utilization must be at least this (no card with a limit fails). */
  min_utilization?: number;
  /** Account subtypes (Plaid's, e.g. "savings", "money market", "credit card"): holding any excludes. */
  excluded_if_holds?: string[];
  /** No card may be past due. */
  requires_no_overdue?: boolean;
  /** A payroll deposit must have been detected. */
  requires_payroll?: boolean;
  /** The user must hold at least one credit card. */
  requires_credit_card?: boolean;
}

/** What eligibility reads of an offer (a catalog PartnerOffer is one). */
interface EligibilitySubject {
  id: string;
  kind: string;
  eligibility: OfferEligibility;
  /** Always false in the catalog; refused again here. */
  predatory: boolean;
  /** Highest APR the product can carry, when it is a credit product. */
  max_apr_percentage?: number;
}

/** An account the user holds (drives "already holds" exclusions). */
export interface HeldAccount {
  account_id: string;
  type: string;
  subtype: string | null;
}

export interface EligibilityFacts {
  monthly_income_cents: number;
  /** Highest card utilization; null when the user has no card with a limit. */
  max_utilization: number | null;
  card_count: number;
  overdue: boolean;
  payroll_detected: boolean;
  /** Lower-cased account subtypes the user holds ("checking", "savings", "credit card", ...). */
  held_subtypes: string[];
}

export interface EligibilityCheck {
  rule: string;
  passed: boolean;
  detail: string;
}

export interface EligibilityResult {
  offer_id: string;
  eligible: boolean;
  checks: EligibilityCheck[];
}

const normalizeSubtype = (s: string) => s.trim().toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");

export function eligibilityFactsFrom(w: WindowSignals, accounts: HeldAccount[]): EligibilityFacts {
  const held = new Set<string>();
  for (const a of accounts) {
    if (a.subtype) held.add(normalizeSubtype(a.subtype));
    if (a.type === "credit" && !a.subtype) held.add("credit card");
  }
  return {
    monthly_income_cents: w.income.monthly_income_cents,
    max_utilization: w.credit.max_utilization,
    card_count: w.credit.card_count,
    overdue: w.credit.overdue,
    payroll_detected: w.income.payroll_detected,
    held_subtypes: [...held].sort(),
  };
}

/** The signal values eligibility reads, named by their signal paths (for the decision trace). */
export function eligibilitySignals(f: EligibilityFacts): { name: string; value: number | boolean | string | null }[] {
  return [
    { name: "income.monthly_income_cents", value: f.monthly_income_cents },
    { name: "credit.max_utilization", value: f.max_utilization },
    { name: "credit.card_count", value: f.card_count },
    { name: "credit.overdue", value: f.overdue },
    { name: "income.payroll_detected", value: f.payroll_detected },
    { name: "accounts.subtypes", value: f.held_subtypes.join(", ") },
  ];
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set<keyof OfferEligibility>([
  "min_monthly_income_cents",
  "max_utilization",
  "min_utilization",
  "excluded_if_holds",
  "requires_no_overdue",
  "requires_payroll",
  "requires_credit_card",
]);

function predatoryCheck(offer: Pick<EligibilitySubject, "predatory" | "kind" | "max_apr_percentage">): EligibilityCheck {
  const kind = String(offer.kind);
  const problems: string[] = [];
  if (offer.predatory !== false) problems.push("the item is marked predatory");
  if ((PREDATORY_OFFER_KINDS as readonly string[]).includes(kind)) problems.push(`"${kind}" is a predatory product kind`);
  if (offer.max_apr_percentage !== undefined && offer.max_apr_percentage > PREDATORY_APR_ABOVE_PERCENT) {
    problems.push(`APR up to ${offer.max_apr_percentage}% is above ${PREDATORY_APR_ABOVE_PERCENT}%`);
  }
  return problems.length
    ? { rule: R.NOT_PREDATORY, passed: false, detail: `Refused: ${problems.join("; ")}.` }
    : { rule: R.NOT_PREDATORY, passed: true, detail: "Not a predatory product." };
}

export function checkEligibility(offer: EligibilitySubject, user: EligibilityFacts): EligibilityResult {
  const e = offer.eligibility ?? {};
  const checks: EligibilityCheck[] = [predatoryCheck(offer)];

  // Fail closed on a requirement we don't know how to evaluate.
  const unknown = Object.keys(e).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) {
    checks.push({ rule: R.KNOWN_ELIGIBILITY_FIELDS, passed: false, detail: `Unknown eligibility fields: ${unknown.join(", ")}.` });
  }

  if (e.min_monthly_income_cents !== undefined) {
    const passed = user.monthly_income_cents >= e.min_monthly_income_cents;
    checks.push({
      rule: R.MIN_MONTHLY_INCOME,
      passed,
      detail: `Monthly income ${formatMoney(user.monthly_income_cents)} ${passed ? "meets" : "is below"} the minimum of ${formatMoney(e.min_monthly_income_cents)}.`,
    });
  }
  if (e.max_utilization !== undefined) {
    const u = user.max_utilization;
    const passed = u === null || compare(u, "<=", e.max_utilization);
    checks.push({
      rule: R.MAX_UTILIZATION,
      passed,
      detail:
        u === null
          ? `No card utilization to exceed the maximum of ${formatPercent(e.max_utilization)}.`
          : `Highest card utilization ${formatPercent(u)} ${passed ? "is within" : "is above"} the maximum of ${formatPercent(e.max_utilization)}.`,
    });
  }
  if (e.min_utilization !== undefined) {
    const u = user.max_utilization;
    const passed = compare(u, ">=", e.min_utilization);
    checks.push({
      rule: R.MIN_UTILIZATION,
      passed,
      detail:
        u === null
          ? `No card with a reported limit; the offer needs utilization of at least ${formatPercent(e.min_utilization)}.`
          : `Highest card utilization ${formatPercent(u)} ${passed ? "meets" : "is below"} the minimum of ${formatPercent(e.min_utilization)}.`,
    });
  }
  if (e.excluded_if_holds !== undefined) {
    const held = new Set(user.held_subtypes.map(normalizeSubtype));
    const hit = e.excluded_if_holds.map(normalizeSubtype).filter((s) => held.has(s));
    checks.push({
      rule: R.NOT_ALREADY_HELD,
      passed: hit.length === 0,
      detail: hit.length
        ? `Already holds a ${hit.join(", ")} account.`
        : `Holds none of: ${e.excluded_if_holds.join(", ")}.`,
    });
  }
  if (e.requires_no_overdue) {
    checks.push({
      rule: R.NO_OVERDUE,
      passed: !user.overdue,
      detail: user.overdue ? "A card payment is past due." : "No card payment is past due.",
    });
  }
  if (e.requires_payroll) {
    checks.push({
      rule: R.REQUIRES_PAYROLL,
      passed: user.payroll_detected,
      detail: user.payroll_detected ? "Payroll deposits detected." : "No payroll deposits detected.",
    });
  }
  if (e.requires_credit_card) {
    checks.push({
      rule: R.REQUIRES_CREDIT_CARD,
      passed: user.card_count > 0,
      detail: user.card_count > 0 ? `Holds ${formatCount(user.card_count, "credit card", "credit cards")}.` : "Holds no credit card.",
    });
  }
  return { offer_id: offer.id, eligible: checks.every((c) => c.passed), checks };
}
