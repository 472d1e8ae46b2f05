"use client";
import { useState, useTransition } from "react";
import { createPlaidLinkTokenAction } from "@/lib/actions/create-plaid-link-token";
import { exchangePlaidTokenAction } from "@/lib/actions/exchange-plaid-token";
import { Button } from "@/components/ui/button";

/** Plaid Link's script: loaded only when the customer asks to connect (the page shows this only when Plaid is configured). */
const LINK_SCRIPT = "https://cdn.plaid.com/link/v2/stable/link-initialize.js";

interface LinkMetadata {
  institution?: { institution_id?: string; name?: string } | null;
}
interface PlaidLink {
  create(opts: { token: string; onSuccess: (publicToken: string, metadata: LinkMetadata) => void; onExit: () => void }): { open(): void };
}

function loadLink(): Promise<PlaidLink> {
  const w = window as unknown as { Plaid?: PlaidLink };
  if (w.Plaid) return Promise.resolve(w.Plaid);
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = LINK_SCRIPT;
    s.async = true;
    s.onload = () => (w.Plaid ? resolve(w.Plaid) : reject(new Error("Plaid Link did not load")));
    s.onerror = () => reject(new Error("Plaid Link could not be loaded"));
    document.head.appendChild(s);
  });
}

/** "Connect a bank": a link token from the server, Plaid Link, then the public token exchanged on the server. */
export function ConnectBank() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function connected(publicToken: string, metadata: LinkMetadata) {
    startTransition(async () => {
      const r = await exchangePlaidTokenAction(null, { publicToken, institutionId: metadata.institution?.institution_id ?? null, institutionName: metadata.institution?.name ?? null });
      setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.error });
    });
  }

  function open() {
    startTransition(async () => {
      const r = await createPlaidLinkTokenAction(null, {});
      if (!r.ok || !r.data) return setMessage({ ok: false, text: r.ok ? "Could not start Plaid." : r.error });
      try {
        const Plaid = await loadLink();
        Plaid.create({ token: r.data.linkToken, onSuccess: connected, onExit: () => setMessage(null) }).open();
      } catch (e) {
        setMessage({ ok: false, text: e instanceof Error ? e.message : "Plaid Link could not be loaded" });
      }
    });
  }

  return (
    <section aria-labelledby="connect-bank-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="connect-bank-title" className="text-lg font-semibold">
        Your banks
      </h2>
      <p className="mt-1 text-sm text-slate-600">Connect a bank through Plaid to keep your transactions up to date.</p>
      <Button className="mt-3" onClick={open} disabled={pending}>
        Connect a bank
      </Button>
      <p role="status" aria-live="polite" className={message && !message.ok ? "mt-3 text-sm text-rose-700" : "mt-3 text-sm text-teal-800"}>
        {pending ? "Working…" : (message?.text ?? "")}
      </p>
    </section>
  );
}
