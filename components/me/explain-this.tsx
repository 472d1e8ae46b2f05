"use client";
/**
 * "Explain this" inside an opened suggestion: asks the chat route (POST /api/chat, the AI SDK UI
 * message stream) about this one suggestion and shows the answer as it streams. The route applies
 * the chat's guardrails: only the signed-in customer's own data, consent, the rate limit, and every
 * sentence checked against their numbers before it is sent.
 */
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { explainQuestion } from "@/lib/core/chat/intents";
import { CHAT_PANEL_TEXT as T } from "@/lib/core/chat/messages";
import { Button } from "@/components/ui/button";

export function ExplainThis({ title }: { title: string }) {
  const { messages, sendMessage, status, error } = useChat({ transport: new DefaultChatTransport({ api: "/api/chat" }) });
  const busy = status === "submitted" || status === "streaming";
  const answer = messages.findLast((m) => m.role === "assistant");
  const text = answer?.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("") ?? "";
  const disclosure = answer?.parts.flatMap((p) => (p.type === "data-disclosure" ? [(p as { data: { text: string } }).data.text] : []))[0];
  return (
    <section aria-label="Explanation" className="mt-4 text-sm">
      <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={() => void sendMessage({ text: explainQuestion(title) })}>
        {answer ? "Explain again" : "Explain this"}
      </Button>
      <div aria-live="polite" aria-busy={busy} className="mt-2">
        {status === "submitted" ? <p className="text-slate-500">{T.loading}</p> : null}
        {text ? <p className="rounded bg-slate-50 p-3 whitespace-pre-wrap text-slate-800">{text}</p> : null}
        {disclosure ? <p className="mt-1 text-xs text-slate-500">{disclosure}</p> : null}
        {error ? (
          <p role="alert" className="text-rose-800">
            {T.error}
          </p>
        ) : null}
      </div>
    </section>
  );
}
