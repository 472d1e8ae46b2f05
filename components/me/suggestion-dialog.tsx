"use client";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import type { CustomerRecommendation } from "@/lib/types/views";
import { ExplainThis } from "./explain-this";

/** The opened suggestion: education's full text or an offer's fit, the rationale, the disclosure. */
export function SuggestionDialog({ rec, open, onOpenChange }: { rec: CustomerRecommendation; open: boolean; onOpenChange: (v: boolean) => void }) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 bg-slate-900/40" />
        <DialogPrimitive.Content className="fixed top-1/2 left-1/2 flex max-h-[90vh] w-[min(94vw,40rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl focus:outline-none">
          <div className="overflow-y-auto p-6">
            <DialogPrimitive.Title className="text-lg font-semibold">{rec.title}</DialogPrimitive.Title>
            <DialogPrimitive.Description className="mt-1 text-sm text-slate-600">{rec.summary ?? (rec.kind === "offer" ? "A partner offer" : "An educational read")}</DialogPrimitive.Description>
            {rec.body.length ? (
              <div className="mt-4 space-y-3 text-sm leading-relaxed text-slate-800">
                {rec.body.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            ) : null}
            <section aria-label="Why you're seeing this" className="mt-4 rounded bg-teal-50 p-3 text-sm text-slate-800">
              <h3 className="font-medium">Why you&apos;re seeing this</h3>
              <p className="mt-1">{rec.rationale}</p>
            </section>
            {rec.kind === "offer" ? <PassedRules rules={rec.passedRules} /> : null}
            <ExplainThis title={rec.title} />
            <p className="mt-4 border-t border-slate-100 pt-2 text-xs text-slate-500">{rec.disclosure}</p>
          </div>
          <div className="flex justify-end border-t border-slate-100 px-6 py-3">
            <DialogPrimitive.Close className="rounded border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">Close</DialogPrimitive.Close>
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

function PassedRules({ rules }: { rules: CustomerRecommendation["passedRules"] }) {
  return (
    <section aria-label="Why it fits" className="mt-4 text-sm">
      <h3 className="font-medium">Why it fits</h3>
      {rules.length ? (
        <ul className="mt-1 space-y-1">
          {rules.map((r, i) => (
            <li key={i} className="flex gap-2">
              <span aria-hidden className="text-teal-700">
                ✓
              </span>
              <span>
                <span className="font-medium">{r.label}:</span> {r.detail}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-600">This offer has no eligibility requirements.</p>
      )}
    </section>
  );
}
