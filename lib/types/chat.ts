/** What lib/db/chat.ts hands to pages: the operators' read-only transcript. Types only. */

export interface ChatSentenceView {
  text: string;
  source: "model" | "fallback" | "fixed";
  passed: boolean;
  failures: string[];
}

export interface ChatTurnView {
  id: string;
  conversationId: string;
  question: string;
  answer: string;
  /** "pending" | "answer" | "fallback" | "refusal" */
  outcome: string;
  reason: string | null;
  modelId: string | null;
  tools: string[];
  sentences: ChatSentenceView[];
  disclosure: boolean;
  firstTokenMs: number | null;
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
