/**
 * Grounded answers from the tools' results: every number is a display the tool returned, so each
 * answer passes the output checks by construction (lib/ai/chat/roundtrip.test.ts proves it over
 * varied customers). The local provider speaks these; the chat falls back to them when a model's
 * sentence fails a check. Plain, kind words; describe the situation, never the person.
 */
import { formatDayMonth } from "./facts";
import { isDataIntent, type ChatIntent } from "./intents";
import { CHAT_MESSAGES } from "./messages";
import type {
  AnyToolResult,
  CardsData,
  IncomeData,
  NotReadyData,
  SavingsData,
  SpendingData,
  SubscriptionsData,
  SuggestionsData,
} from "./types";

const isNotReady = (d: object): d is NotReadyData => "not_ready" in d;

/** "a, b and c" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function subscriptionsAnswer(d: SubscriptionsData): string[] {
  if (d.subscription_count === 0) return [`We don't see any subscriptions that renew on a regular schedule in your ${d.window}.`];
  const noun = d.subscription_count === 1 ? "subscription that renews" : "subscriptions that renew";
  const out = [`You have ${d.subscription_count} ${noun} on a schedule, ${d.monthly_total} a month together.`];
  for (const s of d.subscriptions) out.push(`${s.merchant}: ${s.amount} ${s.frequency}, next expected on ${formatDayMonth(s.next_charge)}.`);
  out.push(`Subscriptions made up ${d.share_of_spending} of your spending in the ${d.window}.`);
  return out;
}

function cardsAnswer(d: CardsData): string[] {
  if (d.cards.length === 0) return ["We don't see a credit card in your accounts."];
  const out: string[] = [];
  for (const c of d.cards) {
    if (c.utilization !== null && c.limit !== null && c.balance !== null) out.push(`Your ${c.card} is using ${c.utilization} of its limit (${c.balance} of ${c.limit}).`);
    else if (c.balance === null) out.push(`Your bank didn't send a balance for your ${c.card}, so its utilization isn't known.`);
    else out.push(`Your ${c.card} has a balance of ${c.balance}. We don't see its limit, so its utilization isn't known.`);
  }
  if (d.cards.some((c) => c.at_or_above.length > 0)) {
    out.push(`Keeping each card under ${d.reference_utilization} of its limit is one of the things that can help a credit score over time.`);
  }
  for (const c of d.cards) if (c.interest_charged !== "$0") out.push(`Interest of ${c.interest_charged} was charged on your ${c.card} in the ${d.window}.`);
  return out;
}

function savingsAnswer(d: SavingsData): string[] {
  if (!d.has_savings_account) return ["We don't see a savings account in your data yet, so there is no savings figure to show."];
  if (d.savings_balance === null) return ["Your bank didn't send the balance of your savings, so there is no savings figure to show."];
  const out = [`Your savings balance is ${d.savings_balance}.`];
  if (d.savings_would_cover !== null && d.average_monthly_spending !== null) {
    out.push(`That would cover ${d.savings_would_cover} of your usual spending of ${d.average_monthly_spending} a month.`);
    out.push(`A common goal for an emergency fund is ${d.reference_months} of spending.`);
  }
  const inflow = d.monthly_net_inflow;
  if (inflow !== null && inflow !== "$0") {
    out.push(
      inflow.startsWith("-")
        ? `Over the ${d.window}, on average ${inflow.slice(1)} a month more came out of savings than went in.`
        : `Over the ${d.window}, on average ${inflow} a month went into savings.`,
    );
  }
  return out;
}

function incomeAnswer(d: IncomeData): string[] {
  if (!d.payroll_detected) return [`We don't see regular pay coming in during the ${d.window}.`];
  const out = [d.frequency ? `Your pay usually arrives ${d.frequency}${d.median_gap ? `, about ${d.median_gap} apart` : ""}.` : "We can see regular pay coming in."];
  if (d.last_pay_date && d.next_pay_date) {
    out.push(`The last paycheck came on ${formatDayMonth(d.last_pay_date)}, and the next one is expected around ${formatDayMonth(d.next_pay_date)}.`);
  }
  if (d.average_paycheck) out.push(`There were ${d.paycheck_count} paychecks in the ${d.window}, ${d.average_paycheck} on average.`);
  if (d.amounts_vary) out.push("The amounts vary from one paycheck to the next.");
  if (d.checking_would_cover) out.push(`Your checking balance would cover ${d.checking_would_cover} of your usual spending.`);
  return out;
}

function spendingAnswer(d: SpendingData): string[] {
  if (d.categories.length === 0) return [`We don't see any spending in your ${d.window}.`];
  const list = listWords(d.categories.map((c) => `${c.category} (${c.amount}, ${c.share})`));
  const out = [`In the ${d.window} you spent ${d.total} in total.`, `The largest ${d.categories.length === 1 ? "category was" : "categories were"} ${list}.`];
  if (d.everything_else) out.push(`Everything else came to ${d.everything_else}.`);
  return out;
}

const STOPWORDS = new Set(["what", "does", "this", "that", "mean", "about", "your", "with", "from", "suggestion", "suggestions", "article", "offer", "when", "which", "have", "they", "them", "work", "works"]);
const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 3 && !STOPWORDS.has(w)));

/** The suggestions a question names: the one whose whole title it quotes, else those sharing its title's words; all of them when it names none. */
export function pickSuggestions<T extends { title: string }>(items: readonly T[], question: string): T[] {
  const quoted = items.filter((s) => question.toLowerCase().includes(`"${s.title.toLowerCase()}"`));
  if (quoted.length) return quoted;
  const asked = words(question);
  const named = items.filter((s) => [...words(s.title)].some((w) => asked.has(w)));
  return named.length ? named : [...items];
}

/** At most this many suggestions are explained in one answer (the page lists them all). */
const SUGGESTIONS_PER_ANSWER = 3;

function suggestionsAnswer(d: SuggestionsData, question: string): string[] {
  if (d.suggestions.length === 0) return ["You don't have any approved suggestions yet. Our team reviews each one before it appears on your page."];
  return pickSuggestions(d.suggestions, question)
    .slice(0, SUGGESTIONS_PER_ANSWER)
    .map((s) => {
      const about = s.summary ?? s.text[0] ?? "";
      const kind = s.kind === "offer" ? "a partner offer" : "a short read";
      return `"${s.title}" is ${kind}: ${about} Why it's on your page: ${s.why}`;
    });
}

/** The grounded answer to one tool result, as sentences. */
export function toolAnswer(r: AnyToolResult, question: string): string[] {
  if (isNotReady(r.data)) return [CHAT_MESSAGES.NOT_READY];
  switch (r.tool) {
    case "get_subscriptions":
      return subscriptionsAnswer(r.data as SubscriptionsData);
    case "get_card_utilization":
      return cardsAnswer(r.data as CardsData);
    case "get_savings":
      return savingsAnswer(r.data as SavingsData);
    case "get_income":
      return incomeAnswer(r.data as IncomeData);
    case "get_spending_by_category":
      return spendingAnswer(r.data as SpendingData);
    case "get_suggestions":
      return suggestionsAnswer(r.data as SuggestionsData, question);
  }
}

/** The answer to several tool results (one per tool, in call order). */
export function renderToolAnswers(results: readonly AnyToolResult[], question: string): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const r of results) {
    if (seen.has(r.tool)) continue;
    seen.add(r.tool);
    const sentences = toolAnswer(r, question);
    if (!texts.includes(sentences.join(" "))) texts.push(sentences.join(" "));
  }
  return texts.join(" ");
}

/**
 * issue: "the disclosure on any answer that touches money decisions": an answer built on the
 * customer's data, about one of the data topics, refusing advice, or a model's answer to another
 * money question. A greeting, the list of what we can answer and an off-topic refusal do not.
 */
export function needsDisclosure(a: { intent: ChatIntent; toolsUsed: number; modelText: boolean }): boolean {
  if (a.toolsUsed > 0 || a.intent === "advice" || isDataIntent(a.intent)) return true;
  return a.intent === "help" && a.modelText;
}
