import Link from "next/link";
import { redirect } from "next/navigation";
import { pageActor } from "@/lib/auth/session";
import { getCustomerView } from "@/lib/db/customer-view";
import { ConsentCard } from "@/components/me/consent-card";
import { ChatPanel } from "@/components/me/chat-panel";
import { customerInsights } from "@/lib/core/insights/insights";
import { SignOutButton } from "@/components/ui/sign-out-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your insights · SpendSense" };

export default async function MePage() {
  const actor = await pageActor(["customer", "operator"], "/me");
  if (actor.role === "operator") redirect("/operator");
  const d = await getCustomerView(actor, actor.id);
  const granted = d.user.consentGranted;
  const insights = granted ? customerInsights(d.windows["30d"].signals, d.windows["180d"].signals) : [];
  // The same item can be recommended for both windows: show it once.
  const seen = new Set<string>();
  const recs = granted ? d.recommendations.filter((r) => !seen.has(r.itemId) && (seen.add(r.itemId), true)) : [];
  const firstName = d.user.name.split(" ")[0] || d.user.name;

  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-6 py-3">
          <span className="font-semibold text-teal-800">SpendSense</span>
          <nav aria-label="Account" className="flex items-center gap-4">
            <Link href="/account" className="text-sm text-slate-700 hover:text-slate-950">
              Account
            </Link>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-8">
        <h1 className="text-2xl font-semibold">Hi, {firstName}</h1>
        <ConsentCard granted={granted} />

        {granted ? (
          <>
            <section aria-labelledby="insights-title" className="space-y-3">
              <h2 id="insights-title" className="text-lg font-semibold">
                Your insights
              </h2>
              {d.asOf === null ? (
                <p className="text-sm text-slate-600">Thanks for opting in. Your insights will appear after the next run.</p>
              ) : insights.length ? (
                <ul className="grid gap-3 sm:grid-cols-2">
                  {insights.map((i) => (
                    <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                      <h3 className="font-medium">{i.title}</h3>
                      <p className="mt-1 text-sm text-slate-700">{i.body}</p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">Nothing to highlight right now. We&apos;ll share insights here as your activity builds up.</p>
              )}
              {d.asOf ? <p className="text-xs text-slate-500">Based on your activity up to {d.asOf}.</p> : null}
            </section>

            <section aria-labelledby="recs-title" className="space-y-3">
              <h2 id="recs-title" className="text-lg font-semibold">
                Suggested for you
              </h2>
              {recs.length ? (
                <ul className="space-y-3">
                  {recs.map((r) => (
                    <li key={r.id}>
                      <article aria-labelledby={`rec-${r.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                        <h3 id={`rec-${r.id}`} className="font-medium">
                          {r.title}
                        </h3>
                        <p className="mt-2 text-sm text-slate-700">
                          <span className="font-medium">Why you&apos;re seeing this: </span>
                          {r.rationale}
                        </p>
                        <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">{r.disclosure}</p>
                      </article>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">No suggestions yet. Our team reviews every suggestion before it appears here.</p>
              )}
            </section>

            <ChatPanel />
          </>
        ) : (
          <section aria-labelledby="why-title" className="rounded-lg border border-dashed border-slate-300 bg-white p-5">
            <h2 id="why-title" className="font-semibold">
              What happens when you opt in
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
              <li>We look at patterns in your own transactions: regular subscriptions, card balances, savings and pay.</li>
              <li>We show you short insights and educational reads that fit your situation. They are education, not financial advice.</li>
              <li>A person on our team reviews every suggestion before you see it.</li>
              <li>You can opt out at any time, and we then delete everything we derived from your data.</li>
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
