"use client";
import { StatusPage } from "@/components/ui/status-page";

/** Anything a page did not expect: no details (they may be sensitive), a retry and a way back. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      action={
        <button type="button" onClick={reset} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Try again
        </button>
      }
    >
      <p>We could not show this page. Please try again; if it keeps happening, come back a little later.</p>
    </StatusPage>
  );
}
