"use client";
import { useActionState, useState } from "react";
import { decideMatchingAction } from "@/lib/actions/decide-matching";
import type { ReviewFilter } from "@/lib/core/console/review-query";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";

type Decision = "approve" | "reject";
const VERB: Record<Decision, string> = { approve: "Approve", reject: "Reject" };

/**
 * Approve or reject every item a filter matches, after a confirmation that says how many. The
 * count and the moment the list was shown go with the decision: the server changes nothing when
 * the filter matches another set by then.
 */
export function BulkDecision({ filter, count, viewedAt, scope }: { filter: ReviewFilter; count: number; viewedAt: string; scope: string }) {
  const [open, setOpen] = useState<Decision | null>(null);
  const [state, action, pending] = useActionState(async (prev: Awaited<ReturnType<typeof decideMatchingAction>> | null, fd: FormData) => {
    const r = await decideMatchingAction(prev, fd);
    if (r.ok) setOpen(null);
    return r;
  }, null);
  const n = count.toLocaleString("en-US");
  const items = `${n} ${filter.status} ${count === 1 ? "recommendation" : "recommendations"}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => setOpen("approve")} disabled={pending}>
        Approve all {n}…
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setOpen("reject")} disabled={pending}>
        Reject all {n}…
      </Button>
      <p role="status" aria-live="polite" className={state && !state.ok ? "w-full text-sm text-rose-700" : "w-full text-sm text-slate-600"}>
        {pending ? "Saving…" : state ? (state.ok ? state.message : state.error) : ""}
      </p>
      <Dialog
        open={open !== null}
        onOpenChange={(v) => (v ? null : setOpen(null))}
        title={open ? `${VERB[open]} ${items}?` : ""}
        description={
          <>
            <p>
              This {open === "reject" ? "rejects" : "approves"} exactly {items}: {scope}.
            </p>
            <p>If the list changed since this page was shown, nothing is changed and you see the new count.</p>
            {state && !state.ok ? <p className="text-rose-700">{state.error}</p> : null}
          </>
        }
      >
        <DialogClose asChild>
          <Button variant="secondary" size="sm">
            Cancel
          </Button>
        </DialogClose>
        <form action={action}>
          {Object.entries(filter).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
          <input type="hidden" name="decision" value={open ?? ""} />
          <input type="hidden" name="count" value={count} />
          <input type="hidden" name="viewedAt" value={viewedAt} />
          <Button type="submit" size="sm" variant={open === "reject" ? "danger" : "primary"} disabled={pending}>
            {open ? `${VERB[open]} ${n}` : ""}
          </Button>
        </form>
      </Dialog>
    </div>
  );
}
