/**
 * One evaluation run, end to end (the CLI, the operator page's background run and the bench call
 * it): check the inputs, record an EvaluationRun, run the pipeline for consenting users whose
 * results for the as-of date are missing, stream every user through the metrics, write the files,
 * upload them when S3 is configured, and store the metrics with the git commit. Progress goes to
 * the EvaluationRun row (status, stage, done/total) and to onProgress.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { getCatalog } from "../content";
import { canProcess } from "../core/guardrails";
import { WINDOW_IDS } from "../core/signals";
import type { Actor } from "../db/actor";
import { listEvalCustomers, usersMissingResults } from "../db/evaluation";
import {
  createEvaluationRun,
  failEvaluationRun,
  finishEvaluationRun,
  recordEvaluationProgress,
  type EvaluationStage,
} from "../db/evaluation-runs";
import { ConsentRevoked, runPipelineForUser } from "../pipeline";
import { collect } from "./collect";
import { gitCommit } from "./git";
import { checkAsOf, checkLabelsPath, readLabelsFile } from "./inputs";
import { aggregate } from "./metrics";
import { catalogIndex, offerFacts } from "./relevance";
import { endpointLabel, s3SettingsFromEnv, uploadFiles, type S3Settings } from "./s3";
import type { EvalArtifacts, EvalMetrics } from "./types";
import { writeArtifacts } from "./write";

export interface EvalProgress {
  stage: EvaluationStage;
  done: number;
  total: number;
}

export interface EvalRunOptions {
  asOf: string;
  outDir: string;
  labelsFile?: string | null;
  actor: Actor;
  /** An EvaluationRun row already created (the page's background run); else one is created. */
  runId?: string;
  /** Default: from the environment (S3_BUCKET...); null = no upload. */
  s3?: S3Settings | null;
  onProgress?: (p: EvalProgress) => void;
}

export interface EvalRunResult {
  runId: string;
  gitCommit: string | null;
  metrics: EvalMetrics;
  artifacts: EvalArtifacts;
  reportMd: string;
}

/** How often a run writes its progress to its row at most (the page polls it). */
export const PROGRESS_WRITE_INTERVAL_MS = 300;

class Progress {
  private p: EvalProgress = { stage: "starting", done: 0, total: 0 };
  private last = 0;
  constructor(
    private readonly actor: Actor,
    private readonly runId: string,
    private readonly listener?: (p: EvalProgress) => void,
  ) {}
  async stage(stage: EvaluationStage, total: number) {
    this.p = { stage, done: 0, total };
    await this.write(true);
  }
  readonly tick = async () => {
    this.p = { ...this.p, done: this.p.done + 1 };
    await this.write(this.p.done === this.p.total);
  };
  private async write(force: boolean) {
    this.listener?.(this.p);
    if (!force && performance.now() - this.last < PROGRESS_WRITE_INTERVAL_MS) return;
    this.last = performance.now();
    await recordEvaluationProgress(this.actor, this.runId, this.p);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function runEvaluation(o: EvalRunOptions): Promise<EvalRunResult> {
  const { actor } = o;
  const runId = o.runId ?? randomUUID();
  let asOf: string;
  try {
    asOf = checkAsOf(o.asOf);
    if (o.labelsFile) checkLabelsPath(o.labelsFile);
  } catch (e) {
    if (o.runId) await failEvaluationRun(actor, runId, message(e));
    throw e;
  }
  const commit = gitCommit();
  if (!o.runId) await createEvaluationRun(actor, { id: runId, asOf, gitCommit: commit });
  const progress = new Progress(actor, runId, o.onProgress);
  let kept: { metrics?: EvalMetrics; artifacts?: EvalArtifacts; reportMd?: string } = {};
  try {
    const labels = o.labelsFile ? await readLabelsFile(o.labelsFile) : null;
    const customers = await listEvalCustomers(actor);
    const consenting = customers.filter((c) => canProcess(c.consent.at ? c.consent : null).allowed).map((c) => c.id);
    const missing = await usersMissingResults(actor, asOf, consenting, WINDOW_IDS);
    await progress.stage("pipeline", missing.length);
    for (const id of missing) {
      await runPipelineForUser(id, asOf).catch((e) => {
        if (!(e instanceof ConsentRevoked)) throw e;
      });
      await progress.tick();
    }
    await progress.stage("evaluating", customers.length);
    const catalog = getCatalog();
    const traces = path.join(/* turbopackIgnore: true */ o.outDir, "traces");
    const c = await collect({ actor, asOf, customers, labels, tracesDir: traces, ctx: { catalog: catalogIndex(catalog) }, onUser: progress.tick });
    const metrics = aggregate(c.users, { asOf, pipelineRunFor: missing.length, timingWallMs: c.rerunMs, ...offerFacts(catalog) });
    await progress.stage("writing", 1);
    const info = { runId, gitCommit: commit, generatedAt: new Date().toISOString(), labelsFile: o.labelsFile ?? null };
    const { artifacts, reportMd } = await writeArtifacts(o.outDir, metrics, c.rows, info, { dir: path.resolve(/* turbopackIgnore: true */ traces), count: c.traces });
    kept = { metrics, artifacts, reportMd };
    await progress.tick();
    const s3 = o.s3 === undefined ? s3SettingsFromEnv() : o.s3;
    if (s3) {
      await progress.stage("uploading", artifacts.files.length);
      const keys = await uploadFiles(s3, runId, artifacts.files, progress.tick);
      artifacts.s3 = { endpoint: endpointLabel(s3), bucket: s3.bucket, prefix: `${s3.prefix}/${runId}/`, keys };
    }
    await finishEvaluationRun(actor, runId, { metrics, artifacts, reportMd });
    return { runId, gitCommit: commit, metrics, artifacts, reportMd };
  } catch (e) {
    await failEvaluationRun(actor, runId, message(e), kept).catch(() => undefined);
    throw e;
  }
}
