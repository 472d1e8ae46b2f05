"use server";
import { z } from "zod";
import { defaultAsOf } from "../pipeline";
import { EvaluationBusy, startEvaluationInBackground } from "../eval/background";
import { EvalInputError } from "../eval/inputs";
import { ActionError, defineAction } from "./safe-action";

/**
 * Operators: start an evaluation of the app's as-of date in the background (the page polls its
 * progress). Labels are read from EVAL_LABELS_FILE when set; files go to EVAL_OUT_DIR/<run id>.
 */
export const startEvaluationAction = defineAction({
  name: "start-evaluation",
  roles: ["operator"],
  // No input; an unknown field is an error (nothing is started).
  input: z.object({}).strict(),
  revalidate: ["/operator/metrics"],
  run: async ({ actor }) => {
    const asOf = await defaultAsOf();
    if (!asOf) throw new ActionError("There is nothing to evaluate yet: run the pipeline first (npm run pipeline -- --as-of DATE) or set AS_OF.");
    try {
      const { runId } = await startEvaluationInBackground(actor, { asOf, labelsFile: process.env.EVAL_LABELS_FILE || null });
      return { message: `Evaluation started for ${asOf}.`, data: { runId }, audit: { runId, asOf } };
    } catch (e) {
      if (e instanceof EvaluationBusy || e instanceof EvalInputError) throw new ActionError(e.message);
      throw e;
    }
  },
});
