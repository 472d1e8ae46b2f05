import { pageActor } from "@/lib/auth/session";
import { getEvaluationRun, listEvaluationRuns } from "@/lib/db/evaluation-runs";
import { defaultAsOf } from "@/lib/pipeline";
import { EVAL_STALE_AFTER_MS } from "@/lib/eval/constants";
import { runStates, runSummary, trend } from "@/lib/eval/view";
import { RunPanel } from "@/components/operator/metrics/run-panel";
import { FairnessFlags, Headline } from "@/components/operator/metrics/headline";
import { FairnessFigures, LatencyFigure, PersonaFigure, RatesFigure, TrendFigure } from "@/components/operator/metrics/figures";

export const metadata = { title: "Metrics · SpendSense operator" };

/** Runs listed for the trend chart. */
const TREND_RUNS = 30;

export default async function MetricsPage() {
  const actor = await pageActor(["operator"], "/operator/metrics");
  const [runs, latest, asOf] = await Promise.all([listEvaluationRuns(actor, TREND_RUNS), getEvaluationRun(actor, "latest"), defaultAsOf()]);
  const { active, last } = runStates(runs, EVAL_STALE_AFTER_MS);
  const s = latest ? runSummary(latest) : null;
  const points = trend(runs);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Evaluation metrics</h1>
      <RunPanel active={active} last={last} asOf={asOf} />
      {s ? (
        <>
          <Headline s={s} />
          <div className="grid gap-4 lg:grid-cols-2">
            <PersonaFigure s={s} />
            <RatesFigure s={s} />
            <LatencyFigure s={s} />
            {points.length ? <TrendFigure points={points} /> : null}
            <FairnessFigures s={s} />
          </div>
          <FairnessFlags s={s} />
        </>
      ) : (
        <p className="text-sm text-slate-600">No evaluation has finished yet. Start one above, or run `npm run eval -- --as-of DATE --out DIR`.</p>
      )}
    </div>
  );
}
