/**
 * Integration (needs the test database; SQLite by default): the pipeline's stored approved
 * recommendations stream with their explanations to the user and to operators, never to another
 * customer, and the stored facts ground every stored template rationale.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, freshDatabase } from "./helpers/testdb";
import { smallBundle } from "./fixtures/bundle";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { runPipelineForUser } from "@/lib/pipeline";
import { decideRecommendation } from "@/lib/db/review";
import { ForbiddenError, NotFoundError } from "@/lib/db/actor";
import { DISCLOSURE } from "@/lib/core/guardrails/constants";
import { approvedRecommendationsWithFacts } from "@/lib/db/explain";
import { createLocalTemplateModel } from "@/lib/ai/local-model";
import { streamRecommendations, type StreamEvent } from "@/lib/ai/stream";

const operator = { id: "op1", role: "operator" as const };
const alice = { id: "u_alice", role: "customer" as const };
const bob = { id: "u_bob", role: "customer" as const };

async function events(body: ReadableStream<Uint8Array>): Promise<StreamEvent[]> {
  const text = await new Response(body).text();
  return text.trimEnd().split("\n").map((l) => JSON.parse(l) as StreamEvent);
}

describe("explanation stream over stored recommendations", () => {
  let approvedIds: string[] = [];
  beforeAll(async () => {
    await freshDatabase();
    await ingestObject(smallBundle());
    await db().user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
    await runPipelineForUser("u_alice", "2026-11-01");
    const recs = await db().recommendation.findMany({ where: { userId: "u_alice" }, orderBy: [{ window: "asc" }, { kind: "asc" }, { rank: "asc" }] });
    approvedIds = recs.slice(0, 3).map((r) => r.id);
    for (const id of approvedIds) await decideRecommendation(operator, id, "approve");
  });
  afterAll(closeDatabase);

  it("reads only approved recommendations, with their facts", async () => {
    const recs = await approvedRecommendationsWithFacts(alice, "u_alice");
    expect(recs.map((r) => r.id).sort()).toEqual([...approvedIds].sort());
    expect(recs.some((r) => r.facts.length > 0)).toBe(true);
  });

  it("streams each approved recommendation to the user: header, template text, checked, disclosure", async () => {
    const evs = await events(await streamRecommendations(alice, "u_alice", { model: createLocalTemplateModel() }));
    const stored = await approvedRecommendationsWithFacts(operator, "u_alice");
    for (const r of stored) {
      const mine = evs.filter((e) => "id" in e && e.id === r.id);
      expect(mine[0]).toEqual({ type: "recommendation", id: r.id, kind: r.kind, title: r.title });
      expect(mine.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("")).toBe(r.rationale);
      expect(mine).toContainEqual({ type: "checked", id: r.id, generator: "local-template", fell_back: false });
      expect(mine.at(-1)).toEqual({ type: "disclosure", id: r.id, text: DISCLOSURE });
    }
    expect(evs.at(-1)).toEqual({ type: "end", count: approvedIds.length });
  });

  it("lets an operator read it, refuses another customer, 404s an unknown user", async () => {
    await expect(streamRecommendations(operator, "u_alice", { model: createLocalTemplateModel() })).resolves.toBeInstanceOf(ReadableStream);
    await expect(streamRecommendations(bob, "u_alice")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(streamRecommendations(operator, "u_nobody")).rejects.toBeInstanceOf(NotFoundError);
  });
});
