import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHAT_MESSAGES } from "../../core/chat/messages";
import { chatSystemPrompt } from "./prompt";

describe("the chat prompt", () => {
  it("is quoted verbatim in docs/ai.md", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../../docs/ai.md"), "utf8");
    expect(doc).toContain(chatSystemPrompt());
  });
  it("asks for the off-topic refusal word for word", () => {
    expect(chatSystemPrompt()).toContain(`"${CHAT_MESSAGES.REFUSAL_OFF_TOPIC}"`);
  });
});
