/**
 * Two worker processes on one queue (PostgreSQL): every user processed exactly once, a worker killed
 * with SIGKILL mid-run has its jobs completed by the other, and the stored results are those of a
 * single-process run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { runPipeline } from "@/lib/pipeline";
import { enqueuePipeline } from "@/lib/jobs/pipeline";
import { clearPipelineQueue, closePipelineQueue, listPipelineJobs } from "@/lib/db/pipeline-queue";
import { SYSTEM } from "@/lib/db/actor";
import { db } from "@/lib/db/client";
import { generateBundle } from "@/lib/generator";
import { exited, spawnWorker } from "@/lib/jobs/processes";

const AS_OF = "2026-11-01";
const USERS = 200;

/** What the pipeline stored, without the times it was stored at. */
async function results() {
  const [snapshots, personas, recs] = await Promise.all([
    db().signalSnapshot.findMany({ select: { userId: true, window: true, asOf: true, dataJson: true }, orderBy: [{ userId: "asc" }, { window: "asc" }] }),
    db().personaAssignment.findMany({ select: { userId: true, window: true, asOf: true, primary: true, matchedJson: true }, orderBy: [{ userId: "asc" }, { window: "asc" }] }),
    db().recommendation.findMany({ select: { id: true, userId: true, window: true, itemId: true, status: true, kind: true, title: true, rationale: true, rank: true }, orderBy: { id: "asc" } }),
  ]);
  return { snapshots, personas, recs };
}

async function wipeResults() {
  await db().recommendation.deleteMany();
  await db().personaAssignment.deleteMany();
  await db().signalSnapshot.deleteMany();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(dbKind === "postgres")("pipeline jobs on two worker processes (postgres)", () => {
  beforeAll(async () => {
    await freshDatabase();
    await clearPipelineQueue(SYSTEM);
    const r = await ingestObject(generateBundle({ users: USERS, seed: 12, months: 3, asOf: AS_OF }).bundle);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
  });
  afterAll(async () => {
    await closePipelineQueue();
    await closeDatabase();
  });

  it("processes every user exactly once, survives a SIGKILLed worker, and stores what one process stores", async () => {
    const single = await runPipeline(AS_OF);
    expect(single.length).toBe(USERS);
    expect(single.filter((o) => o.status === "processed").length).toBeGreaterThan(USERS / 2);
    const reference = await results();
    await wipeResults();

    // Jobs of a dead worker expire after 30 s (set on each job when queued); the survivor runs the
    // queue's upkeep every second.
    process.env.PIPELINE_JOB_EXPIRE_SECONDS = "30";
    expect((await enqueuePipeline("all", AS_OF)).length).toBe(USERS);
    delete process.env.PIPELINE_JOB_EXPIRE_SECONDS;
    const env = { ...process.env, PIPELINE_QUEUE_MAINTENANCE_SECONDS: "1" };
    const victim = spawnWorker([], env);
    const survivor = spawnWorker(["--until-empty"], env);
    for (let i = 0; i < 600 && (await listPipelineJobs(SYSTEM, ["completed"])).length < 40; i++) await sleep(100);
    victim.kill("SIGKILL");
    expect(await exited(victim)).toBe("SIGKILL");
    expect(await exited(survivor)).toBe(0);

    const done = await listPipelineJobs(SYSTEM, ["completed"]);
    expect(await listPipelineJobs(SYSTEM, ["created", "retry", "active", "failed"])).toEqual([]);
    const perUser = new Map<string, number>();
    for (const j of done) perUser.set(j.userId, (perUser.get(j.userId) ?? 0) + 1);
    expect([...perUser.keys()].sort()).toEqual(single.map((o) => o.user_id).sort());
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    const workerOf = (j: (typeof done)[number]) => (j.output as { worker: number }).worker;
    // Both workers did jobs; the jobs the victim held when it died were run again by the survivor.
    expect(done.some((j) => workerOf(j) === victim.pid)).toBe(true);
    const rerun = done.filter((j) => j.retries > 0);
    expect(rerun.length).toBeGreaterThan(0);
    expect(rerun.every((j) => workerOf(j) === survivor.pid)).toBe(true);

    expect(await results()).toEqual(reference);
  }, 300_000);
});
