import type { CardUtilization, SpendingChart as SpendingData, SubscriptionList } from "@/lib/core/me/charts";
import { SpendingChart } from "./charts/spending-chart";
import { CardUtilizationChart } from "./charts/card-utilization-chart";
import { SubscriptionsList } from "./subscriptions-list";

/** The dashboard's charts: spending by category, card utilization against the 30% line, subscriptions. */
export function MoneyPicture({ spending, cards, subs }: { spending: SpendingData | null; cards: CardUtilization[]; subs: SubscriptionList }) {
  return (
    <section aria-labelledby="picture-title" className="space-y-3">
      <h2 id="picture-title" className="text-lg font-semibold">
        Your money at a glance
      </h2>
      <div className="grid min-w-0 gap-3 md:grid-cols-2">
        {spending ? <SpendingChart data={spending} /> : <p className="text-sm text-slate-600">No spending to show yet.</p>}
        {cards.length ? <CardUtilizationChart cards={cards} /> : null}
      </div>
      <SubscriptionsList subs={subs} />
    </section>
  );
}
