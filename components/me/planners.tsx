"use client";
import { useState } from "react";
import { emergencyFundPlan, payoffPlan, type PlannerDefaults } from "@/lib/core/me/calculators";
import { assumedAprSentence, emergencyFundSentences, payoffSentence, SAVINGS_UNKNOWN_SENTENCE } from "@/lib/core/me/copy";
import { toCents } from "@/lib/core/money";

const dollars = (cents: number) => (cents / 100).toFixed(2);
/** A field's number, or null when it is not a number of at least `min`. */
const num = (s: string, min: number) => (s.trim() !== "" && Number.isFinite(Number(s)) && Number(s) >= min ? Number(s) : null);

function Field({ label, value, onChange, step = "0.01", min = 0 }: { label: string; value: string; onChange: (v: string) => void; step?: string; min?: number }) {
  const bad = num(value, min) === null;
  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      {label}
      <input type="number" inputMode="decimal" min={min} step={step} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={bad} className="mt-1 w-full min-w-0 rounded border border-slate-300 px-2 py-1 text-sm font-normal text-slate-900 aria-[invalid=true]:border-rose-600" />
      {bad ? <span className="mt-0.5 text-rose-700">Enter a number of {min} or more.</span> : null}
    </label>
  );
}

export function EmergencyFundPlanner({ defaults }: { defaults: PlannerDefaults["emergency"] }) {
  // Unknown (the bank did not send the balance) starts blank, never $0.
  const [savings, setSavings] = useState(defaults.savings_cents === null ? "" : dollars(defaults.savings_cents));
  const [expenses, setExpenses] = useState(dollars(defaults.monthly_expenses_cents));
  const [target, setTarget] = useState(String(defaults.target_months));
  const [months, setMonths] = useState(String(defaults.months_to_goal));
  const [s, e, t, m] = [num(savings, 0), num(expenses, 0), num(target, 1), num(months, 1)];
  const input = s !== null && e !== null && t !== null && m !== null ? { savings_cents: toCents(s), monthly_expenses_cents: toCents(e), target_months: t, months_to_goal: Math.floor(m) } : null;
  const answer = input ? emergencyFundSentences(input, emergencyFundPlan(input)) : null;
  return (
    <section aria-labelledby="ef-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="ef-title" className="font-medium">Emergency-fund planner</h3>
      <div className="mt-3 grid grid-cols-2 gap-3">
        <Field label="Savings ($)" value={savings} onChange={setSavings} />
        <Field label="Monthly expenses ($)" value={expenses} onChange={setExpenses} />
        <Field label="Target (months of expenses)" value={target} onChange={setTarget} step="1" min={1} />
        <Field label="Months to get there" value={months} onChange={setMonths} step="1" min={1} />
      </div>
      {defaults.savings_cents === null ? <p className="mt-2 text-xs text-slate-600">{SAVINGS_UNKNOWN_SENTENCE}</p> : null}
      <output aria-live="polite" className="mt-3 block space-y-1 text-sm text-slate-800">
        {answer ? answer.map((a) => <p key={a}>{a}</p>) : <p>Fill in every field to see the plan.</p>}
      </output>
    </section>
  );
}

export function PayoffPlanner({ defaults }: { defaults: PlannerDefaults["payoff"] }) {
  const [budget, setBudget] = useState(dollars(defaults.budget_cents));
  const [aprs, setAprs] = useState(defaults.cards.map((c) => String(c.apr_percentage)));
  const b = num(budget, 0);
  const assumed = assumedAprSentence(defaults.assumed_apr);
  const rates = aprs.map((a) => num(a, 0));
  const cards = rates.every((r) => r !== null) ? defaults.cards.map((c, i) => ({ ...c, apr_percentage: rates[i]! })) : null;
  return (
    <section aria-labelledby="payoff-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="payoff-title" className="font-medium">Card payoff planner</h3>
      <div className="mt-3 grid grid-cols-2 gap-3">
        <Field label="Paid toward cards each month ($)" value={budget} onChange={setBudget} />
        {defaults.cards.map((c, i) => (
          <Field key={c.label} label={`APR of ${c.label} (%)`} value={aprs[i]} onChange={(v) => setAprs((xs) => xs.map((x, j) => (j === i ? v : x)))} />
        ))}
      </div>
      {assumed ? <p className="mt-2 text-xs text-slate-500">{assumed}</p> : null}
      {b !== null && cards ? (
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
          {(["avalanche", "snowball"] as const).map((strategy) => (
            <div key={strategy} className="rounded bg-slate-50 p-3">
              <dt className="font-medium">{strategy === "avalanche" ? "Highest rate first (avalanche)" : "Smallest balance first (snowball)"}</dt>
              <dd aria-live="polite" className="mt-1 text-slate-800">
                {payoffSentence(payoffPlan(cards, toCents(b), strategy))}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-3 text-sm">Fill in every field to see the plans.</p>
      )}
    </section>
  );
}
