/**
 * The body of POST /api/chat, as the AI SDK's chat transport sends it ({ id, messages: UIMessage[] }).
 * Only two things are read: the conversation id and the text of the last user message. Earlier
 * messages (and anything else a client adds, a user id included) are ignored: the server keeps the
 * conversation, and the session decides whose data is read.
 */
import { z } from "zod";
import { CHAT_MAX_QUESTION_CHARS } from "../core/chat/constants";

const Body = z.looseObject({
  id: z.string().min(1, "must not be empty").max(100, "must be at most 100 characters").regex(/^[\w-]+$/, "must be letters, digits, _ or -"),
  messages: z
    .array(z.looseObject({ role: z.string(), parts: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })) }))
    .min(1, "must hold the question")
    .max(500, "must hold at most 500 messages"),
});

export type ChatRequest = { ok: true; conversationId: string; question: string } | { ok: false; errors: { field: string; message: string }[] };

export function parseChatRequest(body: unknown): ChatRequest {
  const r = Body.safeParse(body);
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message })) };
  const { id, messages } = r.data;
  const last = messages.length - 1;
  if (messages[last].role !== "user") return { ok: false, errors: [{ field: `messages.${last}.role`, message: 'the last message must be the customer\'s ("user")' }] };
  const question = messages[last].parts.flatMap((p) => (p.type === "text" && p.text ? [p.text] : [])).join(" ").trim();
  const field = `messages.${last}.parts`;
  if (!question) return { ok: false, errors: [{ field, message: "must hold the question's text" }] };
  if (question.length > CHAT_MAX_QUESTION_CHARS) return { ok: false, errors: [{ field, message: `the question must be at most ${CHAT_MAX_QUESTION_CHARS} characters (it has ${question.length})` }] };
  return { ok: true, conversationId: id, question };
}
