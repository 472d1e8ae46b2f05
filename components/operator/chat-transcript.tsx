/**
 * Operators: a customer's "Ask SpendSense" turns, read-only, with how each ended and the result of
 * every check on every sentence (which sentences the model wrote, which were replaced and why).
 */
import type { ChatTurnView } from "@/lib/types/chat";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { dateTime } from "./format";

const OUTCOME_TONE: Record<string, BadgeTone> = { answer: "teal", fallback: "amber", refusal: "sky", pending: "neutral" };

function Turn({ t }: { t: ChatTurnView }) {
  return (
    <li className="border-b border-slate-100 pb-3">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Badge tone={OUTCOME_TONE[t.outcome] ?? "neutral"}>{t.outcome}</Badge>
        <span>{dateTime(t.createdAt)}</span>
        <span>model {t.modelId ?? "none"}</span>
        {t.tools.length ? <span>tools {t.tools.join(", ")}</span> : null}
        {t.disclosure ? <span>disclosure shown</span> : null}
        {t.answerMs !== null ? <span>{t.answerMs} ms</span> : null}
      </div>
      <p className="mt-1 text-sm">
        <span className="font-medium">Q: </span>
        {t.question}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        <span className="font-medium">A: </span>
        {t.answer || "(no answer recorded)"}
      </p>
      {t.reason ? <p className="mt-1 text-xs text-amber-800">Reason: {t.reason}</p> : null}
      {t.sentences.length ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-slate-600">Checks ({t.sentences.length} sentences)</summary>
          <ol className="mt-1 space-y-1 pl-4">
            {t.sentences.map((s, i) => (
              <li key={i} className={s.passed ? "text-slate-600" : "text-rose-800"}>
                <span className="font-medium">{s.source}</span> {s.passed ? "passed" : `failed (${s.failures.join("; ")})`}: {s.text}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

export function ChatTranscript({ turns }: { turns: ChatTurnView[] }) {
  return (
    <Card aria-labelledby="chat-title">
      <CardTitle id="chat-title">Ask SpendSense transcript</CardTitle>
      {turns.length ? (
        <ol className="space-y-3">
          {turns.map((t) => (
            <Turn key={t.id} t={t} />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">No questions asked yet.</p>
      )}
    </Card>
  );
}
