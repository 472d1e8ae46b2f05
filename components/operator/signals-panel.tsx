import { UTILIZATION_FLAGS } from "@/lib/core/signals/constants";
import { codeLabel, frequencyLabel } from "@/lib/core/console/labels";
import type { WindowSignals } from "@/lib/core/signals/types";
import { cardLabel } from "@/lib/core/shared/format";
import { Badge } from "@/components/ui/badge";
import { UtilizationChart } from "./utilization-chart";
import { months, pct, usd } from "./format";

function Stat({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm font-medium text-slate-900">{value}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded border border-slate-200 p-4">
      <h4 className="mb-2 text-sm font-semibold text-slate-800">{title}</h4>
      {children}
    </section>
  );
}

const FLAG_TONE = { "30": "amber", "50": "rose", "80": "rose" } as const;
/** Bar colour by the highest flag the card reached (its `flags`, from UTILIZATION_FLAGS), and under the first. */
const FLAG_BAR = ["bg-amber-500", "bg-orange-500", "bg-rose-600"] as const;
const UNDER_FLAGS_BAR = "bg-teal-600";

export function SignalsPanel({ s }: { s: WindowSignals }) {
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-500">
        Window {s.start_date} to {s.as_of}; cadence looked at {s.lookback.from} to {s.lookback.to} ({s.lookback.transactions_read} transactions, {s.lookback.accounts_read} accounts).
      </p>
      <SubscriptionsSection sub={s.subscriptions} />
      <CreditSection credit={s.credit} />
      <div className="grid gap-4 md:grid-cols-3">
        <SavingsSection savings={s.savings} />
        <IncomeSection income={s.income} />
        <Section title="Fees">
          <dl className="grid grid-cols-2 gap-3">
            <Stat label="Overdraft / NSF fees" value={s.fees.overdraft_fee_count} />
            <Stat label="Fee total" value={usd(s.fees.overdraft_fee_cents)} />
          </dl>
        </Section>
      </div>
    </div>
  );
}

function SubscriptionsSection({ sub }: { sub: WindowSignals["subscriptions"] }) {
  // Subscriptions first, then by merchant.
  const streams = [...sub.streams].sort((a, b) => Number(b.is_subscription) - Number(a.is_subscription) || a.merchant.localeCompare(b.merchant));
  return (
    <Section title="Subscriptions">
      <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Recurring merchants" value={sub.recurring_merchant_count} />
        <Stat label="Monthly recurring spend" value={usd(sub.monthly_recurring_spend_cents)} />
        <Stat label="Share of spend" value={pct(sub.share_of_spend)} />
        <Stat label="Total spend in window" value={usd(sub.total_spend_cents)} />
      </dl>
      {streams.length ? <StreamsTable streams={streams} /> : <p className="text-sm text-slate-500">No recurring streams detected.</p>}
    </Section>
  );
}

function StreamsTable({ streams }: { streams: WindowSignals["subscriptions"]["streams"] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Recurring streams">
      <table className="w-full text-left text-xs">
        <caption className="sr-only">Recurring streams</caption>
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Merchant</th>
            <th className="py-1 pr-3 font-medium">Category</th>
            <th className="py-1 pr-3 font-medium">Frequency</th>
            <th className="py-1 pr-3 text-right font-medium">Average</th>
            <th className="py-1 pr-3 text-right font-medium">Last</th>
            <th className="py-1 pr-3 text-right font-medium">Monthly eq.</th>
            <th className="py-1 pr-3 font-medium">First / last</th>
            <th className="py-1 pr-3 font-medium">Next</th>
            <th className="py-1 pr-3 text-right font-medium">Count</th>
            <th className="py-1 font-medium">Counts</th>
          </tr>
        </thead>
        <tbody>
          {streams.map((st) => (
            <tr key={st.stream_id} className="border-t border-slate-100">
              <td className="py-1 pr-3 font-medium text-slate-800">
                {st.merchant}
                {st.direction === "inflow" ? <span className="ml-1 text-slate-500">(in)</span> : null}
              </td>
              <td className="py-1 pr-3">{st.is_subscription ? <Badge tone="sky">subscription</Badge> : codeLabel(st.category)}</td>
              <td className="py-1 pr-3">{frequencyLabel(st.frequency)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{usd(st.average_amount_cents)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{usd(st.last_amount_cents)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{usd(st.monthly_equivalent_cents)}</td>
              <td className="py-1 pr-3 whitespace-nowrap">
                {st.first_date} / {st.last_date}
              </td>
              <td className="py-1 pr-3 whitespace-nowrap">{st.predicted_next_date}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{st.occurrences}</td>
              <td className="py-1">{st.meets_recurring_rule ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreditSection({ credit }: { credit: WindowSignals["credit"] }) {
  const cardsWithLimit = credit.cards.filter((c) => c.utilization !== null);
  return (
    <Section title="Credit">
      <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Max utilization" value={pct(credit.max_utilization)} />
        <Stat label="Interest charged" value={usd(credit.interest_charged_cents)} />
        <Stat label="Minimum payment only" value={credit.minimum_payment_only ? "yes" : "no"} />
        <Stat label="Overdue" value={credit.overdue ? "yes" : "no"} />
      </dl>
      {credit.cards.length ? (
        <ul className="space-y-3">
          {credit.cards.map((c) => (
            <CardUtilization key={c.account_id} card={c} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No credit cards.</p>
      )}
      {cardsWithLimit.length > 0 ? (
        <div className="mt-4">
          <UtilizationChart cards={cardsWithLimit.map((c) => ({ label: c.mask ? `••${c.mask}` : c.name, utilization: c.utilization ?? 0 }))} />
        </div>
      ) : null}
    </Section>
  );
}

/** One card: balance against limit, its flags, and a utilization meter with a tick at each of UTILIZATION_FLAGS. */
function CardUtilization({ card: c }: { card: WindowSignals["credit"]["cards"][number] }) {
  const u = c.utilization;
  const width = u === null ? 0 : Math.min(100, Math.max(0, u * 100));
  return (
    <li aria-label={cardLabel(c)}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{cardLabel(c)}</span>
        <span className="text-slate-600">
          {usd(c.balance_cents)} of {usd(c.limit_cents)} · {pct(u)}
          {c.apr_percentage !== null ? ` · APR ${c.apr_percentage}%` : ""}
        </span>
        {c.flags.map((f) => (
          <Badge key={f} tone={FLAG_TONE[f]}>
            ≥{f}%
          </Badge>
        ))}
        {c.overdue ? <Badge tone="rose">overdue</Badge> : null}
        {c.minimum_payment_only ? <Badge tone="amber">minimum only</Badge> : null}
      </div>
      <div
        role="meter"
        aria-label={`${cardLabel(c)} utilization`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(width)}
        className="relative mt-1 h-2 w-full overflow-hidden rounded bg-slate-100"
      >
        <div className={`h-full ${FLAG_BAR[c.flags.length - 1] ?? UNDER_FLAGS_BAR}`} style={{ width: `${width}%` }} />
        {UTILIZATION_FLAGS.map((f) => (
          <span key={f} aria-hidden className="absolute top-0 h-full w-px bg-slate-400" style={{ left: `${f * 100}%` }} />
        ))}
      </div>
    </li>
  );
}

function SavingsSection({ savings }: { savings: WindowSignals["savings"] }) {
  return (
    <Section title="Savings">
      <dl className="grid grid-cols-2 gap-3">
        <Stat label="Savings account" value={savings.has_savings_account ? "yes" : "no"} />
        <Stat label="Net inflow" value={usd(savings.net_inflow_cents)} />
        <Stat label="Monthly net inflow" value={usd(savings.monthly_net_inflow_cents)} />
        <Stat label="Growth rate" value={pct(savings.growth_rate)} />
        <Stat label="Balance start / end" value={`${usd(savings.start_balance_cents)} / ${usd(savings.end_balance_cents)}`} />
        <Stat label="Emergency fund" value={months(savings.emergency_fund_months)} />
      </dl>
    </Section>
  );
}

function IncomeSection({ income }: { income: WindowSignals["income"] }) {
  return (
    <Section title="Income">
      <dl className="grid grid-cols-2 gap-3">
        <Stat label="Payroll detected" value={income.payroll_detected ? "yes" : "no"} />
        <Stat label="Frequency" value={frequencyLabel(income.frequency)} />
        <Stat label="Paychecks" value={income.paycheck_count} />
        <Stat label="Median pay gap" value={income.median_pay_gap_days === null ? "n/a" : `${income.median_pay_gap_days} days`} />
        <Stat label="Pay variability" value={pct(income.pay_variability)} />
        <Stat label="Monthly income" value={usd(income.monthly_income_cents)} />
        <Stat label="Cash-flow buffer" value={months(income.cash_flow_buffer_months)} />
      </dl>
    </Section>
  );
}
