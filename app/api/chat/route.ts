/**
 * POST /api/chat: "Ask SpendSense" for the signed-in customer (lib/ai/chat, docs/ai.md). Answers
 * the AI SDK's UI message stream (server-sent events). 401 signed out; 403 an operator, or a
 * customer who does not consent; 400 a body without a question (problem+json naming the field);
 * 429 over the per-customer rate limit (Retry-After).
 */
import { createUIMessageStreamResponse } from "ai";
import { currentActor } from "@/lib/auth";
import { startChat } from "@/lib/ai/chat/service";
import { ForbiddenError, NotFoundError } from "@/lib/db/actor";
import { RateLimitedError } from "@/lib/db/chat";
import { parseChatRequest } from "@/lib/http/chat-request";
import { problem } from "@/lib/http/problem";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function POST(req: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return problem({ title: "Unauthorized", status: 401, detail: "Sign in to ask a question." }, NO_STORE);
  if (actor.role !== "customer") return problem({ title: "Forbidden", status: 403, detail: "Ask SpendSense answers customers about their own data." }, NO_STORE);
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return problem({ title: "Bad Request", status: 400, detail: "Send the chat as JSON.", errors: [{ field: "(body)", message: "must be JSON" }] }, NO_STORE);
  }
  const parsed = parseChatRequest(body);
  if (!parsed.ok) return problem({ title: "Bad Request", status: 400, detail: parsed.errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors: parsed.errors }, NO_STORE);
  try {
    const stream = await startChat(actor, { conversationId: parsed.conversationId, question: parsed.question, abortSignal: req.signal });
    return createUIMessageStreamResponse({ stream, headers: NO_STORE });
  } catch (e) {
    if (e instanceof RateLimitedError)
      return problem({ title: "Too Many Requests", status: 429, detail: e.message, retry_after_seconds: e.retryAfterSeconds }, { ...NO_STORE, "retry-after": String(e.retryAfterSeconds) });
    if (e instanceof ForbiddenError) return problem({ title: "Forbidden", status: 403, detail: e.message }, NO_STORE);
    if (e instanceof NotFoundError) return problem({ title: "Not Found", status: 404, detail: e.message }, NO_STORE);
    throw e;
  }
}
