"use client";
import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/change-password";
import { Button } from "@/components/ui/button";

function Field({ name, label, autoComplete, error }: { name: string; label: string; autoComplete: string; error?: string }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <input
        name={name}
        type="password"
        required
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-2 font-normal"
      />
      {error ? (
        <span id={`${name}-error`} className="mt-1 block text-xs text-rose-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** Change one's own password; on success every session ends, and the link leads to sign-in. */
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-3">
        <p className="text-sm text-teal-800">{state.message}</p>
        <Button asChild>
          <a href="/session-ended">Sign in again</a>
        </Button>
      </div>
    );
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} aria-label="Change password" className="space-y-4">
      <Field name="currentPassword" label="Current password" autoComplete="current-password" error={errors.currentPassword} />
      <Field name="newPassword" label="New password (at least 12 characters)" autoComplete="new-password" error={errors.newPassword} />
      <Field name="confirmPassword" label="Repeat the new password" autoComplete="new-password" error={errors.confirmPassword} />
      <p role="alert" className="text-sm text-rose-700">
        {state && !state.ok ? state.error : ""}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
