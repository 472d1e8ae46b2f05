/**
 * Test fixtures: a small catalog (and one user's drafts over it) for the recommend and guardrail tests (the real catalog lives in
 * lib/content and is exercised by lib/content's tests; lib/core does not import it).
 */
import { assignPersonas } from "../personas/assign";
import { makeCard, makeWindow } from "../personas/test-helpers";
import type { Catalog, EducationItem, PartnerOffer, PersonaTag, SignalTag } from "./catalog";
import { recommend } from "./recommend";
import type { RecommendationDraft } from "./types";

export const edu = (id: string, persona_tags: PersonaTag[], signal_tags: SignalTag[], why?: string): EducationItem => ({
  id,
  title: `Title of ${id}`,
  summary: `Summary of ${id}.`,
  body: [`Body of ${id}.`],
  persona_tags,
  signal_tags,
  reading_minutes: 3,
  ...(why ? { why } : {}),
});

export const offer = (o: Partial<PartnerOffer> & Pick<PartnerOffer, "id" | "kind">): PartnerOffer => ({
  partner: "Partner",
  title: `Offer ${o.id}`,
  summary: "Summary.",
  persona_tags: ["general"],
  signal_tags: [],
  eligibility: {},
  predatory: false,
  partner_payout_cents: 1_000,
  ...o,
});

/** Education items of every persona and of none ("general"). */
const EDUCATION = (): EducationItem[] => [
  edu("hu-utilization", ["high_utilization"], ["credit.utilization"], "This read explains utilization."),
  edu("hu-interest", ["high_utilization"], ["credit.interest"]),
  edu("hu-minimum", ["high_utilization"], ["credit.minimum_payment", "credit.interest"]),
  edu("hu-overdue", ["high_utilization"], ["credit.overdue"]),
  edu("hu-paydown", ["high_utilization"], ["credit.utilization", "credit.interest"]),
  edu("hu-plain", ["high_utilization"], []),
  edu("p2p-overdraft", ["paycheck_to_paycheck"], ["fees.overdraft"]),
  edu("p2p-buffer", ["paycheck_to_paycheck"], ["income.buffer"]),
  edu("p2p-bills", ["paycheck_to_paycheck"], ["income.buffer", "fees.overdraft"]),
  edu("p2p-alerts", ["paycheck_to_paycheck"], ["fees.overdraft"]),
  edu("p2p-refund", ["paycheck_to_paycheck"], ["fees.overdraft"]),
  edu("vi-budget", ["variable_income_budgeter"], ["income.variability", "income.pay_gap"]),
  edu("vi-baseline", ["variable_income_budgeter"], ["income.variability"]),
  edu("vi-salary", ["variable_income_budgeter"], ["income.pay_gap", "income.buffer"]),
  edu("vi-taxes", ["variable_income_budgeter"], []),
  edu("vi-gaps", ["variable_income_budgeter", "paycheck_to_paycheck"], ["income.pay_gap", "income.buffer"]),
  edu("sub-audit", ["subscription_heavy"], ["subscriptions.count", "subscriptions.spend"]),
  edu("sub-keep", ["subscription_heavy"], ["subscriptions.count"]),
  edu("sub-annual", ["subscription_heavy"], ["subscriptions.spend"]),
  edu("sub-share", ["subscription_heavy"], ["subscriptions.share"]),
  edu("sub-alerts", ["subscription_heavy"], []),
  edu("sb-hysa", ["savings_builder"], ["savings.growth"]),
  edu("sb-automate", ["savings_builder"], ["savings.inflow"]),
  edu("sb-goals", ["savings_builder"], ["savings.growth", "savings.inflow"]),
  edu("sb-cd", ["savings_builder"], ["savings.growth"]),
  edu("sb-fund", ["savings_builder", "general"], ["savings.emergency_fund"]),
  edu("gen-snapshot", ["general"], []),
  edu("gen-budget", ["general"], []),
  edu("gen-scams", ["general"], []),
  edu("gen-goals", ["general"], []),
  edu("gen-fees", ["general"], ["fees.overdraft"]),
];

/** Offers of every kind the tests need; eligibility as data. */
const OFFERS = (): PartnerOffer[] => [
  offer({
    id: "o-bt-a",
    kind: "balance_transfer_card",
    persona_tags: ["high_utilization"],
    signal_tags: ["credit.utilization", "credit.interest"],
    eligibility: { min_monthly_income_cents: 250_000, min_utilization: 0.3, requires_no_overdue: true, requires_credit_card: true },
    max_apr_percentage: 27.99,
    partner_payout_cents: 15_000,
  }),
  offer({
    id: "o-bt-b",
    kind: "balance_transfer_card",
    persona_tags: ["high_utilization"],
    signal_tags: ["credit.utilization"],
    eligibility: { requires_credit_card: true },
    partner_payout_cents: 50_000,
  }),
  offer({
    id: "o-counsel",
    kind: "credit_counseling",
    persona_tags: ["high_utilization", "paycheck_to_paycheck"],
    signal_tags: ["credit.overdue", "fees.overdraft"],
    partner_payout_cents: 0,
  }),
  offer({
    id: "o-savings-starter",
    kind: "high_yield_savings",
    persona_tags: ["paycheck_to_paycheck", "general"],
    signal_tags: ["income.buffer"],
    eligibility: { excluded_if_holds: ["savings", "money market"] },
  }),
  offer({
    id: "o-mm",
    kind: "high_yield_savings",
    persona_tags: ["savings_builder"],
    signal_tags: ["savings.growth"],
    eligibility: { excluded_if_holds: ["money market"] },
  }),
  offer({ id: "o-cd", kind: "certificate_of_deposit", persona_tags: ["savings_builder"], signal_tags: ["savings.growth"] }),
  offer({ id: "o-trim", kind: "subscription_manager", persona_tags: ["subscription_heavy"], signal_tags: ["subscriptions.count"] }),
  offer({ id: "o-budget", kind: "budgeting_app", persona_tags: ["variable_income_budgeter"], signal_tags: ["income.variability"] }),
  offer({
    id: "o-cushion",
    kind: "overdraft_protection",
    persona_tags: ["paycheck_to_paycheck"],
    signal_tags: ["fees.overdraft"],
    eligibility: { requires_payroll: true },
  }),
];

/** A fresh copy on every call: tests may change items. */
export function testCatalog(): Catalog {
  return { education: EDUCATION(), offers: OFFERS() };
}

/** The drafts of a user with one card at 68% and interest charged (a High Utilization user), over testCatalog(). */
export function highUtilizationDrafts(): RecommendationDraft[] {
  const window = makeWindow({ credit: { cards: [makeCard({ balance_cents: 340_000, interest_charged_cents: 8_700 })] } });
  return recommend({
    user_id: "u1",
    window,
    personas: assignPersonas(window),
    accounts: [{ account_id: "chk", type: "depository", subtype: "checking" }],
    catalog: testCatalog(),
    now: "2025-06-30T12:00:00Z",
  });
}
