import type { CardUtilization, SpendingChart as SpendingData, SubscriptionList } from "@/lib/core/me/charts";
import { SpendingChart } from "./charts/spending-chart";
import { CardUtilizationChart } from "./charts/card-utilization-chart";
import { SubscriptionsList } from "./subscriptions-list";
import { SavingsChart } from "./charts/savings-chart";
import { PaycheckChart } from "./charts/paycheck-chart";
import type { PaycheckHistory, SavingsHistory } from "@/lib/core/me/history";

interface Props {
  spending: SpendingData | null;
  cards: CardUtilization[];
  subs: SubscriptionList;
  savings: SavingsHistory | null;
  paychecks: PaycheckHistory | null;
}

/** The dashboard's charts: spending by category, card utilization against the 30% line, savings and paychecks over time, subscriptions. */
export function MoneyPicture({ spending, cards, subs, savings, paychecks }: Props) {
  return (
    <section aria-labelledby="picture-title" className="space-y-3">
      <h2 id="picture-title" className="text-lg font-semibold">
        Your money at a glance
      </h2>
      <div className="grid min-w-0 gap-3 md:grid-cols-2">
        {spending ? <SpendingChart data={spending} /> : <p className="text-sm text-slate-600">No spending to show yet.</p>}
        {cards.length ? <CardUtilizationChart cards={cards} /> : null}
        {savings ? <SavingsChart history={savings} /> : null}
        {paychecks ? <PaycheckChart history={paychecks} /> : null}
      </div>
      <SubscriptionsList subs={subs} />
    </section>
  );
}
