/**
 * Shapes of "Ask SpendSense": what each read-only tool returns. `data` is what a model reads (every
 * number already written as it reads in a sentence: "$45.97", "68%", "2.5 months", "2026-11-10"),
 * `facts` and `dates` are what the output checks ground the answer against (never sent to a model).
 */
import type { Fact } from "../shared/types";

export const CHAT_TOOL_NAMES = [
  "get_subscriptions",
  "get_card_utilization",
  "get_savings",
  "get_income",
  "get_spending_by_category",
  "get_suggestions",
] as const;
export type ChatToolName = (typeof CHAT_TOOL_NAMES)[number];

/** A calendar date a tool returned (a subscription's next charge, the last paycheck). */
export interface DateFact {
  key: string;
  label: string;
  /** YYYY-MM-DD */
  date: string;
  subject?: string;
}

export interface SubscriptionItem {
  merchant: string;
  /** The latest charge. */
  amount: string;
  /** "monthly", "every week", … */
  frequency: string;
  monthly_equivalent: string;
  last_charge: string;
  next_charge: string;
}
export interface SubscriptionsData {
  window: string;
  subscription_count: number;
  monthly_total: string;
  share_of_spending: string;
  subscriptions: SubscriptionItem[];
}

export interface CardItem {
  card: string;
  /** null when the bank sent no balance (unknown is never zero) */
  balance: string | null;
  limit: string | null;
  utilization: string | null;
  /** The brief's 30/50/80% flags the card is at or above, as percents ("30%"). */
  at_or_above: string[];
  interest_charged: string;
  minimum_payment_only: boolean;
  overdue: boolean;
}
export interface CardsData {
  window: string;
  cards: CardItem[];
  /** The 30% line the brief flags (CREDIT_UTILIZATION_TARGET_BELOW). */
  reference_utilization: string;
}

export interface SavingsData {
  window: string;
  has_savings_account: boolean;
  savings_balance: string | null;
  monthly_net_inflow: string | null;
  growth: string | null;
  emergency_fund_months: string | null;
  /** How long the savings would last, in words: "about 2.5 months", "less than a week", "more than a year". */
  savings_would_cover: string | null;
  average_monthly_spending: string | null;
  /** A common emergency-fund goal (EMERGENCY_FUND_TARGET_MONTHS). */
  reference_months: string;
}

export interface IncomeData {
  window: string;
  payroll_detected: boolean;
  /** "every two weeks", … or null. */
  frequency: string | null;
  median_gap: string | null;
  paycheck_count: number;
  average_paycheck: string | null;
  /** Whether paycheck amounts vary (coefficient of variation at or above INCOME_VARIABILITY_NOTABLE_MIN). */
  amounts_vary: boolean;
  last_pay_date: string | null;
  next_pay_date: string | null;
  payer: string | null;
  cash_flow_buffer: string | null;
  /** How long the checking balance would last, in words (as savings_would_cover). */
  checking_would_cover: string | null;
}

export interface CategoryItem {
  category: string;
  amount: string;
  share: string;
}
export interface SpendingData {
  window: string;
  total: string;
  categories: CategoryItem[];
  /** The categories beyond CHAT_SPENDING_TOP_CATEGORIES, summed; null when there are none. */
  everything_else: string | null;
}

export interface SuggestionItem {
  title: string;
  kind: "education" | "offer";
  /** Why it is on the customer's page (the approved rationale). */
  why: string;
  summary: string | null;
  /** The catalog's education text (paragraphs). */
  text: string[];
}
export interface SuggestionsData {
  suggestions: SuggestionItem[];
}

export interface ToolDataByName {
  get_subscriptions: SubscriptionsData;
  get_card_utilization: CardsData;
  get_savings: SavingsData;
  get_income: IncomeData;
  get_spending_by_category: SpendingData;
  get_suggestions: SuggestionsData;
}

/** What a tool returns before the pipeline has computed the customer's signals. */
export interface NotReadyData {
  not_ready: true;
}

export interface ToolResult<N extends ChatToolName = ChatToolName> {
  tool: N;
  data: ToolDataByName[N] | NotReadyData;
  facts: Fact[];
  dates: DateFact[];
}

/** A result with data (what every builder in ./tools.ts returns). */
export interface ReadyToolResult<N extends ChatToolName = ChatToolName> extends ToolResult<N> {
  data: ToolDataByName[N];
}

/** Any tool's result, discriminated by `tool`. */
export type AnyToolResult = { [N in ChatToolName]: ToolResult<N> }[ChatToolName];

/** How an answer ended: the model's checked text, a grounded fallback, or a refusal. */
export type ChatOutcome = "answer" | "fallback" | "refusal";
