import type { PersonaAssignment } from "@/lib/core/personas/types";
import { Coded } from "./coded";
import { PERSONA_PRIORITY, PERSONAS } from "@/lib/core/personas";
import { Badge } from "@/components/ui/badge";
import { PersonaBadge, personaName } from "./persona-badge";
import { OverridePersonaForm } from "./override-form";
import { formatRuleValue } from "./format";

export function PersonaPanel({
  userId,
  window,
  asOf,
  persona,
}: {
  userId: string;
  window: string;
  asOf: string | null;
  persona: { primary: string | null; overridden: boolean; assignment: PersonaAssignment | null } | null;
}) {
  if (!persona) return <p className="text-sm text-slate-500">No persona assignment for this window.</p>;
  const a = persona.assignment;
  const options = PERSONA_PRIORITY.map((id) => ({ id, name: PERSONAS[id].name }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600">Primary persona:</span>
        <PersonaBadge id={persona.primary} overridden={persona.overridden} />
        {persona.overridden && a ? <span className="text-xs text-slate-500">(computed: {personaName(a.primary)})</span> : null}
      </div>

      <MatchedPersonas window={window} assignment={a} />

      {a ? <PersonaEvaluations assignment={a} /> : null}

      {asOf ? (
        <section aria-label={`Override persona (${window})`} className="rounded border border-slate-200 p-3">
          <h4 className="mb-2 text-sm font-semibold">Override the {window} persona</h4>
          <OverridePersonaForm userId={userId} window={window} asOf={asOf} current={persona.primary} personas={options} />
        </section>
      ) : null}
    </div>
  );
}

/** The personas that matched, each with the reasons (and rule names) that made it match. */
function MatchedPersonas({ window, assignment: a }: { window: string; assignment: PersonaAssignment | null }) {
  return (
    <section aria-label={`Matched personas (${window})`}>
      <h4 className="mb-1 text-sm font-semibold">Matched personas and reasons</h4>
      {a && a.matched.length ? (
        <ul className="space-y-2">
          {a.matched.map((m) => (
            <li key={m.id} className="rounded border border-slate-200 p-3">
              <PersonaBadge id={m.id} />
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {m.reasons.map((r, i) => (
                  <li key={`${r.rule}-${i}`}>
                    {r.text}{" "}
                    <Coded code={r.rule} label="" />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No persona matched in this window.</p>
      )}
    </section>
  );
}

/** Every persona in priority order, matched or not, with each criterion's value against its threshold. */
function PersonaEvaluations({ assignment: a }: { assignment: PersonaAssignment }) {
  return (
    <details className="rounded border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-semibold">Full evaluation of all personas</summary>
      <p className="mt-2 text-xs text-slate-500">Priority: {a.priority.map((p) => personaName(p)).join(" → ")}</p>
      <div className="mt-2 space-y-3">
        {a.evaluations.map((ev) => (
          <div key={ev.id}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium">{ev.name}</span>
              <Badge tone={ev.matched ? "teal" : "neutral"}>{ev.matched ? "matched" : "not matched"}</Badge>
              <span className="text-xs text-slate-500">{ev.logic}</span>
            </div>
            <CriteriaTable evaluation={ev} />
          </div>
        ))}
      </div>
    </details>
  );
}

function CriteriaTable({ evaluation: ev }: { evaluation: PersonaAssignment["evaluations"][number] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Criteria of ${ev.name}`}>
      <table className="mt-1 w-full text-left text-xs">
        <caption className="sr-only">Criteria of {ev.name}</caption>
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-2 font-medium">Rule</th>
            <th className="py-1 pr-2 font-medium">Signal</th>
            <th className="py-1 pr-2 text-right font-medium">Value</th>
            <th className="py-1 pr-2 text-center font-medium">Test</th>
            <th className="py-1 pr-2 font-medium">Threshold</th>
            <th className="py-1 font-medium">Result</th>
          </tr>
        </thead>
        <tbody>
          {ev.criteria.map((c, i) => (
            <tr key={`${c.rule}-${i}`} className="border-t border-slate-100" title={c.text}>
              <td className="py-1 pr-2">
                <Coded code={c.rule} />
              </td>
              <td className="py-1 pr-2">
                <Coded code={c.signal} />
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">{formatRuleValue(c.rule, c.value)}</td>
              <td className="py-1 pr-2 text-center">{c.comparator}</td>
              <td className="py-1 pr-2 tabular-nums">{formatRuleValue(c.rule, c.threshold)}</td>
              <td className="py-1">{c.met ? <Badge tone="teal">met</Badge> : <Badge>not met</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
