import type { SubscriptionList as Subscriptions } from "@/lib/core/me/charts";
import { subscriptionLine, subscriptionTotal } from "@/lib/core/me/copy";

/** The subscriptions the signals count: amount and cadence, next expected date, monthly equivalent, and the monthly total. */
export function SubscriptionsList({ subs }: { subs: Subscriptions }) {
  return (
    <section aria-labelledby="subs-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="subs-title" className="text-sm font-semibold text-slate-900">
        Your subscriptions
      </h3>
      {subs.rows.length ? (
        <>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {subs.rows.map((r) => (
              <li key={r.merchant} className="flex flex-wrap items-baseline justify-between gap-x-4 py-2">
                <span className="font-medium">{r.merchant}</span>
                <span className="text-slate-700">{subscriptionLine(r)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 border-t border-slate-200 pt-2 text-sm font-medium">
            {subscriptionTotal(subs)}
          </p>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600">We don&apos;t see any subscriptions right now.</p>
      )}
    </section>
  );
}
