/**
 * POST /api/chat's work, for the signed-in customer only: reserve the turn (consent, rate limit),
 * read the conversation's earlier turns, answer through the tools bound to this customer, stream
 * the answer as the AI SDK's UI message stream, then store what the customer saw and log the
 * outcome (ids, check names and timings; never the question or the answer).
 */
import "server-only";
import { createUIMessageStream, type UIMessageChunk } from "ai";
import type { Actor } from "../../db/actor";
import { finishChatTurn, getChatHistory, getChatSignals, getChatSuggestions, getChatTransactions, reserveChatTurn } from "../../db/chat";
import { CHAT_HISTORY_TURNS, CHAT_SPENDING_WINDOW_DAYS } from "../../core/chat/constants";
import { spendingByCategory } from "../../core/chat/spending";
import type { ApprovedSuggestion } from "../../core/chat/tools";
import { getCatalog } from "../../content";
import type { ModelObject } from "../phrase";
import { chatAnswerEvents, type ChatEvent, type ChatTurnResult } from "./answer";
import type { ChatDataSource } from "./tools";

/** The tools' data source for one customer: every read passes the actor, and each runs at most once per turn. */
export function dbChatSource(actor: Actor, userId: string): ChatDataSource {
  const once = <T>(f: () => Promise<T>) => {
    let p: Promise<T> | null = null;
    return () => (p ??= f());
  };
  const catalog = getCatalog();
  return {
    signals: once(() => getChatSignals(actor, userId)),
    suggestions: once(async () => {
      const rows = await getChatSuggestions(actor, userId);
      return rows.map((r): ApprovedSuggestion => {
        const edu = catalog.education.find((e) => e.id === r.itemId);
        const offer = catalog.offers.find((o) => o.id === r.itemId);
        return { title: r.title, kind: r.kind, rationale: r.rationale, facts: r.facts, summary: edu?.summary ?? offer?.summary ?? null, body: edu?.body ?? [] };
      });
    }),
    spending: once(async () => {
      const t = await getChatTransactions(actor, userId, CHAT_SPENDING_WINDOW_DAYS);
      return t ? spendingByCategory(t.data, t.asOf, CHAT_SPENDING_WINDOW_DAYS) : null;
    }),
  };
}

/** The chat events as UI message stream chunks: text parts, then the disclosure and the sources as data parts. */
export function toUIMessageChunks(events: AsyncIterable<ChatEvent>, onDone: (turn: ChatTurnResult) => Promise<void>): ReadableStream<UIMessageChunk> {
  return createUIMessageStream({
    async execute({ writer }) {
      const id = "answer";
      let open = false;
      for await (const e of events) {
        if (e.type === "text") {
          if (!open) writer.write({ type: "text-start", id });
          open = true;
          writer.write({ type: "text-delta", id, delta: e.text });
        } else if (e.type === "disclosure") {
          if (open) writer.write({ type: "text-end", id });
          open = false;
          writer.write({ type: "data-disclosure", data: { text: e.text } });
        } else if (e.type === "done") {
          if (open) writer.write({ type: "text-end", id });
          open = false;
          if (e.turn.tools.length) writer.write({ type: "data-sources", data: { tools: [...new Set(e.turn.tools)] } });
          await onDone(e.turn);
        }
      }
    },
    onError: () => "We couldn't finish this answer. Please try again.",
  });
}

export interface StartChatInput {
  conversationId: string;
  question: string;
  model?: ModelObject;
  abortSignal?: AbortSignal;
  /** Where the outcome line goes (default console.info: the server's log). */
  log?: (line: string) => void;
}

/**
 * Starts one answer for the signed-in customer. Authorizes, checks consent and the rate limit
 * before it returns (so those are statuses, not a broken stream): ForbiddenError,
 * ConsentRequiredError, RateLimitedError, NotFoundError.
 */
export async function startChat(actor: Actor, input: StartChatInput): Promise<ReadableStream<UIMessageChunk>> {
  const userId = actor.id;
  const history = await getChatHistory(actor, userId, input.conversationId, CHAT_HISTORY_TURNS);
  const { id } = await reserveChatTurn(actor, userId, { conversationId: input.conversationId, question: input.question });
  const events = chatAnswerEvents({ question: input.question, history, source: dbChatSource(actor, userId), model: input.model, abortSignal: input.abortSignal });
  return toUIMessageChunks(events, async (turn) => {
    await finishChatTurn(actor, userId, id, turn);
    (input.log ?? console.info)(
      JSON.stringify({
        event: "chat_turn", turn_id: id, user_id: userId, outcome: turn.outcome, reason: turn.reason, model_id: turn.modelId,
        tools: turn.tools, disclosure: turn.disclosure, first_token_ms: turn.firstTokenMs, answer_ms: turn.answerMs,
      }),
    );
  });
}
