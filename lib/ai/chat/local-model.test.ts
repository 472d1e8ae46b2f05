import { generateText, stepCountIs } from "ai";
import { describe, expect, it } from "vitest";
import { CHAT_MESSAGES } from "../../core/chat/messages";
import { createLocalChatModel, localChatReply, LOCAL_CHAT_MODEL_ID } from "./local-model";
import { fakeSource } from "./test-helpers";
import { chatToolSet } from "./tools";

describe("the local chat provider", () => {
  it("calls the question's tool, then answers from its result (generateText, two steps)", async () => {
    const source = fakeSource();
    const r = await generateText({
      model: createLocalChatModel(),
      prompt: "How is my card utilization?",
      tools: chatToolSet(source, () => {}),
      stopWhen: stepCountIs(3),
    });
    expect(r.steps).toHaveLength(2);
    expect(r.steps[0].toolCalls.map((c) => c.toolName)).toEqual(["get_card_utilization"]);
    expect(r.text).toMatch(/^Your Visa ending in 4523 is using 68% of its limit \(\$3,400 of \$5,000\)\./);
    expect(r.response.modelId).toBe(LOCAL_CHAT_MODEL_ID);
  });

  it("answers without a tool when none fits, or none is declared", () => {
    const user = (text: string) => [{ role: "user" as const, content: [{ type: "text" as const, text }] }];
    expect(localChatReply({ prompt: user("What is a mortgage?") })).toEqual({ text: CHAT_MESSAGES.HELP });
    expect(localChatReply({ prompt: user("How is my card utilization?") })).toEqual({ text: CHAT_MESSAGES.HELP });
    expect(localChatReply({ prompt: user("Should I buy bitcoin?") })).toEqual({ text: CHAT_MESSAGES.REFUSAL_ADVICE });
    expect(() => localChatReply({ prompt: [] })).toThrow(/no user message/);
  });
});
