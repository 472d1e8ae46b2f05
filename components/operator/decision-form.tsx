"use client";
import { useActionState, useEffect, useRef } from "react";
import { decideRecommendationAction } from "@/lib/actions/decide-recommendation";
import { Button } from "@/components/ui/button";

/** Approve / reject / flag one recommendation, with an optional note. */
export function DecisionForm({ recommendationId, title, compact }: { recommendationId: string; title: string; compact?: boolean }) {
  const [state, action, pending] = useActionState(decideRecommendationAction, null);
  // data-hydrated once React owns the form: a click before that submits nothing (browser tests wait for it).
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.setAttribute("data-hydrated", ""), []);
  return (
    <form ref={form} action={action} className={compact ? "flex flex-wrap items-center gap-2" : "mt-3 flex flex-wrap items-end gap-2"} aria-label={`Decide: ${title}`}>
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <label className="flex min-w-48 flex-1 flex-col text-xs font-medium text-slate-600">
        {compact ? <span className="sr-only">Note</span> : "Note (optional)"}
        <input name="note" maxLength={1000} placeholder={compact ? "Note (optional)" : ""} className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm font-normal text-slate-900" />
      </label>
      <Button type="submit" name="decision" value="approve" size="sm" disabled={pending}>
        Approve
      </Button>
      <Button type="submit" name="decision" value="reject" size="sm" variant="secondary" disabled={pending}>
        Reject
      </Button>
      <Button type="submit" name="decision" value="flag" size="sm" variant="danger" disabled={pending}>
        Flag
      </Button>
      <p role="status" aria-live="polite" className={state && !state.ok ? "w-full text-sm text-rose-700" : "w-full text-sm text-slate-600"}>
        {pending ? "Saving…" : state ? (state.ok ? state.message : state.error) : ""}
      </p>
    </form>
  );
}
