import { describe, expect, it } from "vitest";
import { checkAdviceLanguage, checkTone } from "../guardrails/tone";
import { CHAT_MESSAGES, CHAT_PANEL_TEXT } from "./messages";
import { needsDisclosure, pickSuggestions, renderToolAnswers, toolAnswer } from "./templates";
import { explainQuestion } from "./intents";
import { cardsResult, incomeResult, savingsResult, spendingResult, subscriptionsResult, suggestionsResult } from "./tools";
import { SUGGESTIONS, richWindow } from "./testkit";
import type { AnyToolResult } from "./types";

const w = richWindow();
const results: AnyToolResult[] = [
  subscriptionsResult(w),
  cardsResult(w),
  savingsResult(richWindow({ window: "180d" })),
  incomeResult(richWindow({ window: "180d" })),
  spendingResult([{ primary: "FOOD_AND_DRINK", cents: 60_000 }, { primary: "GENERAL_MERCHANDISE", cents: 40_000 }], 100_000, 30),
  suggestionsResult(SUGGESTIONS),
];

describe("chat templates", () => {
  it("answers the common questions from the tools' displays", () => {
    expect(toolAnswer(results[0], "")).toEqual([
      "You have 3 subscriptions that renew on a schedule, $65.98 a month together.",
      "Netflix: $15.99 every month, next expected on July 10.",
      "Spotify: $9.99 every month, next expected on July 14.",
      "Gym Club: $40 every month, next expected on July 2.",
      "Subscriptions made up 2.6% of your spending in the last 30 days.",
    ]);
    expect(toolAnswer(results[1], "")[0]).toBe("Your Visa ending in 4523 is using 68% of its limit ($3,400 of $5,000).");
    expect(toolAnswer(results[1], "").join(" ")).toContain("under 30% of its limit");
    expect(toolAnswer(results[2], "")).toContain("That would cover about 2 months of your usual spending of $2,500 a month.");
    expect(toolAnswer(results[3], "")[0]).toBe("Your pay usually arrives every two weeks, about 14 days apart.");
    expect(toolAnswer(results[3], "")[1]).toBe("The last paycheck came on June 27, and the next one is expected around July 11.");
    expect(toolAnswer(results[4], "")).toEqual([
      "In the last 30 days you spent $1,000 in total.",
      "The largest categories were food and drink ($600, 60%) and general merchandise ($400, 40%).",
    ]);
  });

  it("explains the suggestion a question names, or all of them", () => {
    expect(pickSuggestions(SUGGESTIONS, "What does the utilization article mean?").map((s) => s.title)).toEqual(["How credit utilization works"]);
    expect(pickSuggestions(SUGGESTIONS, "What does this suggestion mean?")).toHaveLength(2);
    expect(toolAnswer(results[5], "utilization")[0]).toMatch(/^"How credit utilization works" is a short read: .* Why it's on your page: We noticed/);
  });

  it("says so when there is nothing to show", () => {
    const empty = richWindow();
    empty.subscriptions = { ...empty.subscriptions, recurring_merchant_count: 0, streams: [] };
    empty.savings = { ...empty.savings, has_savings_account: false };
    empty.credit = { ...empty.credit, cards: [] };
    empty.income = { ...empty.income, payroll_detected: false };
    expect(toolAnswer(subscriptionsResult(empty), "")[0]).toMatch(/^We don't see any subscriptions/);
    expect(toolAnswer(savingsResult(empty), "")[0]).toMatch(/^We don't see a savings account/);
    expect(toolAnswer(cardsResult(empty), "")[0]).toMatch(/^We don't see a credit card/);
    expect(toolAnswer(incomeResult(empty), "")[0]).toMatch(/^We don't see regular pay/);
    expect(toolAnswer(suggestionsResult([]), "")[0]).toMatch(/^You don't have any approved suggestions/);
    expect(toolAnswer({ tool: "get_savings", data: { not_ready: true }, facts: [], dates: [] }, "")).toEqual([CHAT_MESSAGES.NOT_READY]);
  });

  it("every answer and fixed sentence passes the tone and advice checks", () => {
    const texts = [
      renderToolAnswers(results, "What does this suggestion mean?"),
      ...Object.values(CHAT_MESSAGES),
      ...Object.values(CHAT_PANEL_TEXT).flat(),
    ];
    for (const t of texts) {
      expect(checkTone(t).violations, t).toEqual([]);
      expect(checkAdviceLanguage(t).violations, t).toEqual([]);
    }
  });

  it("reads very short and very long coverage in words, never as a truncated \"0 months\"", () => {
    const short = richWindow({ window: "180d" });
    short.savings = { ...short.savings, emergency_fund_months: 0.05 };
    short.income = { ...short.income, cash_flow_buffer_months: 0.2 };
    expect(toolAnswer(savingsResult(short), "").join(" ")).toContain("That would cover less than a week of your usual spending");
    expect(toolAnswer(incomeResult(short), "").join(" ")).toContain("Your checking balance would cover less than a week of your usual spending.");
    short.savings = { ...short.savings, emergency_fund_months: 40 };
    expect(toolAnswer(savingsResult(short), "").join(" ")).toContain("That would cover more than a year of your usual spending");
    expect(savingsResult(short).data.emergency_fund_months).toBe("40 months");
  });

  it("renders each tool once", () => {
    const twice = renderToolAnswers([results[0], results[0]], "");
    expect(twice.match(/You have 3 subscriptions/g)).toHaveLength(1);
  });

  it("puts the disclosure on answers that touch money decisions only", () => {
    expect(needsDisclosure({ intent: "subscriptions", toolsUsed: 1, modelText: false })).toBe(true);
    expect(needsDisclosure({ intent: "advice", toolsUsed: 0, modelText: false })).toBe(true);
    expect(needsDisclosure({ intent: "help", toolsUsed: 0, modelText: true })).toBe(true);
    expect(needsDisclosure({ intent: "help", toolsUsed: 0, modelText: false })).toBe(false);
    expect(needsDisclosure({ intent: "off_topic", toolsUsed: 0, modelText: false })).toBe(false);
    expect(needsDisclosure({ intent: "greeting", toolsUsed: 0, modelText: false })).toBe(false);
  });
});

describe("pickSuggestions for \"Explain this\"", () => {
  it("a question quoting a whole title picks that one only, even when another title shares its words", () => {
    const similar = [...SUGGESTIONS, { ...SUGGESTIONS[0], title: "Credit utilization and your score" }];
    expect(pickSuggestions(similar, "credit utilization").map((s) => s.title)).toEqual(["How credit utilization works", "Credit utilization and your score"]);
    expect(pickSuggestions(similar, explainQuestion("How credit utilization works")).map((s) => s.title)).toEqual(["How credit utilization works"]);
  });
});
