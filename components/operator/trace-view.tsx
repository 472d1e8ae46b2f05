import type { DecisionTrace } from "@/lib/core/guardrails/trace";
import { Coded } from "./coded";
import { codeLabel, signalPathLabel } from "@/lib/core/console/labels";
import { Badge } from "@/components/ui/badge";
import { personaName } from "./persona-badge";
import { dateTime, formatRuleValue, formatSignalValue } from "./format";

function Check({ passed }: { passed: boolean }) {
  return passed ? <Badge tone="teal">passed</Badge> : <Badge tone="rose">failed</Badge>;
}

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-1">
      <h5 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h5>
      {children}
    </section>
  );
}

/** Every field of a DecisionTrace, by name. */
export function TraceView({ trace: t, accounts }: { trace: DecisionTrace; accounts: Readonly<Record<string, string>> }) {
  return (
    <div className="mt-3 grid gap-4 text-sm md:grid-cols-2">
      <ItemPart t={t} />
      <ScorePart t={t} />
      <PersonaReasonsPart t={t} />
      <SignalsPart t={t} accounts={accounts} />
      <EligibilityPart t={t} />
      <GuardrailsPart t={t} />

      <Part title="Consent">
        <p className="text-xs">{t.consent ? `${t.consent.code}: ${t.consent.reason}` : "Not recorded in this trace."}</p>
      </Part>

      <FactsPart t={t} />
      <RulesPart t={t} />

      {t.notes.length ? (
        <Part title="Notes">
          <ul className="list-disc pl-5 text-xs">
            {t.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </Part>
      ) : null}
    </div>
  );
}

function ItemPart({ t }: { t: DecisionTrace }) {
  return (
    <Part title="Item and generator">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-slate-500">{codeLabel("item")}</dt>
        <dd>
          <Coded code={t.item.id} label={t.item.kind === "offer" ? "Offer" : "Education"} />
        </dd>
        <dt className="text-slate-500">{codeLabel("generator")}</dt>
        <dd>{t.generator}</dd>
        <dt className="text-slate-500">{codeLabel("generated_at")}</dt>
        <dd>{dateTime(t.generated_at)}</dd>
        <dt className="text-slate-500">Window / as of</dt>
        <dd>
          {t.window} / {t.as_of}
        </dd>
        <dt className="text-slate-500">{codeLabel("rationale_tags")}</dt>
        <dd>{t.rationale_tags.length ? t.rationale_tags.map(codeLabel).join(", ") : "none"}</dd>
      </dl>
    </Part>
  );
}

function ScorePart({ t }: { t: DecisionTrace }) {
  return (
    <Part title="Score">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-slate-500">{codeLabel("total")}</dt>
        <dd className="font-semibold">{t.score.total}</dd>
        <dt className="text-slate-500">{codeLabel("persona_weight")}</dt>
        <dd>
          {t.score.persona_weight} {t.score.persona_rule ? <Coded code={t.score.persona_rule} label="" /> : null}
          {t.score.persona_tag ? ` for ${codeLabel(t.score.persona_tag)}` : ""}
        </dd>
        <dt className="text-slate-500">{codeLabel("signal_weight")}</dt>
        <dd>
          {t.score.signal_weight} ({t.score.signal_matches.length} × {t.score.signal_weight_each}
          {t.score.signal_matches.length ? `: ${t.score.signal_matches.map(codeLabel).join(", ")}` : ""})
        </dd>
        <dt className="text-slate-500">{codeLabel("tie_break")}</dt>
        <dd>{t.score.tie_break}</dd>
        <dt className="text-slate-500">{codeLabel("payout_considered")}</dt>
        <dd>{t.score.payout_considered ? "yes" : "no"}</dd>
      </dl>
    </Part>
  );
}

function PersonaReasonsPart({ t }: { t: DecisionTrace }) {
  return (
    <Part title="Persona reasons">
      <p className="text-xs">
        Primary: {personaName(t.persona.primary)}; item persona: {t.persona.item_persona ?? "none"}
      </p>
      <ul className="list-disc space-y-0.5 pl-5 text-xs">
        {t.persona.matched.flatMap((m) =>
          m.reasons.map((r, i) => (
            <li key={`${m.id}-${r.rule}-${i}`}>
              <span className="font-medium">{personaName(m.id)}:</span> {r.text}
            </li>
          )),
        )}
        {t.persona.matched.length === 0 ? <li>No persona matched.</li> : null}
      </ul>
    </Part>
  );
}

function SignalsPart({ t, accounts }: { t: DecisionTrace; accounts: Readonly<Record<string, string>> }) {
  return (
    <Part title="Signals used">
      <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 text-xs">
        {t.signals.map((s) => (
          <div key={s.name} className="contents">
            <dt className="border-t border-slate-100 py-0.5 break-all">
              <Coded code={s.name} label={signalPathLabel(s.name, accounts)} />
            </dt>
            <dd className="border-t border-slate-100 py-0.5 text-right tabular-nums">{formatSignalValue(s.name, s.value)}</dd>
          </div>
        ))}
      </dl>
    </Part>
  );
}

/** Each check of an eligibility or guardrail result: passed or failed, its rule, what it found. */
function CheckList({ checks }: { checks: ReadonlyArray<{ rule: string; passed: boolean; detail: string }> }) {
  return (
    <ul className="space-y-0.5 text-xs">
      {checks.map((c, i) => (
        <li key={`${c.rule}-${i}`} className="flex flex-wrap items-center gap-2">
          <Check passed={c.passed} /> <Coded code={c.rule} /> <span className="text-slate-600">{c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

function EligibilityPart({ t }: { t: DecisionTrace }) {
  return (
    <Part title="Eligibility checks">
      {t.eligibility ? (
        <>
          <p className="text-xs">
            <Coded code={t.eligibility.offer_id} label="Offer" />: {t.eligibility.eligible ? "eligible" : "not eligible"}
          </p>
          <CheckList checks={t.eligibility.checks} />
        </>
      ) : (
        <p className="text-xs text-slate-500">Not an offer: no eligibility checks.</p>
      )}
    </Part>
  );
}

function GuardrailsPart({ t }: { t: DecisionTrace }) {
  return (
    <Part title="Guardrail results">
      {t.guardrails ? (
        <>
          <p className="text-xs">Overall: {t.guardrails.passed ? "passed" : "failed"}</p>
          <CheckList checks={t.guardrails.checks} />
        </>
      ) : (
        <p className="text-xs text-slate-500">No guardrail result recorded.</p>
      )}
    </Part>
  );
}

function FactsPart({ t }: { t: DecisionTrace }) {
  return (
    <Part title="Facts">
      {t.facts.length ? (
        <ul className="space-y-0.5 text-xs">
          {t.facts.map((f) => (
            <li key={f.key}>
              <Coded code={f.key} />: {f.display}
              {f.subject ? ` (${f.subject})` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">No facts.</p>
      )}
    </Part>
  );
}

function RulesPart({ t }: { t: DecisionTrace }) {
  return (
    <Part title="Rules">
      <dl className="grid grid-cols-[minmax(0,1fr)_minmax(0,auto)] gap-x-3 text-xs">
        {t.rules.map((r) => (
          <div key={r.name} className="contents">
            <dt className="border-t border-slate-100 py-0.5 break-all">
              <Coded code={r.name} />
            </dt>
            <dd className="max-w-64 border-t border-slate-100 py-0.5 text-right tabular-nums">{formatRuleValue(r.name, r.value)}</dd>
          </div>
        ))}
      </dl>
    </Part>
  );
}
