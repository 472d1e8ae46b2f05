"use client";
import { useState, useTransition } from "react";
import { setConsentAction } from "@/lib/actions/set-consent";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";

/** Opt in, or revoke after a confirmation that says what revoking deletes. */
export function ConsentCard({ granted }: { granted: boolean }) {
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function apply(next: boolean) {
    setConfirmOpen(false);
    startTransition(async () => {
      const r = await setConsentAction(null, { granted: next });
      setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
    });
  }

  return (
    <section aria-labelledby="consent-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id="consent-title" className="text-lg font-semibold">
            Personalized insights
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {granted
              ? "You're sharing your transaction data with SpendSense so we can show insights and educational suggestions based on it."
              : "Turn this on to let SpendSense look at your transactions and show insights and educational suggestions made just for you. You can turn it off at any time."}
          </p>
        </div>
        <div className="flex items-center gap-2 pt-1">
          <span className="text-sm font-medium" aria-hidden>
            {granted ? "On" : "Off"}
          </span>
          <Switch checked={granted} disabled={pending} label="Share my data for personalized insights" onCheckedChange={(v) => (v ? apply(true) : setConfirmOpen(true))} />
        </div>
      </div>
      <p role="status" aria-live="polite" className={message && !message.ok ? "mt-3 text-sm text-rose-700" : "mt-3 text-sm text-teal-800"}>
        {pending ? "Saving…" : (message?.text ?? "")}
      </p>
      <Dialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        title="Stop sharing and delete your insights?"
        description={
          <>
            <p>If you turn this off, SpendSense stops analyzing your transactions and deletes everything it derived from them: your insights and your recommendations.</p>
            <p>You can opt in again whenever you like; we would then build fresh insights from your data.</p>
          </>
        }
      >
        <DialogClose asChild>
          <Button variant="secondary">Keep sharing</Button>
        </DialogClose>
        <Button variant="danger" onClick={() => apply(false)}>
          Stop sharing and delete
        </Button>
      </Dialog>
    </section>
  );
}
