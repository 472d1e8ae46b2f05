"use client";
import { useState } from "react";
import type { CustomerRecommendation } from "@/lib/types/views";
import { Button } from "@/components/ui/button";
import { SuggestionDialog } from "./suggestion-dialog";
import { FeedbackForm } from "./feedback-form";

/** One suggestion: title, rationale and disclosure; opens in a dialog; takes feedback. */
export function SuggestionCard({ rec }: { rec: CustomerRecommendation }) {
  const [open, setOpen] = useState(false);
  const verb = rec.kind === "offer" ? "See why it fits" : "Read it";
  return (
    <article aria-labelledby={`rec-${rec.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`rec-${rec.id}`} className="font-medium">
          {rec.title}
        </h3>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{rec.kind === "offer" ? "Partner offer" : "Read"}</span>
      </div>
      <p className="mt-2 text-sm text-slate-700">
        <span className="font-medium">Why you&apos;re seeing this: </span>
        {rec.rationale}
      </p>
      <Button size="sm" className="mt-3" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-label={`${verb}: ${rec.title}`}>
        {verb}
      </Button>
      <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">{rec.disclosure}</p>
      <FeedbackForm rec={rec} />
      <SuggestionDialog rec={rec} open={open} onOpenChange={setOpen} />
    </article>
  );
}
