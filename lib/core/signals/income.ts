/**
 * Income: payroll detection (a wage inflow stream from one employer), pay frequency, median gap between
 * paychecks, pay variability, monthly income and the cash-flow buffer.
 */
import { INCOME_LOOKBACK_DAYS, PAYROLL_CADENCES } from "./constants";
import { EvidenceBuilder, accountLabel, r4, usd } from "./evidence";
import { dayIso } from "./days";
import { D_INCOME_FACTS, F_INCOME, F_PAY, descriptorRuleName } from "./flags";
import { lowerBound, type PTx } from "./prepare";
import type { StreamInternal } from "./stream";
import type { IncomeSignals } from "./types";
import type { WindowCtx } from "./window";

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Coefficient of variation (population standard deviation / mean); null with fewer than 2 values. */
function coefficientOfVariation(xs: number[]): number | null {
  if (xs.length < 2) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  if (mean <= 0) return null;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return Math.sqrt(ss / xs.length) / mean;
}

interface Deposit {
  day: number;
  cents: number;
  ids: string[];
}

/** Payroll: wage inflow streams on a pay-like cadence with ≥2 paychecks in the look-back; the biggest one is primary. */
function primaryPayroll(streams: StreamInternal[], fromDay: number): { stream: StreamInternal; rows: PTx[] } | null {
  let primary: { stream: StreamInternal; rows: PTx[] } | null = null;
  let primaryMonthly = -1;
  for (const s of streams) {
    if (!s.isPayroll || !PAYROLL_CADENCES.includes(s.stream.frequency)) continue;
    const rows = s.rows.filter((r) => r.day >= fromDay);
    if (rows.length < 2) continue;
    if (s.monthlyEquivalent > primaryMonthly) {
      primary = { stream: s, rows };
      primaryMonthly = s.monthlyEquivalent;
    }
  }
  return primary;
}

/** No payroll stream: every pay-like income deposit (INCOME_* but interest, dividends, tax refunds), same-day deposits summed. */
function payDeposits(txs: PTx[], fromDay: number): Deposit[] {
  const deposits: Deposit[] = [];
  for (let i = lowerBound(txs, fromDay); i < txs.length; i++) {
    const r = txs[i];
    if (!(r.flags & F_PAY)) continue;
    const last = deposits[deposits.length - 1];
    if (last && last.day === r.day) {
      last.cents -= r.amount;
      last.ids.push(r.tx.transaction_id);
    } else deposits.push({ day: r.day, cents: -r.amount, ids: [r.tx.transaction_id] });
  }
  return deposits;
}

/** Checking balance / average monthly expenses; null without spending or when a checking balance is unknown. */
function cashFlowBuffer(ctx: WindowCtx, ev: EvidenceBuilder): { checking: number | null; buffer: number | null; why: string | null } {
  let known = 0;
  const missing: string[] = [];
  for (const a of ctx.p.accounts) {
    if (a.kind !== "checking") continue;
    if (a.account.current_cents === null) missing.push(accountLabel(a.account));
    else known += a.account.current_cents;
    ev.account(a.account.account_id);
  }
  if (missing.length) {
    // Unknown is never zero: a balance the bank did not send is not $0.
    const why = `the balance of ${missing.join(", ")} was not reported by the bank`;
    ev.note(`cash-flow buffer unknown: ${why}`);
    return { checking: null, buffer: null, why };
  }
  const checking = known;
  const buffer = ctx.avgMonthlyExpenses > 0 ? checking / ctx.avgMonthlyExpenses : null;
  ev.note(
    buffer === null
      ? "cash-flow buffer null: no spending in the window"
      : `cash-flow buffer = checking ${usd(checking)} / average monthly expenses ${usd(ctx.avgMonthlyExpenses)} = ${r4(buffer)} months`,
  );
  return { checking, buffer, why: null };
}

export function incomeSignals(ctx: WindowCtx): IncomeSignals {
  const { p } = ctx;
  const ev = new EvidenceBuilder();
  const fromDay = ctx.asOfDay - Math.max(ctx.days, INCOME_LOOKBACK_DAYS) + 1;
  ev.note(`pay cadence read ${dayIso(fromDay)}..${p.asOf} (max(window, INCOME_LOOKBACK_DAYS=${INCOME_LOOKBACK_DAYS}) days)`);
  const primary = primaryPayroll(ctx.streams, fromDay);
  let deposits: Deposit[];
  if (primary) {
    deposits = primary.rows.map((r) => ({ day: r.day, cents: -r.amount, ids: [r.tx.transaction_id] }));
    ev.note(`payroll: ${primary.stream.stream.merchant}, ${primary.stream.stream.frequency}, ${primary.rows.length} paychecks in look-back`);
  } else {
    deposits = payDeposits(p.txs, fromDay);
    ev.note(`no payroll stream: gaps and variability from ${deposits.length} income deposit day(s) (INCOME_* inflows)`);
  }
  for (const d of deposits) for (const id of d.ids) ev.tx(id);
  const gaps: number[] = [];
  for (let i = 1; i < deposits.length; i++) gaps.push(deposits[i].day - deposits[i - 1].day);
  const medianGap = median(gaps);
  const amounts = deposits.map((d) => d.cents);
  const variability = coefficientOfVariation(amounts);
  const average = amounts.length ? Math.round(amounts.reduce((a, b) => a + b, 0) / amounts.length) : null;
  if (medianGap !== null) ev.note(`median gap ${medianGap} days over ${gaps.length} gap(s)`);
  else ev.note("median gap null: fewer than 2 deposits");
  if (variability !== null) ev.note(`pay variability (CV of amounts) ${r4(variability)}`);

  // Monthly income: every INCOME_* inflow in the window.
  let incomeInWindow = 0;
  const byRule = new Map<string, number>();
  for (let i = ctx.i0; i < p.txs.length; i++) {
    const r = p.txs[i];
    if (!(r.flags & F_INCOME)) continue;
    incomeInWindow -= r.amount;
    if (r.tx.pfc_primary == null) {
      const rule = descriptorRuleName(r.tx.name, D_INCOME_FACTS) ?? "?";
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    }
  }
  if (byRule.size) ev.note(`income rows without a category, by descriptor rule: ${[...byRule].map(([k, n]) => `${k} (${n})`).join(", ")}`);
  const { checking, buffer, why } = cashFlowBuffer(ctx, ev);
  return {
    payroll_detected: primary !== null,
    frequency: primary ? primary.stream.stream.frequency : null,
    paycheck_count: deposits.length,
    median_pay_gap_days: medianGap,
    pay_variability: variability,
    average_paycheck_cents: average,
    monthly_income_cents: Math.round(incomeInWindow / ctx.months),
    checking_balance_cents: checking,
    avg_monthly_expenses_cents: Math.round(ctx.avgMonthlyExpenses),
    cash_flow_buffer_months: buffer,
    ...(why ? { unknown: { checking_balance_cents: why, cash_flow_buffer_months: why } } : {}),
    evidence: ev.build(),
  };
}
