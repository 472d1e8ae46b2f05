/**
 * Savings: net inflow to savings-like accounts (savings, money market, cash management, HSA) in the window,
 * its monthly rate, growth over the window and emergency-fund coverage.
 */
import { DAYS_PER_MONTH, SAVINGS_SUBTYPES } from "./constants";
import { EvidenceBuilder, accountLabel, r4, usd } from "./evidence";
import type { SavingsSignals } from "./types";
import type { WindowCtx } from "./window";

export function savingsSignals(ctx: WindowCtx): SavingsSignals {
  const ev = new EvidenceBuilder();
  const { p } = ctx;
  let known = 0;
  let has = false;
  const missing: string[] = [];
  for (const a of p.accounts) {
    if (a.kind !== "savings") continue;
    has = true;
    if (a.account.current_cents === null) missing.push(accountLabel(a.account));
    else known += a.account.current_cents;
    ev.account(a.account.account_id);
  }
  // Unknown is never zero: one savings balance not sent leaves the total, growth and coverage unknown.
  const end = missing.length ? null : known;
  const why = missing.length ? `the balance of ${missing.join(", ")} was not reported by the bank` : null;
  if (!has) {
    ev.note(`no savings-like account (SAVINGS_SUBTYPES: ${SAVINGS_SUBTYPES.join(", ")})`);
  }
  let inflow = 0;
  let outflow = 0;
  for (let i = ctx.i0; i < p.txs.length; i++) {
    const r = p.txs[i];
    if (r.acct.kind !== "savings") continue;
    // Plaid's sign: a negative amount is money into the account.
    if (r.amount < 0) inflow -= r.amount;
    else outflow += r.amount;
    ev.tx(r.tx.transaction_id);
  }
  const net = inflow - outflow;
  const start = end === null ? null : end - net;
  const growth = end !== null && start !== null && start > 0 ? (end - start) / start : null;
  const monthlyNet = Math.round(net / ctx.months);
  const efm = end !== null && ctx.avgMonthlyExpenses > 0 ? end / ctx.avgMonthlyExpenses : null;
  if (why) ev.note(`savings balance unknown: ${why}; growth rate and emergency fund are unknown, not zero`);
  if (has && end !== null && start !== null) {
    ev.note(`net inflow ${usd(net)} = in ${usd(inflow)} - out ${usd(outflow)} on savings-like accounts, ${ctx.start}..${p.asOf}`);
    ev.note(`monthly net inflow = ${usd(net)} / (${ctx.days} / ${DAYS_PER_MONTH}) = ${usd(monthlyNet)}`);
    ev.note(
      growth === null
        ? `growth rate null: start balance ${usd(start)} (= current ${usd(end)} - net inflow) is not positive`
        : `growth rate = (${usd(end)} - ${usd(start)}) / ${usd(start)} = ${r4(growth)}`,
    );
  }
  if (end !== null)
    ev.note(
      efm === null
        ? "emergency-fund coverage null: no spending in the window"
        : `emergency fund = savings ${usd(end)} / average monthly expenses ${usd(ctx.avgMonthlyExpenses)} = ${r4(efm)} months`,
    );
  return {
    has_savings_account: has,
    net_inflow_cents: net,
    monthly_net_inflow_cents: monthlyNet,
    start_balance_cents: start,
    end_balance_cents: end,
    growth_rate: growth,
    avg_monthly_expenses_cents: Math.round(ctx.avgMonthlyExpenses),
    emergency_fund_months: efm,
    ...(why ? { unknown: { end_balance_cents: why, start_balance_cents: why, growth_rate: why, emergency_fund_months: why } } : {}),
    evidence: ev.build(),
  };
}
