/**
 * One chat answer: the question is read first (advice and off-topic questions get a fixed, kind
 * refusal before any model runs); otherwise the chat model (OpenAI or the local provider) answers
 * through the read-only tools with streamText. Text is released one sentence at a time, and only
 * after the sentence passes every check against what the tools returned (./checks.ts). The first
 * failing sentence is never shown: the model is stopped and a grounded fallback (the templates over
 * the tools' results) takes its place; the reason is recorded. Never throws: errors become fallbacks.
 */
import { stepCountIs, streamText, type ModelMessage } from "ai";
import { DISCLOSURE } from "../../core/guardrails/constants";
import { CHAT_MAX_STEPS } from "../../core/chat/constants";
import { INTENT_TOOL, isDataIntent, readQuestion, type QuestionReading } from "../../core/chat/intents";
import { CHAT_MESSAGES } from "../../core/chat/messages";
import { needsDisclosure, renderToolAnswers } from "../../core/chat/templates";
import type { AnyToolResult, ChatOutcome, ChatToolName } from "../../core/chat/types";
import type { ChatSentenceView, ChatTurnRecord } from "../../types/chat";
import type { ProductName } from "../checks";
import { getChatModel } from "../model";
import { catalogProducts, errorReason, type ModelObject } from "../phrase";
import { checkChatText, chatFailureReason, emptyGround, type ChatGround } from "./checks";
import { chatSystemPrompt } from "./prompt";
import { addToGround, chatToolSet, runChatTool, type ChatDataSource } from "./tools";

/** One sentence shown or withheld: "model" wrote it, "fallback" replaced a failing one, "fixed" is ours. */
export type SentenceRecord = ChatSentenceView;

/** How the answer ended, what the customer saw (without the disclosure), every sentence's checks, timings. */
export interface ChatTurnResult extends ChatTurnRecord {
  outcome: ChatOutcome;
  tools: ChatToolName[];
}

export type ChatEvent =
  | { type: "tool"; name: ChatToolName }
  | { type: "text"; text: string }
  | { type: "disclosure"; text: string }
  | { type: "done"; turn: ChatTurnResult };

export interface AnswerInput {
  question: string;
  /** Earlier turns of this conversation, oldest first, as the customer saw them. */
  history?: readonly { question: string; answer: string }[];
  /** The signed-in customer's data (the tools read nothing else). */
  source: ChatDataSource;
  /** Defaults to getChatModel(). */
  model?: ModelObject;
  products?: readonly ProductName[];
  /** AI SDK retries; default 0 (fail fast, fall back). */
  maxRetries?: number;
  abortSignal?: AbortSignal;
}

/** A sentence ends at . ! or ? (and a closing quote or bracket) before a space; not after "Nov." or "e.g.". */
const SENTENCE_END = /(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|vs|Mr|Mrs|Ms|Dr|St))[.!?]["')\]]?\s+/g;

/** End of the last complete sentence in `s` (after its closing punctuation and spaces), or 0. */
function lastSentenceEnd(s: string): number {
  let end = 0;
  for (const m of s.matchAll(SENTENCE_END)) end = (m.index ?? 0) + m[0].length;
  return end;
}

/** Splits text into sentences (each with its trailing spaces) that concatenate back to it. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const FIXED_ANSWERS: Partial<Record<QuestionReading["intent"], string>> = {
  advice: CHAT_MESSAGES.REFUSAL_ADVICE,
  off_topic: CHAT_MESSAGES.REFUSAL_OFF_TOPIC,
  greeting: CHAT_MESSAGES.GREETING,
};

/** The state of one answer while it streams. */
class Turn {
  readonly t0 = performance.now();
  readonly sentences: SentenceRecord[] = [];
  readonly tools: ChatToolName[] = [];
  readonly results: AnyToolResult[] = [];
  readonly ground: ChatGround = emptyGround();
  shown = "";
  firstTokenMs: number | null = null;
  failure: string | null = null;

  constructor(readonly question: string, readonly reading: QuestionReading, readonly products: readonly ProductName[]) {}

  /** Text released to the customer. */
  show(text: string, source: SentenceRecord["source"]): ChatEvent {
    if (this.firstTokenMs === null) this.firstTokenMs = Math.round(performance.now() - this.t0);
    if (source !== "model") this.sentences.push({ text: text.trim(), source, passed: true, failures: [] });
    this.shown += text;
    return { type: "text", text };
  }

  /** Checks one model sentence; records it. True when it may be shown. */
  check(sentence: string): boolean {
    const checks = checkChatText(sentence.trim(), this.ground, this.products);
    const failed = checks.filter((c) => !c.passed);
    this.sentences.push({ text: sentence.trim(), source: "model", passed: failed.length === 0, failures: failed.flatMap((c) => c.found.map((f) => `${c.name}: ${f}`)) });
    if (failed.length) this.failure = chatFailureReason(checks);
    return failed.length === 0;
  }

  addResult(r: AnyToolResult): void {
    this.results.push(r);
    addToGround(this.ground, r);
  }

  finish(outcome: ChatOutcome, modelId: string | null, modelText: boolean): ChatEvent[] {
    const disclosure = needsDisclosure({ intent: this.reading.intent, toolsUsed: this.results.length, modelText });
    const turn: ChatTurnResult = {
      outcome, answer: this.shown.trim(), reason: this.failure, modelId, tools: [...this.tools], sentences: this.sentences, disclosure,
      firstTokenMs: this.firstTokenMs, answerMs: Math.round(performance.now() - this.t0),
    };
    return [...(disclosure ? [{ type: "disclosure" as const, text: DISCLOSURE }] : []), { type: "done", turn }];
  }
}

/** A sentence of our own disclosure the model copied: dropped (we show the disclosure ourselves). */
const isDisclosureCopy = (s: string) => s.trim().length > 0 && DISCLOSURE.includes(s.trim());

/** Streams the model through the tools, releasing each sentence once it passes the checks. */
async function* modelText(turn: Turn, model: ModelObject, input: AnswerInput): AsyncGenerator<ChatEvent> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  input.abortSignal?.addEventListener("abort", onAbort);
  let buffer = "";
  let released = 0;
  let newStep = false;
  /** Checks and shows each sentence of buffer[released, end), one at a time; false at the first failure. */
  const release = function* (end: number): Generator<ChatEvent, boolean> {
    for (const sentence of sentences(buffer.slice(released, end))) {
      released += sentence.length;
      if (!sentence.trim() || isDisclosureCopy(sentence)) continue;
      if (!turn.check(sentence)) return false;
      yield turn.show(sentence, "model");
    }
    return true;
  };
  try {
    const history: ModelMessage[] = (input.history ?? []).flatMap((h) => [
      { role: "user" as const, content: h.question },
      { role: "assistant" as const, content: h.answer },
    ]);
    const result = streamText({
      model, system: chatSystemPrompt(), messages: [...history, { role: "user", content: turn.question }],
      tools: chatToolSet(input.source, (r) => turn.addResult(r)), stopWhen: stepCountIs(CHAT_MAX_STEPS),
      maxRetries: input.maxRetries ?? 0, abortSignal: stop.signal, onError: () => {},
    });
    for await (const part of result.fullStream) {
      if (part.type === "tool-call") {
        turn.tools.push(part.toolName as ChatToolName);
        yield { type: "tool", name: part.toolName as ChatToolName };
      } else if (part.type === "tool-error" || part.type === "error") {
        turn.failure = part.type === "error" ? errorReason(part.error) : `${errorReason(part.error)} (tool ${part.toolName})`;
        break;
      } else if (part.type === "finish-step") {
        newStep = buffer.length > 0;
      } else if (part.type === "text-delta") {
        // Text of a later step starts a new sentence.
        buffer += (newStep && !/\s$/.test(buffer) ? " " : "") + part.text;
        newStep = false;
        const end = lastSentenceEnd(buffer);
        if (end > released && !(yield* release(end))) break;
      }
    }
    if (turn.failure === null && buffer.length > released) yield* release(buffer.length);
    if (turn.failure === null && !turn.shown.trim()) turn.failure = "EMPTY_OUTPUT: (empty)";
  } catch (err) {
    turn.failure = errorReason(err);
  } finally {
    stop.abort();
    input.abortSignal?.removeEventListener("abort", onAbort);
  }
}

/** The grounded fallback: the templates over what the tools returned (or the tool the question asks for). */
async function fallbackText(turn: Turn, source: ChatDataSource): Promise<string> {
  const { intent } = turn.reading;
  if (turn.results.length === 0 && isDataIntent(intent)) {
    try {
      turn.addResult(await runChatTool(INTENT_TOOL[intent], source));
      turn.tools.push(INTENT_TOOL[intent]);
    } catch {
      return CHAT_MESSAGES.FALLBACK_NO_DATA;
    }
  }
  if (turn.results.length === 0) return CHAT_MESSAGES.FALLBACK_NO_DATA;
  const text = renderToolAnswers(turn.results, turn.question);
  const ok = checkChatText(text, turn.ground, turn.products).every((c) => c.passed);
  return ok ? text : CHAT_MESSAGES.FALLBACK_NO_DATA;
}

export async function* chatAnswerEvents(input: AnswerInput): AsyncGenerator<ChatEvent> {
  const reading = readQuestion(input.question);
  const turn = new Turn(input.question, reading, input.products ?? catalogProducts());
  const fixed = FIXED_ANSWERS[reading.intent];
  if (fixed) {
    yield turn.show(fixed, "fixed");
    yield* turn.finish(reading.intent === "greeting" ? "answer" : "refusal", null, false);
    return;
  }
  let model: ModelObject | null = null;
  try {
    model = input.model ?? getChatModel();
  } catch (err) {
    turn.failure = errorReason(err);
  }
  if (reading.namesSomeoneElse && isDataIntent(reading.intent)) yield turn.show(`${CHAT_MESSAGES.ONLY_OWN_DATA} `, "fixed");
  if (model) yield* modelText(turn, model, input);
  if (turn.failure === null) {
    yield* turn.finish("answer", model?.modelId ?? null, true);
    return;
  }
  const text = await fallbackText(turn, input.source);
  yield turn.show(`${turn.shown && !/\s$/.test(turn.shown) ? " " : ""}${text}`, "fallback");
  yield* turn.finish("fallback", model?.modelId ?? null, false);
}
