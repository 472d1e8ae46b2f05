import type { UserDetail } from "@/lib/types/views";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "./persona-badge";
import { DecisionForm } from "./decision-form";
import { TraceDisclosure } from "./trace-disclosure";

type Rec = UserDetail["recommendations"][number];

export function RecommendationCard({ rec }: { rec: Rec }) {
  const titleId = `rec-${rec.id}-title`;
  return (
    <article aria-labelledby={titleId} className="rounded border border-slate-200 p-4">
      <header className="flex flex-wrap items-center gap-2">
        <h4 id={titleId} className="font-semibold">
          {rec.title}
        </h4>
        <Badge tone={rec.kind === "offer" ? "violet" : "sky"}>{rec.kind}</Badge>
        <span className="text-xs text-slate-500">rank {rec.rank}</span>
        <p className="ml-auto flex items-center gap-1 text-sm text-slate-500">
          Status: <StatusBadge status={rec.status} />
        </p>
      </header>
      <p className="mt-2 text-sm">
        <span className="font-medium">Rationale: </span>
        {rec.rationale}
      </p>
      <p className="mt-2 text-xs text-slate-500">{rec.disclosure}</p>
      <TraceDisclosure recommendationId={rec.id} />
      <DecisionForm recommendationId={rec.id} title={rec.title} />
    </article>
  );
}
