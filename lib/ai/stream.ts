/**
 * The explanation stream: for each approved recommendation, a header, the explanation written by
 * the rationale model through streamText, then the disclosure. Text is released a sentence at a
 * time, and only after the sentences so far pass the output checks; the finished text is checked
 * again (with the offer ranking note). When a check fails or the model errors, the stream stops
 * forwarding the model and sends a `replace` event with the template text and the reason.
 *
 * Events (one JSON object per line, application/x-ndjson):
 *   {"type":"recommendation","id","kind","title"}
 *   {"type":"delta","id","text"}                    append to the explanation
 *   {"type":"replace","id","text","reason"}         discard what was appended; show this text
 *   {"type":"checked","id","generator","fell_back","reason"?}
 *   {"type":"disclosure","id","text"}               DISCLOSURE, verbatim
 *   {"type":"end","count"}
 */
import { streamText } from "ai";
import { DISCLOSURE } from "../core/guardrails/constants";
import type { Actor } from "../db/actor";
import type { Generator as TraceGenerator } from "../core/guardrails/trace";
import type { RecommendationKind } from "../core/shared/types";
import { checkModelText, failureReason, type ProductName } from "./checks";
import { getRationaleModel } from "./model";
import { catalogProducts, decide, errorReason, stripDisclosure, type ModelObject } from "./phrase";
import { buildRationalePrompt } from "./prompt";
import type { StreamableRecommendation } from "../db/explain";

export type StreamEvent =
  | { type: "recommendation"; id: string; kind: RecommendationKind; title: string }
  | { type: "delta"; id: string; text: string }
  | { type: "replace"; id: string; text: string; reason: string }
  | { type: "checked"; id: string; generator: TraceGenerator; fell_back: boolean; reason?: string }
  | { type: "disclosure"; id: string; text: string }
  | { type: "end"; count: number };

export interface ExplainOptions {
  model?: ModelObject;
  maxRetries?: number;
  products?: readonly ProductName[];
  abortSignal?: AbortSignal;
}

/** End of the last complete sentence in `s` (after its closing punctuation and spaces), or 0. */
function lastSentenceEnd(s: string): number {
  let end = 0;
  for (const m of s.matchAll(/[.!?]["')\]]?\s+/g)) end = (m.index ?? 0) + m[0].length;
  return end;
}

async function* explainOne(rec: StreamableRecommendation, model: ModelObject, opts: ExplainOptions): AsyncGenerator<StreamEvent> {
  const { id } = rec;
  const products = opts.products ?? catalogProducts();
  const eligible = [rec.title];
  yield { type: "recommendation", id, kind: rec.kind, title: rec.title };

  const fallBack = function* (reason: string): Generator<StreamEvent> {
    yield { type: "replace", id, text: rec.rationale, reason };
    yield { type: "checked", id, generator: "template", fell_back: true, reason };
  };

  let buffer = "";
  let released = 0;
  let failure: string | null = null;
  try {
    const { instructions, prompt } = buildRationalePrompt(rec);
    const result = streamText({
      model,
      system: instructions,
      prompt,
      maxRetries: opts.maxRetries ?? 0,
      abortSignal: opts.abortSignal,
      // The error also arrives as an "error" part below and becomes the replace event's reason.
      onError: () => {},
    });
    for await (const part of result.fullStream) {
      if (part.type === "error") {
        failure = errorReason(part.error);
        break;
      }
      if (part.type !== "text-delta") continue;
      buffer += part.text;
      const end = lastSentenceEnd(buffer);
      if (end <= released) continue;
      const checks = checkModelText({ text: stripDisclosure(buffer.slice(0, end)), facts: rec.facts, eligibleTitles: eligible, products });
      if (!checks.every((c) => c.passed)) {
        failure = failureReason(checks);
        break;
      }
      yield { type: "delta", id, text: buffer.slice(released, end) };
      released = end;
    }
  } catch (err) {
    failure = errorReason(err);
  }
  if (failure !== null) {
    yield* fallBack(failure);
  } else {
    const final = decide(rec, buffer, model.modelId, eligible, products);
    if (final.fell_back) {
      yield* fallBack(final.reason ?? "");
    } else {
      // What was released is a prefix of the checked final text (modulo the stripped disclosure
      // and trailing space); send the rest, or the whole text if they diverge.
      const sent = buffer.slice(0, released);
      if (final.text.startsWith(sent)) {
        const rest = final.text.slice(sent.length);
        if (rest) yield { type: "delta", id, text: rest };
      } else {
        yield { type: "replace", id, text: final.text, reason: "NORMALIZED" };
      }
      yield { type: "checked", id, generator: final.generator, fell_back: false };
    }
  }
  yield { type: "disclosure", id, text: DISCLOSURE };
}

/** Events for a list of recommendations, one after another. Never throws: errors become fallbacks. */
export async function* explanationEvents(recs: readonly StreamableRecommendation[], opts: ExplainOptions = {}): AsyncGenerator<StreamEvent> {
  let model: ModelObject | null = null;
  let modelError: string | null = null;
  try {
    model = opts.model ?? getRationaleModel();
  } catch (err) {
    modelError = errorReason(err);
  }
  for (const rec of recs) {
    if (model) {
      yield* explainOne(rec, model, opts);
    } else {
      const reason = modelError ?? "MODEL_ERROR";
      yield { type: "recommendation", id: rec.id, kind: rec.kind, title: rec.title };
      yield { type: "replace", id: rec.id, text: rec.rationale, reason };
      yield { type: "checked", id: rec.id, generator: "template", fell_back: true, reason };
      yield { type: "disclosure", id: rec.id, text: DISCLOSURE };
    }
  }
  yield { type: "end", count: recs.length };
}

/** Newline-delimited JSON bytes of an event sequence. */
export function toNdjsonStream(events: AsyncIterable<StreamEvent>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = events[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next();
      if (done) controller.close();
      else controller.enqueue(enc.encode(`${JSON.stringify(value)}\n`));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

/**
 * The user's approved recommendations with streamed explanations, as NDJSON. Authorizes and loads
 * before it returns (so ForbiddenError / NotFoundError surface as statuses, not mid-stream).
 */
export async function streamRecommendations(actor: Actor, userId: string, opts: ExplainOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const { approvedRecommendationsWithFacts } = await import("../db/explain");
  const recs = await approvedRecommendationsWithFacts(actor, userId);
  return toNdjsonStream(explanationEvents(recs, opts));
}

