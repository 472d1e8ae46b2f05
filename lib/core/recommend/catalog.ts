/**
 * Types of the content catalog (the data lives in lib/content and is validated with zod there).
 * They sit in lib/core because the recommender, a pure core module, reads them.
 */
import type { OfferEligibility } from "../guardrails/eligibility";
import type { PersonaId } from "../personas/constants";

/** Items for everyone (and the only education a user with no persona gets). */
export const GENERAL_TAG = "general";
export type PersonaTag = PersonaId | typeof GENERAL_TAG;

/** What an item is about, in signal terms; each tag has an "is this notable for the user" rule. */
export const SIGNAL_TAGS = [
  "credit.utilization",
  "credit.interest",
  "credit.minimum_payment",
  "credit.overdue",
  "subscriptions.count",
  "subscriptions.spend",
  "subscriptions.share",
  "savings.growth",
  "savings.inflow",
  "savings.emergency_fund",
  "income.variability",
  "income.pay_gap",
  "income.buffer",
  "fees.overdraft",
] as const;
export type SignalTag = (typeof SIGNAL_TAGS)[number];

/** The offer kinds the catalog may hold. Nothing predatory can be expressed here. */
export const OFFER_KINDS = [
  "balance_transfer_card",
  "high_yield_savings",
  "certificate_of_deposit",
  "budgeting_app",
  "subscription_manager",
  "credit_builder_card",
  "overdraft_protection",
  "credit_counseling",
  "automated_savings",
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export interface EducationItem {
  id: string;
  title: string;
  summary: string;
  /** A few short paragraphs, plain and kind. */
  body: string[];
  persona_tags: PersonaTag[];
  signal_tags: SignalTag[];
  reading_minutes: number;
  /**
   * Optional closing sentence of the rationale ("why this item"). It may hold no digits: every
   * number in a rationale must come from its facts.
   */
  why?: string;
}

export interface PartnerOffer {
  id: string;
  partner: string;
  kind: OfferKind;
  title: string;
  summary: string;
  persona_tags: PersonaTag[];
  signal_tags: SignalTag[];
  eligibility: OfferEligibility;
  /** Always false in the catalog (the schema refuses true); checkEligibility refuses it again. */
  predatory: boolean;
  /** Highest APR the product can carry, when it is a credit product. */
  max_apr_percentage?: number;
  /** What the partner pays us. Recorded for disclosure; NEVER read by ranking. */
  partner_payout_cents: number;
  /** Optional closing sentence of the rationale; no digits (see EducationItem.why). */
  why?: string;
}

export interface Catalog {
  education: EducationItem[];
  offers: PartnerOffer[];
}
