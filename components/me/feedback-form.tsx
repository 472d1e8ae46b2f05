"use client";
import { useActionState } from "react";
import { giveFeedbackAction } from "@/lib/actions/give-feedback";
import { FEEDBACK_NOTE_MAX_CHARS } from "@/lib/core/me/suggestion";
import { Button } from "@/components/ui/button";
import type { CustomerRecommendation } from "@/lib/types/views";

/** Helpful / not helpful with an optional note; sending again replaces the earlier verdict. */
export function FeedbackForm({ rec }: { rec: CustomerRecommendation }) {
  const [state, action, pending] = useActionState(giveFeedbackAction, null);
  const saved = state?.ok ? ((state.data as CustomerRecommendation["feedback"]) ?? rec.feedback) : rec.feedback;
  return (
    <form action={action} aria-label={`Feedback: ${rec.title}`} className="mt-3 border-t border-slate-100 pt-3 text-sm">
      <input type="hidden" name="recommendationId" value={rec.id} />
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <legend className="mb-1 font-medium text-slate-700">Was this helpful?</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="helpful" value="true" required defaultChecked={saved?.helpful === true} /> Helpful
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="helpful" value="false" defaultChecked={saved?.helpful === false} /> Not helpful
        </label>
      </fieldset>
      <label className="mt-2 block text-xs font-medium text-slate-600">
        Note (optional)
        <textarea
          name="note"
          rows={2}
          maxLength={FEEDBACK_NOTE_MAX_CHARS}
          defaultValue={saved?.note ?? ""}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm font-normal text-slate-900"
        />
      </label>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          Send feedback
        </Button>
        <p role="status" aria-live="polite" className={state && !state.ok ? "text-rose-700" : "text-slate-600"}>
          {pending ? "Saving…" : state ? (state.ok ? state.message : state.error) : saved ? `You said: ${saved.helpful ? "helpful" : "not helpful"}.` : ""}
        </p>
      </div>
    </form>
  );
}
