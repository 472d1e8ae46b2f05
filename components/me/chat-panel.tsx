"use client";
/**
 * "Ask SpendSense": the customer's chat panel. The AI SDK's React chat hook (useChat) posts to
 * /api/chat and renders the streamed UI message: the checked answer text, then the disclosure and
 * the sources as data parts. Empty, loading and error states; keyboard (Enter sends, Shift+Enter
 * breaks the line); works at 390 px. Every sentence it shows was built or checked on the server.
 */
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { CHAT_MAX_QUESTION_CHARS } from "@/lib/core/chat/constants";
import { CHAT_PANEL_TEXT as T, TOOL_SOURCE_WORDS } from "@/lib/core/chat/messages";
import { Button } from "@/components/ui/button";

type Part = UIMessage["parts"][number];
const dataOf = <D,>(p: Part, type: string): D | null => (p.type === type ? ((p as { data: D }).data ?? null) : null);

/** The sentence for a failed request: the server's problem+json status decides which. */
function errorText(error: Error): string {
  try {
    const status = (JSON.parse(error.message) as { status?: number }).status;
    if (status === 429) return T.rateLimited;
    if (status === 400) return T.tooLong;
  } catch {
    /* not a problem document: the generic sentence */
  }
  return T.error;
}

function Answer({ message }: { message: UIMessage }) {
  const text = message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  const disclosure = message.parts.map((p) => dataOf<{ text: string }>(p, "data-disclosure")).find(Boolean);
  const sources = message.parts.map((p) => dataOf<{ tools: string[] }>(p, "data-sources")).find(Boolean);
  const words = (sources?.tools ?? []).map((t) => TOOL_SOURCE_WORDS[t]).filter(Boolean);
  return (
    <article aria-label={`${T.assistant} said`} className="mr-6 rounded-lg bg-slate-50 p-3 text-sm text-slate-800">
      <p className="whitespace-pre-wrap">{text}</p>
      {words.length ? <p className="mt-2 text-xs text-slate-500">{`${T.basedOn} ${words.join(", ")}.`}</p> : null}
      {disclosure ? <p className="mt-2 border-t border-slate-200 pt-2 text-xs text-slate-500">{disclosure.text}</p> : null}
    </article>
  );
}

function Conversation({ messages, busy, submitted, onPick }: { messages: UIMessage[]; busy: boolean; submitted: boolean; onPick: (q: string) => void }) {
  return (
    <div role="log" aria-label="Conversation" aria-live="polite" aria-busy={busy} className="mt-4 max-h-[28rem] space-y-3 overflow-y-auto">
      {messages.length === 0 ? (
        <div>
          <p className="text-sm text-slate-700">{T.emptyTitle}</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {T.starters.map((s) => (
              <li key={s}>
                <Button type="button" variant="secondary" size="sm" className="text-left" onClick={() => onPick(s)} disabled={busy}>
                  {s}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        messages.map((m) =>
          m.role === "user" ? (
            <article key={m.id} aria-label={`${T.you} asked`} className="ml-6 rounded-lg bg-teal-50 p-3 text-sm text-teal-950">
              {m.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("")}
            </article>
          ) : (
            <Answer key={m.id} message={m} />
          ),
        )
      )}
      {submitted ? (
        <p role="status" className="text-sm text-slate-500">
          {T.loading}
        </p>
      ) : null}
    </div>
  );
}

export function ChatPanel() {
  const { messages, sendMessage, status, error, regenerate, stop } = useChat({ transport: new DefaultChatTransport({ api: "/api/chat" }) });
  const [input, setInput] = useState("");
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const busy = status === "submitted" || status === "streaming";

  function ask(question: string) {
    const q = question.trim();
    if (!q || busy) return;
    void sendMessage({ text: q });
    setInput("");
    inputRef.current?.focus();
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    ask(input);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      ask(input);
    }
  };

  return (
    <section aria-labelledby="ask-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="ask-title" className="text-lg font-semibold">
        {T.title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{T.intro}</p>
      <Conversation messages={messages} busy={busy} submitted={status === "submitted"} onPick={ask} />
      {error ? (
        <div role="alert" className="mt-3 flex flex-wrap items-center gap-2 rounded border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          <span>{errorText(error)}</span>
          <Button type="button" variant="secondary" size="sm" onClick={() => void regenerate()}>
            {T.retry}
          </Button>
        </div>
      ) : null}
      <form onSubmit={onSubmit} className="mt-4">
        <label htmlFor="ask-input" className="text-sm font-medium">
          {T.inputLabel}
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <textarea
            id="ask-input"
            ref={inputRef}
            rows={2}
            maxLength={CHAT_MAX_QUESTION_CHARS}
            value={input}
            placeholder={T.placeholder}
            onChange={(e) => setInput(e.target.value)}
            onKeyDown={onKeyDown}
            className="min-w-0 flex-1 resize-y rounded border border-slate-300 p-2 text-sm focus-visible:outline-2 focus-visible:outline-teal-700"
          />
          <div className="flex gap-2 sm:flex-col">
            <Button type="submit" disabled={busy || !input.trim()} className="flex-1">
              {T.send}
            </Button>
            {busy ? (
              <Button type="button" variant="secondary" onClick={() => void stop()} className="flex-1">
                {T.stop}
              </Button>
            ) : null}
          </div>
        </div>
      </form>
    </section>
  );
}
