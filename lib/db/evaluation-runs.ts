/**
 * EvaluationRun rows: one per evaluation, written as it goes (status, stage, progress done/total,
 * heartbeat) so the operator page can poll a run that works in the background, then its metrics,
 * artifacts and report. Operators (and the CLI as SYSTEM) only.
 */
import "server-only";
import { db } from "./client";
import { assertOperator, type Actor } from "./actor";
import type { EvalArtifacts, EvalMetrics } from "../eval/types";

export type EvaluationStatus = "running" | "done" | "failed";
export type EvaluationStage = "starting" | "pipeline" | "evaluating" | "writing" | "uploading" | "done";

export interface EvaluationRunView {
  id: string;
  asOf: string;
  status: EvaluationStatus;
  stage: string;
  progressDone: number;
  progressTotal: number;
  gitCommit: string | null;
  actorId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  metrics: EvalMetrics | null;
  artifacts: EvalArtifacts | null;
  reportMd: string;
}

type Row = Awaited<ReturnType<ReturnType<typeof db>["evaluationRun"]["findFirstOrThrow"]>>;

function parseOr<T>(json: string): T | null {
  try {
    const v = JSON.parse(json) as T;
    return v && typeof v === "object" && Object.keys(v).length ? v : null;
  } catch {
    return null;
  }
}

function view(r: Row): EvaluationRunView {
  return {
    id: r.id, asOf: r.asOf, status: r.status as EvaluationStatus, stage: r.stage, progressDone: r.progressDone, progressTotal: r.progressTotal,
    gitCommit: r.gitCommit, actorId: r.actorId, error: r.error, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null, metrics: parseOr<EvalMetrics>(r.metricsJson), artifacts: parseOr<EvalArtifacts>(r.artifactsJson), reportMd: r.reportMd,
  };
}

export async function createEvaluationRun(actor: Actor, run: { id: string; asOf: string; gitCommit: string | null; now?: Date }): Promise<void> {
  assertOperator(actor);
  const now = run.now ?? new Date();
  await db().evaluationRun.create({
    data: { id: run.id, asOf: run.asOf, gitCommit: run.gitCommit, actorId: actor.id, status: "running", stage: "starting", metricsJson: "{}", artifactsJson: "{}", reportMd: "", createdAt: now, updatedAt: now },
  });
}

export async function recordEvaluationProgress(actor: Actor, id: string, p: { stage: EvaluationStage; done: number; total: number }, now = new Date()): Promise<void> {
  assertOperator(actor);
  await db().evaluationRun.update({ where: { id }, data: { stage: p.stage, progressDone: p.done, progressTotal: p.total, updatedAt: now } });
}

export async function finishEvaluationRun(actor: Actor, id: string, r: { metrics: EvalMetrics; artifacts: EvalArtifacts; reportMd: string }, now = new Date()): Promise<void> {
  assertOperator(actor);
  await db().evaluationRun.update({
    where: { id },
    data: { status: "done", stage: "done", metricsJson: JSON.stringify(r.metrics), artifactsJson: JSON.stringify(r.artifacts), reportMd: r.reportMd, updatedAt: now, finishedAt: now },
  });
}

/** Marks a run failed with a message a person can act on; metrics and artifacts, when computed, are kept. */
export async function failEvaluationRun(actor: Actor, id: string, error: string, kept: { metrics?: EvalMetrics; artifacts?: EvalArtifacts; reportMd?: string } = {}, now = new Date()): Promise<void> {
  assertOperator(actor);
  await db().evaluationRun.update({
    where: { id },
    data: {
      status: "failed", error: error.slice(0, 2000), updatedAt: now, finishedAt: now,
      ...(kept.metrics ? { metricsJson: JSON.stringify(kept.metrics) } : {}),
      ...(kept.artifacts ? { artifactsJson: JSON.stringify(kept.artifacts) } : {}),
      ...(kept.reportMd ? { reportMd: kept.reportMd } : {}),
    },
  });
}

/** Newest first. */
export async function listEvaluationRuns(actor: Actor, take = 20): Promise<EvaluationRunView[]> {
  assertOperator(actor);
  const rows = await db().evaluationRun.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return rows.map(view);
}

/** One run by id, or the newest finished one for "latest". */
export async function getEvaluationRun(actor: Actor, id: string): Promise<EvaluationRunView | null> {
  assertOperator(actor);
  const r =
    id === "latest"
      ? await db().evaluationRun.findFirst({ where: { status: "done" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })
      : await db().evaluationRun.findUnique({ where: { id } });
  return r ? view(r) : null;
}

/**
 * The run in progress, if any. A "running" row with no progress for `staleAfterMs` belonged to a
 * process that stopped (a server restart): it is marked failed, and null is returned.
 */
export async function activeEvaluationRun(actor: Actor, staleAfterMs: number, now = new Date()): Promise<EvaluationRunView | null> {
  assertOperator(actor);
  const running = await db().evaluationRun.findMany({ where: { status: "running" }, orderBy: { createdAt: "desc" } });
  let active: EvaluationRunView | null = null;
  for (const r of running) {
    if (now.getTime() - r.updatedAt.getTime() <= staleAfterMs) active ??= view(r);
    else await failEvaluationRun(actor, r.id, `interrupted: no progress since ${r.updatedAt.toISOString()} (the process running it stopped)`, {}, now);
  }
  return active;
}
