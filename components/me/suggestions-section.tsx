import type { CustomerRecommendation } from "@/lib/types/views";
import { SuggestionCard } from "./suggestion-card";

export function SuggestionsSection({ recs }: { recs: CustomerRecommendation[] }) {
  return (
    <section aria-labelledby="recs-title" className="space-y-3">
      <h2 id="recs-title" className="text-lg font-semibold">
        Suggested for you
      </h2>
      {recs.length ? (
        <ul className="space-y-3">
          {recs.map((r) => (
            <li key={r.id}>
              <SuggestionCard rec={r} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No suggestions yet. Our team reviews every suggestion before it appears here.</p>
      )}
    </section>
  );
}
