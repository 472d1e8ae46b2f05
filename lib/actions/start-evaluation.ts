"use server";
import { revalidatePath } from "next/cache";
import { defaultAsOf } from "../pipeline";
import { EvaluationBusy, startEvaluationInBackground } from "../eval/background";
import { EvalInputError } from "../eval/inputs";
import { failure, requireActor, type ActionResult } from "./guard";

/**
 * Operators: start an evaluation of the app's as-of date in the background (the page polls its
 * progress). Labels are read from EVAL_LABELS_FILE when set; files go to EVAL_OUT_DIR/<run id>.
 */
export async function startEvaluationAction(): Promise<ActionResult<{ runId: string }>> {
  try {
    const actor = await requireActor(["operator"]);
    const asOf = await defaultAsOf();
    if (!asOf) return { ok: false, error: "There is nothing to evaluate yet: run the pipeline first (npm run pipeline -- --as-of DATE) or set AS_OF." };
    const { runId } = await startEvaluationInBackground(actor, { asOf, labelsFile: process.env.EVAL_LABELS_FILE || null });
    revalidatePath("/operator/metrics");
    return { ok: true, message: `Evaluation started for ${asOf}.`, data: { runId } };
  } catch (e) {
    if (e instanceof EvaluationBusy || e instanceof EvalInputError) return { ok: false, error: e.message };
    return failure(e);
  }
}
