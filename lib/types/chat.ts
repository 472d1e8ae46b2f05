/** What lib/db/chat.ts hands to pages: the operators' read-only transcript. Types only. */

export interface ChatSentenceView {
  text: string;
  source: "model" | "fallback" | "fixed";
  passed: boolean;
  failures: string[];
}

/** What one finished turn records (lib/ai/chat/answer.ts's result, as lib/db/chat.ts stores it). */
export interface ChatTurnRecord {
  outcome: "answer" | "fallback" | "refusal";
  answer: string;
  reason: string | null;
  modelId: string | null;
  tools: string[];
  sentences: ChatSentenceView[];
  disclosure: boolean;
  firstTokenMs: number | null;
  answerMs: number;
}

/** Operators: one stored turn. */
export interface ChatTurnView extends Omit<ChatTurnRecord, "outcome" | "answerMs"> {
  id: string;
  conversationId: string;
  question: string;
  /** "pending" | "answer" | "fallback" | "refusal" */
  outcome: string;
  answerMs: number | null;
  createdAt: string;
}

/** issue 13: the evaluation counts answers, fallbacks and refusals. */
export interface ChatCounts {
  answers: number;
  fallbacks: number;
  refusals: number;
  /** Turns reserved whose answer was never finished (a dropped connection, a crash). */
  unfinished: number;
  total: number;
}
