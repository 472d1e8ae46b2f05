import { redirect } from "next/navigation";
import { pageActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/db/actor";
import { getCustomerCharts, getCustomerView } from "@/lib/db/customer-view";
import { customerInsights } from "@/lib/core/insights/insights";
import { onePerItem } from "@/lib/core/me/suggestion";
import { cardUtilizations, spendingChart, subscriptionList } from "@/lib/core/me/charts";
import { plannerDefaults } from "@/lib/core/me/calculators";
import type { CustomerView } from "@/lib/types/views";
import { ConsentCard } from "@/components/me/consent-card";
import { ChatPanel } from "@/components/me/chat-panel";
import { MeHeader } from "@/components/me/me-header";
import { InsightsSection } from "@/components/me/insights-section";
import { SuggestionsSection } from "@/components/me/suggestions-section";
import { OptInExplainer } from "@/components/me/opt-in-explainer";
import { MoneyPicture } from "@/components/me/money-picture";
import { PlannersSection } from "@/components/me/planners-section";
import { ConnectBank } from "@/components/me/connect-bank";
import { plaidConfig } from "@/lib/plaid/config";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your insights · SpendSense" };

/** What a consenting customer sees: insights, charts, suggestions, planners, the chat. */
async function Dashboard({ actor, d }: { actor: Actor; d: CustomerView }) {
  const recent = d.windows["30d"].signals;
  const long = d.windows["180d"].signals;
  const charts = d.asOf ? await getCustomerCharts(actor, actor.id) : null;
  return (
    <>
      <InsightsSection insights={customerInsights(recent, long)} asOf={d.asOf} />
      {d.asOf ? (
        <MoneyPicture
          spending={charts && spendingChart(charts.recent, charts.long)}
          cards={cardUtilizations(recent ?? long)}
          subs={subscriptionList(recent ?? long)}
          savings={charts?.savings ?? null}
          paychecks={charts?.paychecks ?? null}
        />
      ) : null}
      <SuggestionsSection recs={onePerItem(d.recommendations)} />
      {d.asOf ? <PlannersSection defaults={plannerDefaults(recent, long)} /> : null}
      <ChatPanel />
    </>
  );
}

export default async function MePage() {
  const actor = await pageActor(["customer", "operator"], "/me");
  if (actor.role === "operator") redirect("/operator");
  const d = await getCustomerView(actor, actor.id);
  const firstName = d.user.name.split(" ")[0] || d.user.name;
  return (
    <>
      <MeHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold">Hi, {firstName}</h1>
        <ConsentCard granted={d.user.consentGranted} />
        {d.user.consentGranted && plaidConfig() ? <ConnectBank /> : null}
        {d.user.consentGranted ? <Dashboard actor={actor} d={d} /> : <OptInExplainer />}
      </main>
    </>
  );
}
