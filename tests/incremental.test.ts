import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { runPipeline, type PipelineOutcome } from "@/lib/pipeline";
import { recomputeChanged, workQueue } from "@/lib/jobs/pipeline";
import { clearPipelineQueue, closePipelineQueue, listPipelineJobs } from "@/lib/db/pipeline-queue";
import { SYSTEM } from "@/lib/db/actor";
import { db } from "@/lib/db/client";
import { generateBundle } from "@/lib/generator";

const AS_OF = "2026-11-01";

/** The bundle with one transaction of each named user changed (its amount), everything else as it was. */
function withChangedTransactions(users: string[]) {
  const { bundle } = generateBundle({ users: 20, seed: 3, months: 3, asOf: AS_OF });
  const owner = new Map(bundle.accounts.map((a) => [a.account_id, a.user_id]));
  for (const u of users) {
    const t = bundle.transactions.find((x) => owner.get(x.account_id) === u)!;
    t.amount = Math.round(t.amount * 100 + 1234) / 100;
  }
  return bundle;
}

describe(`incremental recompute after an ingest (${dbKind})`, () => {
  let userIds: string[] = [];
  beforeAll(async () => {
    await freshDatabase();
    if (dbKind === "postgres") await clearPipelineQueue(SYSTEM);
  });
  afterAll(async () => {
    if (dbKind === "postgres") await closePipelineQueue();
    await closeDatabase();
  });

  it("a first ingest changes every user; before the pipeline's first run there is no as-of and nothing is recomputed", async () => {
    const r = await ingestObject(withChangedTransactions([]));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    userIds = (await db().user.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
    expect(userIds.length).toBe(20);
    expect(r.changedUsers).toEqual(userIds);
    expect(await recomputeChanged(r.changedUsers)).toEqual({ asOf: null, users: [] });
  });

  it("an ingest changing 3 users' transactions recomputes exactly those 3; the same bundle again, nobody", async () => {
    await runPipeline(AS_OF);
    const three = [userIds[2], userIds[7], userIds[11]];
    const r = await ingestObject(withChangedTransactions(three));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.counts.transactions.updated).toBe(3);
    expect(r.changedUsers).toEqual(three);

    const ran: PipelineOutcome[] = [];
    const out = await recomputeChanged(r.changedUsers, { onJob: (o) => ran.push(o) });
    expect(out).toEqual({ asOf: AS_OF, users: three });
    if (dbKind === "postgres") {
      // Queued, not run yet: exactly these three jobs wait; a worker then takes them.
      const waiting = await listPipelineJobs(SYSTEM, ["created"]);
      expect(waiting.map((j) => `${j.userId}@${j.asOf}`).sort()).toEqual(three.map((u) => `${u}@${AS_OF}`));
      expect(ran).toEqual([]);
      await workQueue({ untilEmpty: true, onJob: (o) => ran.push(o) });
      expect(await listPipelineJobs(SYSTEM, ["created", "retry", "active"])).toEqual([]);
    }
    expect(ran.map((o) => o.user_id).sort()).toEqual(three);

    const again = await ingestObject(withChangedTransactions(three));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.counts.transactions).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.changedUsers).toEqual([]);
    expect(await recomputeChanged(again.changedUsers)).toEqual({ asOf: null, users: [] });
    if (dbKind === "postgres") expect(await listPipelineJobs(SYSTEM, ["created", "retry", "active"])).toEqual([]);
  });

  it("a changed liability or a new account counts for its owner", async () => {
    const bundle = withChangedTransactions([userIds[2], userIds[7], userIds[11]]);
    const credit = bundle.liabilities.credit![0];
    credit.last_payment_amount = (credit.last_payment_amount ?? 0) + 1;
    const liabilityOwner = bundle.accounts.find((a) => a.account_id === credit.account_id)!.user_id;
    const newAccount = { ...bundle.accounts.find((a) => a.user_id === userIds[5])!, account_id: "acc_new_for_test" };
    bundle.accounts.push(newAccount);
    const r = await ingestObject(bundle);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.changedUsers).toEqual([...new Set([liabilityOwner, userIds[5]])].sort());
  });
});
