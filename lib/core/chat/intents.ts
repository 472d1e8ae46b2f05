/**
 * What a customer's question is about, read from its words (deterministic; no model). The chat
 * runs this before any model: advice requests and questions outside personal finance get a short,
 * kind refusal whatever the provider; the local provider also uses it to pick the tool to call.
 */
import type { ChatToolName } from "./types";

export type DataIntent = "subscriptions" | "cards" | "savings" | "income" | "spending" | "suggestions";
export type ChatIntent = DataIntent | "advice" | "off_topic" | "greeting" | "help";

export interface QuestionReading {
  intent: ChatIntent;
  /** The question names another person or account holder (an email address, "user id …", "someone else"). */
  namesSomeoneElse: boolean;
}

export const INTENT_TOOL: Record<DataIntent, ChatToolName> = {
  subscriptions: "get_subscriptions",
  cards: "get_card_utilization",
  savings: "get_savings",
  income: "get_income",
  spending: "get_spending_by_category",
  suggestions: "get_suggestions",
};

/** Requests for a personal financial decision: what to buy, sell, invest in, open or cancel. */
const ADVICE = [
  /\bshould\s+i\b/,
  /\b(?:what|which|where|how\s+much)\b[^?.!]{0,40}\b(?:should|do\s+you\s+recommend|would\s+you\s+(?:pick|choose|buy|do))\b/,
  /\binvest(?:ing)?\b/,
  /\b(?:buy|sell|short|trade)\s+(?:some\s+|more\s+)?(?:stocks?|shares|bonds|crypto\w*|bitcoin|ethereum|etfs?|index\s+funds?|gold|options)\b/,
  /\b(?:good|best|smart|wise|safe)\s+(?:investments?|stocks?|funds?|time\s+to\s+(?:buy|sell|invest))\b/,
  /\brecommend\s+(?:me\s+)?(?:a|an|some|which|the\s+best)\b/,
  /\bis\s+it\s+(?:a\s+good\s+idea|smart|wise|worth\s+it)\b/,
  /\b(?:tell|advise)\s+me\s+(?:what|how\s+much|where|whether|which)\b/,
  /\b(?:stocks?|crypto\w*|bitcoin|etfs?|mutual\s+funds?)\b/,
];

/** Data intents in priority order: the first that matches wins ("spend on subscriptions" is subscriptions). */
const DATA_INTENTS: [DataIntent, RegExp][] = [
  ["suggestions", /\b(?:suggest(?:ion|ed)?s?|recommendations?|articles?|offers?|why\s+(?:am\s+i|do\s+i)\s+see)\b|\bwhat\s+does\s+(?:this|that|it)\s+mean\b/],
  ["subscriptions", /\b(?:subscriptions?|subscribed|recurring|streaming|memberships?|renew(?:s|al|ing)?|netflix|spotify|hulu|disney)\b/],
  ["cards", /\b(?:utili[sz]ation|credit\s+cards?|cards?|credit\s+limits?|limits?|credit\s+score|interest|apr|minimum\s+payments?)\b/],
  ["savings", /\b(?:savings?|save|saved|emergency\s+fund|rainy\s+day|cushion|how\s+many\s+months|months?\s+(?:would|could|will)\b)/],
  ["income", /\b(?:pay|paid|paycheck|paychecks|payday|salary|income|wages?|direct\s+deposit|earn(?:ings)?)\b/],
  ["spending", /\b(?:spend|spending|spent|categor(?:y|ies)|where\s+(?:does|did)\s+my\s+money|expenses?|purchases?|budget)\b/],
];

/** Words of personal finance: a question with none of them (and no data intent) is off topic. */
const FINANCE = /\b(?:money|bank|banking|account|accounts|balance|balances|debt|debts|loan|loans|credit|finance|finances|financial|bill|bills|fee|fees|overdraft|dollars?|cash|checking|statement|mortgage|rent|tax(?:es)?|afford|cost|costs|price|charges?|transactions?|deposit|withdraw\w*|transfer\w*|interest|apr|score|retire\w*|insurance|net\s+worth|emergency|fund|funds)\b|\$\s?\d/;

const GREETING = /^(?:hi|hello|hey|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|thx)\b[\s!.,]*(?:there|spendsense)?[\s!.]*$/;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const SOMEONE_ELSE = /\b(?:someone\s+else|somebody\s+else|other\s+(?:users?|customers?|people|person)|another\s+(?:user|customer|person|account\s+holder)|all\s+(?:users|customers)|(?:user|customer)[_-]\w+|(?:user|customer)(?:\s+(?:id|number))?\s*[:#=]?\s*(?=[a-z0-9-]*[\d_])[a-z0-9][\w-]*)/;

/** The question the "Explain this" button of an opened suggestion sends (components/me/explain-this.tsx). */
export function explainQuestion(title: string): string {
  return `Explain the suggestion "${title}"`;
}
/** That question: about one suggestion, whatever words its title holds (a title like "Investing basics" is not an advice request). */
const EXPLAIN = /^explain the suggestion "[^"]+"$/;

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, " ").trim();
}

export function readQuestion(question: string): QuestionReading {
  const t = normalize(question);
  const namesSomeoneElse = EMAIL.test(question) || SOMEONE_ELSE.test(t);
  if (GREETING.test(t)) return { intent: "greeting", namesSomeoneElse };
  if (EXPLAIN.test(t)) return { intent: "suggestions", namesSomeoneElse };
  if (ADVICE.some((re) => re.test(t))) return { intent: "advice", namesSomeoneElse };
  for (const [intent, re] of DATA_INTENTS) if (re.test(t)) return { intent, namesSomeoneElse };
  return { intent: FINANCE.test(t) ? "help" : "off_topic", namesSomeoneElse };
}

export function isDataIntent(intent: ChatIntent): intent is DataIntent {
  return intent in INTENT_TOOL;
}
