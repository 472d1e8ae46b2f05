"use client";
import { useActionState } from "react";
import { overridePersonaAction } from "@/lib/actions/override-persona";
import { Button } from "@/components/ui/button";

/** Operators: set the primary persona of one window (or none), with a required note. */
export function OverridePersonaForm({ userId, window, asOf, current, personas }: { userId: string; window: string; asOf: string; current: string | null; personas: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(overridePersonaAction, null);
  const noteError = state && !state.ok ? state.fieldErrors?.note : undefined;
  return (
    <form action={action} className="space-y-3" aria-label={`Override persona (${window})`}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="window" value={window} />
      <input type="hidden" name="asOf" value={asOf} />
      <label className="block text-sm font-medium">
        Primary persona
        <select name="primary" defaultValue={current ?? "none"} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value="none">None</option>
        </select>
      </label>
      <label className="block text-sm font-medium">
        Note (required)
        <textarea
          name="note"
          required
          minLength={3}
          maxLength={1000}
          rows={2}
          aria-invalid={noteError ? true : undefined}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      {noteError ? <p className="text-sm text-rose-700">{noteError}</p> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          Save override
        </Button>
        <p role="status" aria-live="polite" className={state && !state.ok ? "text-sm text-rose-700" : "text-sm text-slate-600"}>
          {pending ? "Saving…" : state ? (state.ok ? state.message : state.error) : ""}
        </p>
      </div>
    </form>
  );
}
