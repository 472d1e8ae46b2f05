/**
 * Every grounded template the chat writes, for varied generated customers (both windows, every
 * tool), passes the chat's output checks unchanged, and the local provider answers every common
 * question without a fallback: the templates state only what the tools returned, and the checks
 * are not so strict that a model repeating the tools' figures would be rejected.
 */
import { describe, expect, it } from "vitest";
import { bundleToUserData } from "../../core/normalize";
import { assignPersonas } from "../../core/personas/assign";
import { recommend } from "../../core/recommend";
import { computeSignals } from "../../core/signals";
import { spendingByCategory } from "../../core/chat/spending";
import { CHAT_PANEL_TEXT } from "../../core/chat/messages";
import { getCatalog } from "../../content";
import { generateBundle } from "../../generator";
import { chatAnswerEvents } from "./answer";
import { createLocalChatModel } from "./local-model";
import { collect } from "./test-helpers";
import type { ChatDataSource } from "./tools";

const AS_OF = "2026-11-01";
const { bundle } = generateBundle({ users: 24, seed: 7, months: 13, asOf: AS_OF });
const users = [...bundleToUserData(bundle).values()];
const catalog = getCatalog();

function sourceFor(u: (typeof users)[number]): ChatDataSource {
  const s = computeSignals(u, AS_OF);
  const w = s.windows["30d"];
  const drafts = recommend({ user_id: u.user_id, window: w, personas: assignPersonas(w), accounts: [], catalog });
  const byId = new Map(catalog.education.map((e) => [e.id, e]));
  return {
    signals: async () => ({ w30: s.windows["30d"], w180: s.windows["180d"] }),
    suggestions: async () =>
      drafts.map((d) => ({ title: d.title, kind: d.kind, rationale: d.rationale, facts: d.facts, summary: byId.get(d.item_id)?.summary ?? null, body: byId.get(d.item_id)?.body ?? [] })),
    spending: async () => spendingByCategory(u, AS_OF, 30),
  };
}

describe("the local provider answers the common questions of generated customers, grounded", () => {
  it.each(users.map((u) => [u.user_id, u] as const))("%s", async (_id, u) => {
    const source = sourceFor(u);
    for (const question of [...CHAT_PANEL_TEXT.starters, "Where did my money go?"]) {
      const { turn } = await collect(chatAnswerEvents({ question, source, model: createLocalChatModel() }));
      const failed = turn.sentences.filter((s) => !s.passed);
      expect({ question, outcome: turn.outcome, failed }).toEqual({ question, outcome: "answer", failed: [] });
      expect(turn.answer.length).toBeGreaterThan(0);
    }
  });
});
