/**
 * A run started from the page shares the server process: between users it must give the event loop
 * a turn, or the server answers no request (the page's polling included) until the run ends.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { generateBundle } from "@/lib/generator";
import { ingestObject } from "@/lib/ingest";
import { runPipeline } from "@/lib/pipeline";
import { SYSTEM } from "@/lib/db/actor";
import { getEvaluationRun } from "@/lib/db/evaluation-runs";
import { startEvaluationInBackground } from "@/lib/eval/background";

const AS_OF = "2026-11-01";
const root = path.resolve("tmp", `eval-loop-${process.pid}`);

describe(`a background evaluation and the event loop (${dbKind})`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await ingestObject(generateBundle({ users: 8, seed: 3, months: 12, asOf: AS_OF }).bundle);
    await runPipeline(AS_OF);
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await closeDatabase();
  });

  it("timers keep firing while the run works through its users", async () => {
    const stamps: number[] = [];
    const timer = setInterval(() => stamps.push(performance.now()), 1);
    const t0 = performance.now();
    const { runId } = await startEvaluationInBackground({ id: "op", role: "operator" }, { asOf: AS_OF, outRoot: root });
    let run = await getEvaluationRun(SYSTEM, runId);
    while (run?.status === "running") {
      await new Promise((r) => setTimeout(r, 5));
      run = await getEvaluationRun(SYSTEM, runId);
    }
    clearInterval(timer);
    const total = performance.now() - t0;
    expect(run?.status).toBe("done");
    // A run that kept the event loop to itself would let the 1 ms timer fire a handful of times; one
    // that gives it a turn between users lets it fire all through. Counted per 50 ms of run time (not
    // the longest gap: the files are written in one stretch at the end, and a loaded machine stretches
    // any single gap).
    expect(stamps.length).toBeGreaterThan(total / 50);
  });
});
