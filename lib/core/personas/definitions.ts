import type { PersonaId } from "./constants";

export interface PersonaDefinition {
  id: PersonaId;
  name: string;
  /** The criteria in words (the constants in ./constants.ts are the source of truth). */
  criteria: string;
  /** What education for this persona concentrates on. */
  focus: string;
}

export const PERSONAS: Record<PersonaId, PersonaDefinition> = {
  high_utilization: {
    id: "high_utilization",
    name: "High Utilization",
    criteria:
      "Any card utilization ≥ 50%, OR interest charged > 0, OR minimum-payment-only, OR a card is overdue.",
    focus: "Reducing utilization and interest: payment planning, autopay, how utilization affects credit scores.",
  },
  variable_income_budgeter: {
    id: "variable_income_budgeter",
    name: "Variable Income Budgeter",
    criteria: "Median gap between paychecks > 45 days AND cash-flow buffer < 1 month.",
    focus: "Budgeting on irregular income: percent-based budgets, a baseline month, smoothing income with a buffer.",
  },
  subscription_heavy: {
    id: "subscription_heavy",
    name: "Subscription-Heavy",
    criteria:
      "Recurring merchants ≥ 3 AND (monthly recurring spend ≥ $50 OR subscription share of spend ≥ 10%).",
    focus: "Subscription audits, cancellation and negotiation tips, alerts before renewals.",
  },
  savings_builder: {
    id: "savings_builder",
    name: "Savings Builder",
    criteria:
      "(Savings growth ≥ 2% over the window OR net savings inflow ≥ $200/month) AND every card utilization < 30% (vacuously true with no cards).",
    focus: "Goal setting, automating savings, where to keep savings (high-yield accounts, CDs).",
  },
  paycheck_to_paycheck: {
    id: "paycheck_to_paycheck",
    name: "Paycheck-to-Paycheck",
    criteria: "An overdraft or insufficient-funds fee in the window AND cash-flow buffer < 1 month.",
    focus: "Building a first buffer, avoiding overdrafts, timing bills to paydays.",
  },
};
