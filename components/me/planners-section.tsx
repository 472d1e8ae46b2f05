import type { PlannerDefaults } from "@/lib/core/me/calculators";
import { EmergencyFundPlanner, PayoffPlanner } from "./planners";

/** The two planners, started from the customer's own numbers. */
export function PlannersSection({ defaults }: { defaults: PlannerDefaults }) {
  return (
    <section aria-labelledby="planners-title" className="space-y-3">
      <h2 id="planners-title" className="text-lg font-semibold">
        Plan ahead
      </h2>
      <p className="text-sm text-slate-600">These start from your own numbers; change any of them to see how the plan moves. Education, not financial advice.</p>
      <div className="grid min-w-0 gap-3 md:grid-cols-2">
        <EmergencyFundPlanner defaults={defaults.emergency} />
        {defaults.payoff.cards.length ? <PayoffPlanner defaults={defaults.payoff} /> : null}
      </div>
    </section>
  );
}
