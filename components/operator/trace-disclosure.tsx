"use client";
import { useRef, useState } from "react";
import type { DecisionTrace } from "@/lib/core/guardrails/trace";
import { TraceView } from "./trace-view";

type Loaded = { trace: DecisionTrace | null; accounts: Record<string, string> };
type State = { kind: "closed" } | { kind: "loading" } | ({ kind: "loaded" } & Loaded) | { kind: "failed"; message: string };

/**
 * "Decision trace": fetched from GET /api/operator/recommendations/{id}/trace the first time it is
 * opened (a user page has a dozen or more; rendering every trace made the page about 1 MB).
 */
export function TraceDisclosure({ recommendationId }: { recommendationId: string }) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const started = useRef(false);
  const load = async () => {
    started.current = true;
    setState({ kind: "loading" });
    try {
      const res = await fetch(`/api/operator/recommendations/${encodeURIComponent(recommendationId)}/trace`, { cache: "no-store" });
      if (!res.ok) {
        const p = (await res.json().catch(() => null)) as { detail?: string } | null;
        throw new Error(p?.detail ?? `the server answered ${res.status}`);
      }
      setState({ kind: "loaded", ...((await res.json()) as Loaded) });
    } catch (e) {
      started.current = false;
      setState({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <details
      className="mt-3 rounded bg-slate-50 p-3"
      onToggle={(e) => {
        if (e.currentTarget.open && !started.current) void load();
      }}
    >
      <summary className="cursor-pointer text-sm font-medium text-teal-800">Decision trace</summary>
      <div aria-live="polite">
        {state.kind === "loading" ? <p className="mt-2 text-xs text-slate-500">Loading the trace…</p> : null}
        {state.kind === "failed" ? (
          <p className="mt-2 text-xs text-rose-700">
            The trace could not be loaded ({state.message}).{" "}
            <button type="button" className="underline" onClick={() => void load()}>
              Try again
            </button>
          </p>
        ) : null}
        {state.kind === "loaded" ? state.trace ? <TraceView trace={state.trace} accounts={state.accounts} /> : <p className="mt-2 text-xs text-slate-500">No trace was stored for this recommendation.</p> : null}
      </div>
    </details>
  );
}
