"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { startEvaluationAction } from "@/lib/actions/start-evaluation";
import { Button } from "@/components/ui/button";

export interface RunState {
  id: string;
  status: string;
  stage: string;
  done: number;
  total: number;
  error: string | null;
  at: string;
}

const STAGES: Record<string, string> = {
  starting: "Starting",
  pipeline: "Running the pipeline for users without results",
  evaluating: "Evaluating users",
  writing: "Writing the files",
  uploading: "Uploading to S3",
};

/** How often the page re-reads a running evaluation's progress. */
export const POLL_MS = 1500;

/** Starts an evaluation (operators) and follows the running one until it finishes. */
export function RunPanel({ active, last, asOf }: { active: RunState | null; last: RunState | null; asOf: string | null }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(startEvaluationAction, null);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(t);
  }, [active, router]);
  return (
    <section aria-labelledby="run-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="run-title" className="text-base font-semibold">
          Run an evaluation
        </h2>
        <form action={action}>
          <Button type="submit" size="sm" disabled={pending || !!active || !asOf}>
            {active ? "Evaluation running…" : pending ? "Starting…" : "Start evaluation"}
          </Button>
        </form>
      </div>
      <p className="mt-1 text-sm text-slate-600">{asOf ? `Evaluates the results as of ${asOf}; runs the pipeline first for users without results.` : "No as-of date yet: run the pipeline first."}</p>
      {active ? (
        <div className="mt-3" role="status" aria-live="polite">
          <p className="text-sm">
            {STAGES[active.stage] ?? active.stage}: {active.done} of {active.total}
          </p>
          <progress className="mt-1 h-2 w-full" aria-label="Evaluation progress" max={Math.max(active.total, 1)} value={active.done} />
        </div>
      ) : last ? (
        <p role="status" className={last.status === "failed" ? "mt-3 text-sm text-rose-700" : "mt-3 text-sm text-slate-600"}>
          {last.status === "failed" ? `Last run failed: ${last.error}` : `Last run finished ${last.at.slice(0, 19).replace("T", " ")} UTC.`}
        </p>
      ) : null}
      {state ? (
        <p role="alert" className={state.ok ? "mt-2 text-sm text-teal-800" : "mt-2 text-sm text-rose-700"}>
          {state.ok ? state.message : state.error}
        </p>
      ) : null}
    </section>
  );
}
