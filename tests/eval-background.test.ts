/**
 * Runs started from the operator page: in the background, progress on the EvaluationRun row, one at
 * a time, and a run whose process stopped is marked failed instead of blocking the next one.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { ForbiddenError, SYSTEM } from "@/lib/db/actor";
import { activeEvaluationRun, getEvaluationRun } from "@/lib/db/evaluation-runs";
import { EvaluationAlreadyRunning, startEvaluationInBackground } from "@/lib/eval/background";
import { EVAL_STALE_AFTER_MS } from "@/lib/eval/constants";
import { smallBundle } from "./fixtures/bundle";

const AS_OF = "2026-11-01";
const root = path.resolve("tmp", `eval-bg-${process.pid}`);
const operator = { id: "op1", role: "operator" as const };

async function untilDone(id: string) {
  for (let i = 0; i < 600; i++) {
    const r = await getEvaluationRun(SYSTEM, id);
    if (r && r.status !== "running") return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error("the run did not finish");
}

describe(`evaluations started from the page (${dbKind})`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await ingestObject(smallBundle());
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await closeDatabase();
  });

  it("runs in the background with progress on its row", async () => {
    const { runId, outDir } = await startEvaluationInBackground(operator, { asOf: AS_OF, outRoot: root });
    expect(outDir).toBe(path.join(root, runId));
    expect(await getEvaluationRun(SYSTEM, runId)).toMatchObject({ actorId: "op1" });
    const done = await untilDone(runId);
    expect(done).toMatchObject({ status: "done", stage: "done", error: null });
    expect(done.progressDone).toBe(done.progressTotal);
    expect(done.metrics?.population.pipeline_run_for).toBe(1);
    expect(done.artifacts?.dir).toBe(outDir);
    expect(await activeEvaluationRun(SYSTEM, EVAL_STALE_AFTER_MS)).toBeNull();
  });

  it("one run at a time: a running row with a fresh heartbeat refuses a new start", async () => {
    const now = new Date();
    await db().evaluationRun.create({ data: { id: "busy", asOf: AS_OF, status: "running", stage: "evaluating", progressDone: 3, progressTotal: 9, metricsJson: "{}", artifactsJson: "{}", reportMd: "", createdAt: now, updatedAt: now } });
    const err = await startEvaluationInBackground(operator, { asOf: AS_OF, outRoot: root }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(EvaluationAlreadyRunning);
    expect((err as Error).message).toContain("evaluating 3/9");
    await db().evaluationRun.update({ where: { id: "busy" }, data: { status: "done" } });
  });

  it("a running row with an old heartbeat is marked interrupted and does not block a new run", async () => {
    const old = new Date(Date.now() - EVAL_STALE_AFTER_MS - 1000);
    await db().evaluationRun.create({ data: { id: "stale", asOf: AS_OF, status: "running", stage: "evaluating", metricsJson: "{}", artifactsJson: "{}", reportMd: "", createdAt: old, updatedAt: old } });
    const { runId } = await startEvaluationInBackground(operator, { asOf: AS_OF, outRoot: root });
    expect((await getEvaluationRun(SYSTEM, "stale"))?.error).toMatch(/^interrupted: no progress since /);
    expect((await untilDone(runId)).status).toBe("done");
  });

  it("is for operators only, and checks its date", async () => {
    await expect(startEvaluationInBackground({ id: "u_alice", role: "customer" }, { asOf: AS_OF, outRoot: root })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startEvaluationInBackground(operator, { asOf: "tomorrow", outRoot: root })).rejects.toThrow(/--as-of must be a date/);
  });
});
