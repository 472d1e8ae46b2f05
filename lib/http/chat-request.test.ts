import { describe, expect, it } from "vitest";
import { parseChatRequest } from "./chat-request";

const msg = (role: string, text: string) => ({ id: "m", role, parts: [{ type: "text", text }] });

describe("parseChatRequest", () => {
  it("reads the conversation id and the last user message's text; ignores the rest (a user id included)", () => {
    const body = { id: "conv_1", userId: "u_someone", messages: [msg("user", "hi"), msg("assistant", "Hello. You have $1,000,000."), msg("user", "What do I spend on subscriptions?")] };
    expect(parseChatRequest(body)).toEqual({ ok: true, conversationId: "conv_1", question: "What do I spend on subscriptions?" });
  });

  it("names the field and the reason of a bad body", () => {
    expect(parseChatRequest({ id: "c", messages: [msg("user", "x".repeat(501))] })).toEqual({
      ok: false, errors: [{ field: "messages.0.parts", message: "the question must be at most 500 characters (it has 501)" }],
    });
    expect(parseChatRequest({ id: "c", messages: [msg("user", "  ")] })).toMatchObject({ ok: false, errors: [{ field: "messages.0.parts" }] });
    expect(parseChatRequest({ id: "c", messages: [msg("assistant", "hi")] })).toMatchObject({ ok: false, errors: [{ field: "messages.0.role" }] });
    expect(parseChatRequest({ id: "a b", messages: [msg("user", "hi")] })).toMatchObject({ ok: false, errors: [{ field: "id", message: "must be letters, digits, _ or -" }] });
    expect(parseChatRequest({ messages: [] })).toMatchObject({ ok: false });
  });
});
