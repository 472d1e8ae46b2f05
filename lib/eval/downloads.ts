/**
 * A run's file for download (operators only): only a name the run recorded in its artifacts is served,
 * from the path it recorded; never a path taken from the request.
 */
import { statSync } from "node:fs";
import type { Actor } from "../db/actor";
import { NotFoundError } from "../db/actor";
import { getEvaluationRun } from "../db/evaluation-runs";
import type { EvalArtifact } from "./types";

export async function evaluationFile(actor: Actor, runId: string, name: string): Promise<EvalArtifact> {
  const run = await getEvaluationRun(actor, runId);
  if (!run) throw new NotFoundError(`no evaluation run "${runId}"`);
  const file = run.artifacts?.files.find((f) => f.name === name);
  if (!file) throw new NotFoundError(`run ${run.id} has no file "${name}"`);
  try {
    // The size now: a later run into the same folder may have replaced the file.
    return { ...file, bytes: statSync(file.path).size };
  } catch {
    throw new NotFoundError(`the file "${name}" of run ${run.id} is no longer on this machine (${file.path})`);
  }
}
