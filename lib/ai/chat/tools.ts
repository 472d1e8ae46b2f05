/**
 * The chat's read-only tools, as the AI SDK declares them to a model. None takes an argument: the
 * data source is bound to the signed-in customer by the caller (the session decides whose data a
 * tool reads; whatever a model puts in a call's input is dropped by the empty schema). Each result
 * is recorded (data, facts, dates) so the answer can be checked against it.
 */
import { tool, type ToolSet } from "ai";
import { z } from "zod";
import { CHAT_SPENDING_WINDOW_DAYS } from "../../core/chat/constants";
import { cardsResult, incomeResult, savingsResult, spendingResult, subscriptionsResult, suggestionsResult, type ApprovedSuggestion } from "../../core/chat/tools";
import type { SpendingByCategory } from "../../core/chat/spending";
import type { AnyToolResult, ChatToolName } from "../../core/chat/types";
import type { Fact } from "../../core/shared/types";
import type { WindowSignals } from "../../core/signals/types";
import { extractNumbers } from "../numbers";
import type { ChatGround } from "./checks";

/** The signed-in customer's data, as the tools read it (lib/db/chat.ts, bound to the session's actor). */
export interface ChatDataSource {
  signals(): Promise<{ w30: WindowSignals | null; w180: WindowSignals | null }>;
  suggestions(): Promise<ApprovedSuggestion[]>;
  spending(): Promise<SpendingByCategory | null>;
}

export const TOOL_DESCRIPTIONS: Record<ChatToolName, string> = {
  get_subscriptions: "The customer's subscriptions that renew on a schedule: count, monthly total, share of spending, and each one's amount, cadence, last and next charge date (last 30 days).",
  get_card_utilization: "The customer's credit cards: balance, limit, utilization (share of the limit in use), the 30/50/80% lines it is at or above, interest charged, minimum-payment-only and overdue flags (last 30 days).",
  get_savings: "The customer's savings: balance, average net amount into savings per month, growth, how many months of usual spending the savings would cover, average monthly spending (last 180 days).",
  get_income: "The customer's pay: whether regular pay was detected, how often it arrives, typical days between paychecks, paycheck count and average, last and next expected pay date, how many months of spending the checking balance covers (last 180 days).",
  get_spending_by_category: "The customer's spending in the last 30 days: total and the largest categories with amounts and shares.",
  get_suggestions: "The suggestions an operator approved for the customer's page: title, kind, why it was picked, summary and the article's text.",
};

/** Facts for the numbers in catalog text a tool returned ("A $1,500 balance on a $5,000 limit"). */
function textFacts(paragraphs: readonly string[], prefix: string): Fact[] {
  const facts: Fact[] = [];
  for (const [i, p] of paragraphs.entries()) {
    for (const n of extractNumbers(p)) {
      const key = `${prefix}.${i}.${facts.length}`;
      const label = "Example in the article";
      if (n.kind === "usd") facts.push({ key, label, value: n.value, unit: "usd_cents", display: n.raw });
      else if (n.kind === "percent") facts.push({ key, label, value: n.value / 100, unit: "ratio", display: n.raw });
      else if (n.kind === "quantity") facts.push({ key, label, value: n.value, unit: n.unit === "month" ? "months" : n.unit === "day" ? "days" : "count", display: n.raw });
    }
  }
  return facts;
}

const notReady = <N extends ChatToolName>(tool: N): AnyToolResult => ({ tool, data: { not_ready: true }, facts: [], dates: [] }) as AnyToolResult;

/** Runs one tool over the source (the same code for a model's call and for a fallback). */
export async function runChatTool(name: ChatToolName, source: ChatDataSource): Promise<AnyToolResult> {
  switch (name) {
    case "get_subscriptions":
    case "get_card_utilization": {
      const { w30 } = await source.signals();
      if (!w30) return notReady(name);
      return name === "get_subscriptions" ? subscriptionsResult(w30) : cardsResult(w30);
    }
    case "get_savings":
    case "get_income": {
      const { w180 } = await source.signals();
      if (!w180) return notReady(name);
      return name === "get_savings" ? savingsResult(w180) : incomeResult(w180);
    }
    case "get_spending_by_category": {
      const s = await source.spending();
      return s ? spendingResult(s.categories, s.total_cents, CHAT_SPENDING_WINDOW_DAYS) : notReady(name);
    }
    case "get_suggestions": {
      const items = await source.suggestions();
      const r = suggestionsResult(items);
      const text = r.data.suggestions.flatMap((s) => [s.summary ?? "", ...s.text]);
      return { ...r, facts: [...r.facts, ...textFacts(text, "catalog")] };
    }
  }
}

/** Names a result carries whose digits are names, not claims. */
function namesOf(r: AnyToolResult): string[] {
  const d = r.data as unknown as Record<string, unknown>;
  const out: string[] = [];
  for (const list of ["subscriptions", "cards", "categories"]) {
    for (const item of (d[list] as Record<string, unknown>[] | undefined) ?? []) {
      for (const k of ["merchant", "card", "category"]) if (typeof item[k] === "string") out.push(item[k] as string);
    }
  }
  if (typeof d.payer === "string") out.push(d.payer);
  return out;
}

/** Adds one tool result to what the answer is checked against. */
export function addToGround(ground: ChatGround, r: AnyToolResult): void {
  ground.facts.push(...r.facts);
  ground.dates.push(...r.dates);
  ground.sumGroups.push(r.facts.filter((f) => f.unit === "usd_cents").map((f) => Math.round(f.value)));
  ground.names.push(...namesOf(r));
  if (r.tool === "get_suggestions" && !("not_ready" in r.data)) ground.eligibleTitles.push(...r.data.suggestions.map((s) => s.title));
}

/** The tools a model may call this turn; every result is passed to `onResult` before the model sees it. */
export function chatToolSet(source: ChatDataSource, onResult: (r: AnyToolResult) => void): ToolSet {
  const tools: ToolSet = {};
  for (const name of Object.keys(TOOL_DESCRIPTIONS) as ChatToolName[]) {
    tools[name] = tool({
      description: TOOL_DESCRIPTIONS[name],
      inputSchema: z.object({}),
      execute: async () => {
        const r = await runChatTool(name, source);
        onResult(r);
        return r.data;
      },
    });
  }
  return tools;
}
