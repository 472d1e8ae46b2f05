/**
 * The fixed sentences of "Ask SpendSense": refusals, help, fallbacks and the panel's own words.
 * Customer-facing, so they live here and pass the tone check (messages.test.ts).
 */

export const CHAT_MESSAGES = {
  /** issue: "an advice question is refused" (kindly, with what we can do instead). */
  REFUSAL_ADVICE:
    "I can't tell you what to buy, sell, invest in or sign up for, because that would be personal financial advice. I can show you your own figures instead, like your subscriptions, card use, savings or pay.",
  /** issue: "Questions outside personal finance education get a short, kind refusal." */
  REFUSAL_OFF_TOPIC:
    "I can only help with questions about your own money, like your subscriptions, card use, savings, pay or recent spending. Is there something there I can look up for you?",
  HELP:
    "I can answer questions about your subscriptions, how much of your card limits you're using, how long your savings would last, when your pay arrives, where your money went recently, and the suggestions on your page.",
  GREETING: "Hi! Ask me about your subscriptions, card use, savings, pay, recent spending or the suggestions on your page.",
  /** Said first when a question names someone else: the tools only ever read the signed-in customer. */
  ONLY_OWN_DATA: "I can only look at your own data, so here is yours.",
  /** The grounded fallback when a model's sentence failed a check and no tool result can stand in. */
  FALLBACK_NO_DATA:
    "I couldn't check that answer against your own numbers, so I've left it out. You can ask about your subscriptions, card use, savings, pay or recent spending.",
  NOT_READY: "Your insights aren't ready yet. Once our next update runs, I can answer from your own numbers.",
} as const;

/** The panel's labels and states (components/me/chat-panel.tsx renders them). */
export const CHAT_PANEL_TEXT = {
  title: "Ask SpendSense",
  intro: "Ask about your own subscriptions, cards, savings, pay and spending. Answers come only from your data and are checked before you see them.",
  emptyTitle: "Not sure where to start? Try one of these:",
  starters: [
    "What do I spend on subscriptions?",
    "How is my card utilization?",
    "How many months would my savings cover?",
    "When does my pay come?",
    "What does this suggestion mean?",
  ],
  inputLabel: "Your question",
  placeholder: "Ask about your money…",
  send: "Send",
  stop: "Stop",
  loading: "Checking your numbers…",
  error: "Something went wrong and we couldn't answer just now. Please try again.",
  rateLimited: "You've asked a lot of questions in a short time. Please try again in a few minutes.",
  tooLong: "That question is a little long. Could you ask it in fewer words?",
  retry: "Try again",
  you: "You",
  assistant: "SpendSense",
  basedOn: "Based on your",
} as const;

/** How each tool's source reads after "Based on your" in the panel. */
export const TOOL_SOURCE_WORDS: Record<string, string> = {
  get_subscriptions: "subscriptions",
  get_card_utilization: "credit cards",
  get_savings: "savings",
  get_income: "pay",
  get_spending_by_category: "recent spending",
  get_suggestions: "suggestions",
};
