/**
 * A run started from the operator page works in the server process, after the action has answered:
 * its EvaluationRun row carries status, stage and done/total, and the page polls it. One run at a
 * time; a "running" row whose heartbeat is older than EVAL_STALE_AFTER_MS belonged to a process
 * that stopped and is marked failed. A failure is recorded on the row by runEvaluation itself.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Actor } from "../db/actor";
import { activeEvaluationRun, createEvaluationRun, type EvaluationRunView } from "../db/evaluation-runs";
import { EVAL_STALE_AFTER_MS } from "./constants";
import { gitCommit } from "./git";
import { checkAsOf, checkLabelsPath } from "./inputs";
import { runEvaluation } from "./run";

/** Where page-started runs write their files: EVAL_OUT_DIR/<run id>. */
export const DEFAULT_EVAL_OUT_DIR = ".data/eval";

/** Another run is starting or running: the operator can act on the message. */
export class EvaluationBusy extends Error {}

export class EvaluationAlreadyRunning extends EvaluationBusy {
  constructor(readonly run: EvaluationRunView) {
    super(`An evaluation is already running (started ${run.createdAt}, ${run.stage} ${run.progressDone}/${run.progressTotal}).`);
  }
}

const g = globalThis as unknown as { __ssEvalStarting?: boolean };

export async function startEvaluationInBackground(
  actor: Actor,
  opts: { asOf: string; outRoot?: string; labelsFile?: string | null },
): Promise<{ runId: string; outDir: string }> {
  const asOf = checkAsOf(opts.asOf);
  if (opts.labelsFile) checkLabelsPath(opts.labelsFile);
  if (g.__ssEvalStarting) throw new EvaluationBusy("An evaluation is being started; try again in a moment.");
  g.__ssEvalStarting = true;
  try {
    const active = await activeEvaluationRun(actor, EVAL_STALE_AFTER_MS);
    if (active) throw new EvaluationAlreadyRunning(active);
    const runId = randomUUID();
    await createEvaluationRun(actor, { id: runId, asOf, gitCommit: gitCommit() });
    const outDir = path.resolve(/* turbopackIgnore: true */ opts.outRoot ?? process.env.EVAL_OUT_DIR ?? DEFAULT_EVAL_OUT_DIR, runId);
    void runEvaluation({ asOf, outDir, labelsFile: opts.labelsFile ?? null, actor, runId }).catch(() => undefined);
    return { runId, outDir };
  } finally {
    g.__ssEvalStarting = false;
  }
}
