/** Operator decisions survive re-runs: same facts carry the decision, changed facts return to review with a diff. */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { runPipelineForUser } from "@/lib/pipeline";
import { decideRecommendation } from "@/lib/db/review";
import { smallBundle } from "./fixtures/bundle";

const D1 = "2026-11-01";
const D2 = "2026-11-02";
const operator = { id: "op1", role: "operator" as const };
const recsOf = (asOf: string) => db().recommendation.findMany({ where: { userId: "u_alice", asOf }, orderBy: [{ window: "asc" }, { itemId: "asc" }] });
const factsOf = (traceJson: string) => JSON.stringify((JSON.parse(traceJson) as { facts: { key: string; display: string }[] }).facts.map((f) => [f.key, f.display]).sort());

describe(`decisions across re-runs (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await ingestObject(smallBundle());
    await db().user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
  });
  afterAll(closeDatabase);

  it("a new as-of carries each decision whose facts are the same and re-queues the rest with a diff; old pending items are superseded", async () => {
    await runPipelineForUser("u_alice", D1);
    const first = await recsOf(D1);
    const [keepPending, ...decide] = first;
    for (const [i, r] of decide.entries()) await decideRecommendation(operator, r.id, i % 2 ? "reject" : "approve");
    await runPipelineForUser("u_alice", D2);

    const second = await recsOf(D2);
    expect(second.length).toBeGreaterThan(0);
    let carried = 0;
    for (const r of second) {
      const prior = decide.find((p) => p.window === r.window && p.itemId === r.itemId);
      if (!prior) {
        expect(r).toMatchObject({ status: "pending", carriedFrom: null, changesJson: null });
        continue;
      }
      const priorStatus = (await db().recommendation.findUniqueOrThrow({ where: { id: prior.id } })).status;
      if (factsOf(r.traceJson) === factsOf(prior.traceJson)) {
        expect(r).toMatchObject({ status: priorStatus, carriedFrom: prior.id, changesJson: null });
        carried++;
      } else {
        expect(r).toMatchObject({ status: "pending", carriedFrom: prior.id });
        expect(JSON.parse(r.changesJson!).length).toBeGreaterThan(0);
      }
    }
    expect(carried).toBeGreaterThan(0);
    // The D1 item nobody decided no longer waits in the queue: D2 replaced it.
    expect((await db().recommendation.findUniqueOrThrow({ where: { id: keepPending.id } })).status).toBe("superseded");
    expect(await db().recommendation.count({ where: { asOf: D1, status: "pending" } })).toBe(0);
  });

  it("a re-run on the same as-of keeps decisions whose facts held and re-queues an item whose facts changed, naming the change", async () => {
    await runPipelineForUser("u_alice", D1);
    const recs = await recsOf(D1);
    for (const r of recs) await decideRecommendation(operator, r.id, "approve");
    const cited = recs.find((r) => factsOf(r.traceJson).includes("card.4523.balance"));
    expect(cited).toBeDefined();

    // The card's balance moves: every item citing it has new facts.
    await db().account.update({ where: { id: "acc_alice_cc" }, data: { currentCents: 100_000 } });
    await runPipelineForUser("u_alice", D1);
    const after = await recsOf(D1);
    const changed = after.find((r) => r.id === cited!.id)!;
    expect(changed.status).toBe("pending");
    const diff = JSON.parse(changed.changesJson!) as { key: string; before: string; after: string }[];
    // The diff names the change: the balance it cited was $3,400; at $1,000 (20% of the limit) utilization is no
    // longer notable and the item cites its interest tag instead, so the balance leaves its facts.
    expect(diff.find((c) => c.key === "card.4523.balance")).toMatchObject({ before: "$3,400", after: null });
    expect(diff.find((c) => c.key === "card.4523.utilization")).toMatchObject({ before: "68%" });
    // Its approval is still in the action log, tied to the same row.
    expect(await db().operatorAction.count({ where: { recommendationId: cited!.id, action: "approve" } })).toBe(1);
    const untouched = after.filter((r) => !factsOf(r.traceJson).includes("card.4523"));
    // Items shown before keep their approval or carry a diff; an item new in this run (the card's change can bring
    // one in) has no decision to carry and waits for review.
    const before = new Set(recs.map((r) => r.id));
    for (const r of untouched) expect(before.has(r.id) ? r.status === "approved" || r.changesJson !== null : r.status === "pending").toBe(true);
    expect(after.some((r) => r.status === "approved")).toBe(true);
  });
});
