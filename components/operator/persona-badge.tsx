import { PERSONAS, type PersonaId } from "@/lib/core/personas";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<PersonaId, BadgeTone> = {
  high_utilization: "rose",
  paycheck_to_paycheck: "amber",
  variable_income_budgeter: "violet",
  subscription_heavy: "sky",
  savings_builder: "teal",
};

export function personaName(id: string | null | undefined): string {
  if (!id) return "No persona";
  return (PERSONAS as Record<string, { name: string }>)[id]?.name ?? id;
}

export function PersonaBadge({ id, window, overridden }: { id: string | null | undefined; window?: string; overridden?: boolean }) {
  const tone = id && id in TONE ? TONE[id as PersonaId] : "neutral";
  return (
    <Badge tone={tone} title={id ?? "none"}>
      {window ? <span className="mr-1 text-slate-600">{window}</span> : null}
      {personaName(id)}
      {overridden ? <span className="ml-1 italic">(override)</span> : null}
    </Badge>
  );
}

const STATUS_TONE: Record<string, BadgeTone> = { pending: "amber", approved: "teal", rejected: "neutral", flagged: "rose" };

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status] ?? "neutral"}>{status}</Badge>;
}
