"use client";
import { useActionState } from "react";
import { setCustomerDisabledAction } from "@/lib/actions/set-customer-disabled";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { dateTime } from "./format";

/** Disable a customer's account (ends their sessions at once) or enable it again, with an optional note. */
export function AccessCard({ userId, disabledAt }: { userId: string; disabledAt: string | null }) {
  const [state, action, pending] = useActionState(setCustomerDisabledAction, null);
  const disabled = disabledAt !== null;
  return (
    <Card aria-labelledby="access-title">
      <CardTitle id="access-title">Account access</CardTitle>
      <p className="mb-3 text-sm text-slate-600">
        {disabledAt ? `Disabled since ${dateTime(disabledAt)}: the customer cannot sign in.` : "Enabled. Disabling ends every session of this customer at once and stops sign-in."}
      </p>
      <form action={action} aria-label="Account access" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
        <label className="flex min-w-48 flex-1 flex-col text-xs font-medium text-slate-600">
          Note (optional)
          <input name="note" maxLength={1000} className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm font-normal text-slate-900" />
        </label>
        <Button type="submit" size="sm" variant={disabled ? "secondary" : "danger"} disabled={pending}>
          {disabled ? "Enable account" : "Disable account"}
        </Button>
        <p role="status" aria-live="polite" className={state && !state.ok ? "w-full text-sm text-rose-700" : "w-full text-sm text-slate-600"}>
          {pending ? "Saving…" : state ? (state.ok ? state.message : state.error) : ""}
        </p>
      </form>
    </Card>
  );
}
