/** "Ask SpendSense": the pure parts (tools' results, templates, intents, rules). */
export * from "./constants";
export * from "./types";
export { FactSheet, CADENCE_WORDS, formatDayMonth, categoryWords } from "./facts";
export { readQuestion, isDataIntent, INTENT_TOOL, type ChatIntent, type DataIntent, type QuestionReading } from "./intents";
export { CHAT_MESSAGES, CHAT_PANEL_TEXT, TOOL_SOURCE_WORDS } from "./messages";
export { spendingByCategory, type CategorySpend, type SpendingByCategory } from "./spending";
export { renderToolAnswers, toolAnswer, needsDisclosure, pickSuggestions, listWords } from "./templates";
export { subscriptionsResult, cardsResult, savingsResult, incomeResult, spendingResult, suggestionsResult, countedSubscriptions, type ApprovedSuggestion } from "./tools";
