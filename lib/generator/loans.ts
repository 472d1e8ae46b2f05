/**
 * Student loans and mortgages: an amortization schedule from the origination date, the monthly
 * autopay from checking during the period, the loan account's balance on the as-of date and the
 * Plaid StudentLoan / MortgageLiability objects, all from the same schedule so they agree.
 */
import type { MortgageLiability, StudentLoan } from "../core/plaid";
import { toDollars } from "../core/money";
import { PlanBuilder, cadenceDays, nextBusinessDay } from "./builder";
import { addMonthsDay, dayFromYmd, iso, ymd } from "./days";
import { MORTGAGE_SERVICERS, STUDENT_SERVICERS } from "./merchants";

export const STUDENT_PRINCIPAL: readonly [number, number] = [900_000, 6_500_000];
export const STUDENT_RATE_PCT: readonly [number, number] = [3.5, 7.9];
export const STUDENT_TERM_MONTHS = 120;
export const STUDENT_AGE_YEARS: readonly [number, number] = [1, 8];
/** Days between a student-loan statement and its due date. */
export const STUDENT_STATEMENT_LEAD_DAYS = 21;

/** Mortgage payment (principal, interest and escrow) as a share of take-home pay. */
export const MORTGAGE_PAYMENT_SHARE: readonly [number, number] = [0.2, 0.32];
export const MORTGAGE_ESCROW: readonly [number, number] = [18_000, 65_000];
export const MORTGAGE_RATE_PCT: readonly [number, number] = [2.75, 7.25];
export const MORTGAGE_TERM_MONTHS = 360;
export const MORTGAGE_AGE_YEARS: readonly [number, number] = [1, 14];
export const MORTGAGE_PMI_RATE = 0.2;
/** Mortgage autopay: days after the 1st, [offset, weight]. */
export const MORTGAGE_PAY_OFFSET_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[0, 70], [1, 10], [3, 8], [5, 7], [9, 5]];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Level payment (cents) of an amortizing loan. */
function annuity(principalCents: number, ratePct: number, months: number): number {
  const r = ratePct / 100 / 12;
  return Math.round((principalCents * r) / (1 - (1 + r) ** -months));
}

interface Schedule {
  /** Due days from origination to past the as-of date, and the balance after each payment. */
  dues: number[];
  balanceAfter: number[];
  interestPart: number[];
  principalPart: number[];
}

function amortize(principal: number, ratePct: number, payment: number, firstDue: number, until: number): Schedule {
  const s: Schedule = { dues: [], balanceAfter: [], interestPart: [], principalPart: [] };
  let bal = principal;
  for (let k = 0; ; k++) {
    const due = addMonthsDay(firstDue, k);
    if (due > until) break;
    const interest = Math.round((bal * ratePct) / 100 / 12);
    const princ = Math.min(bal, payment - interest);
    bal -= princ;
    s.dues.push(due);
    s.balanceAfter.push(bal);
    s.interestPart.push(interest);
    s.principalPart.push(princ);
  }
  return s;
}

function ytd(s: Schedule, paidUntil: number, asOf: number): { interest: number; principal: number } {
  const yearStart = dayFromYmd(ymd(asOf).y, 1, 1);
  let interest = 0;
  let principal = 0;
  s.dues.forEach((d, i) => {
    if (d >= yearStart && d <= paidUntil) {
      interest += s.interestPart[i];
      principal += s.principalPart[i];
    }
  });
  return { interest, principal };
}

export function planStudentLoan(b: PlanBuilder, checking: number): StudentLoan {
  const rng = b.rng;
  const { start, end } = b.period;
  const principal = Math.round(rng.uniform(STUDENT_PRINCIPAL[0], STUDENT_PRINCIPAL[1]) / 100) * 100;
  const rate = round2(rng.uniform(STUDENT_RATE_PCT[0], STUDENT_RATE_PCT[1]));
  const payment = annuity(principal, rate, STUDENT_TERM_MONTHS);
  const { y, m } = ymd(end);
  const dueDom = rng.int(5, 28);
  const origination = dayFromYmd(y - rng.int(STUDENT_AGE_YEARS[0], STUDENT_AGE_YEARS[1]), m - rng.int(0, 11), rng.int(1, 28));
  const firstDue = addMonthsDay(dayFromYmd(ymd(origination).y, ymd(origination).m, dueDom), 1);
  const sched = amortize(principal, rate, payment, firstDue, end + 45);
  const servicer = rng.pick(STUDENT_SERVICERS);
  const name = rng.pick(["Direct Loan - Unsubsidized", "Consolidation Loan", "Student Loan", "Direct Loan - Subsidized"]);
  const acct = b.account({ role: "student", type: "loan", subtype: "student", name, official_name: `${servicer.name} ${name}` });
  const source = b.source(servicer);
  const stream = b.stream(servicer.name ?? "Student loan", "debt_payment", "outflow", "MONTHLY", checking);
  let lastPaid = -1;
  sched.dues.forEach((due, i) => {
    const day = nextBusinessDay(due);
    if (day <= end) lastPaid = i;
    if (day >= start) b.txn(checking, day, day, payment, source, stream);
  });
  const balance = lastPaid >= 0 ? sched.balanceAfter[lastPaid] : principal;
  const a = b.accounts[acct];
  a.openingCents = a.currentCents = balance;
  const nextDue = sched.dues[lastPaid + 1] ?? addMonthsDay(sched.dues[lastPaid], 1);
  const lastDay = lastPaid >= 0 ? nextBusinessDay(sched.dues[lastPaid]) : null;
  const y2d = ytd(sched, lastDay ?? -1, end);
  const payoff = addMonthsDay(firstDue, STUDENT_TERM_MONTHS - 1);
  const accrued = lastDay === null ? 0 : Math.round((balance * rate) / 100 / 365 * (end - lastDay));
  const stmtDay = nextDue - STUDENT_STATEMENT_LEAD_DAYS <= end ? nextDue - STUDENT_STATEMENT_LEAD_DAYS : (sched.dues[lastPaid] ?? nextDue) - STUDENT_STATEMENT_LEAD_DAYS;
  return {
    account_id: a.account_id,
    account_number: rng.digits(10),
    expected_payoff_date: iso(payoff),
    interest_rate_percentage: rate,
    is_overdue: false,
    last_payment_amount: lastDay === null ? null : toDollars(payment),
    last_payment_date: lastDay === null ? null : iso(lastDay),
    last_statement_balance: toDollars(balance),
    last_statement_issue_date: iso(stmtDay),
    loan_name: name,
    loan_status: { type: "repayment", end_date: iso(payoff) },
    minimum_payment_amount: toDollars(payment),
    next_payment_due_date: iso(nextDue),
    origination_date: iso(origination),
    origination_principal_amount: toDollars(principal),
    outstanding_interest_amount: toDollars(accrued),
    repayment_plan: { type: "standard", description: "Standard Repayment" },
    ytd_interest_paid: toDollars(y2d.interest),
    ytd_principal_paid: toDollars(y2d.principal),
  };
}

export function planMortgage(b: PlanBuilder, checking: number): MortgageLiability {
  const rng = b.rng;
  const { start, end } = b.period;
  const target = b.traits.monthlyIncomeCents * rng.uniform(MORTGAGE_PAYMENT_SHARE[0], MORTGAGE_PAYMENT_SHARE[1]);
  const escrow = Math.round(rng.uniform(MORTGAGE_ESCROW[0], MORTGAGE_ESCROW[1]) * Math.min(1, target / 300_000));
  const rate = round2(rng.uniform(MORTGAGE_RATE_PCT[0], MORTGAGE_RATE_PCT[1]));
  const r = rate / 100 / 12;
  const principal = Math.max(5_000_000, Math.round(((target - escrow) * (1 - (1 + r) ** -MORTGAGE_TERM_MONTHS)) / r / 100_000) * 100_000);
  const pi = annuity(principal, rate, MORTGAGE_TERM_MONTHS);
  const payment = pi + escrow;
  const { y, m } = ymd(end);
  const origination = dayFromYmd(y - rng.int(MORTGAGE_AGE_YEARS[0], MORTGAGE_AGE_YEARS[1]), m - rng.int(0, 11), rng.int(1, 28));
  const o = ymd(origination);
  const firstDue = dayFromYmd(o.y, o.m + 2, 1);
  const sched = amortize(principal, rate, pi, firstDue, end + 40);
  const servicer = rng.pick(MORTGAGE_SERVICERS);
  const acct = b.account({ role: "mortgage", type: "loan", subtype: "mortgage", name: "Home Mortgage", official_name: `${servicer.name} 30-Year Fixed` });
  const source = b.source(servicer);
  const stream = b.stream(servicer.name ?? "Mortgage", "debt_payment", "outflow", "MONTHLY", checking);
  const offset = rng.weighted(MORTGAGE_PAY_OFFSET_WEIGHTS);
  let lastPaid = -1;
  const dues = cadenceDays("MONTHLY", firstDue, firstDue, end + 40);
  dues.forEach((due, i) => {
    const day = nextBusinessDay(due + offset);
    if (day <= end) lastPaid = i;
    if (day >= start) b.txn(checking, day, day, payment, source, stream);
  });
  const balance = lastPaid >= 0 ? sched.balanceAfter[lastPaid] : principal;
  const a = b.accounts[acct];
  a.openingCents = a.currentCents = balance;
  const lastDay = lastPaid >= 0 ? nextBusinessDay(dues[lastPaid] + offset) : null;
  const y2d = ytd(sched, lastPaid >= 0 ? dues[lastPaid] : -1, end);
  return {
    account_id: a.account_id,
    account_number: rng.digits(10),
    current_late_fee: 0,
    escrow_balance: toDollars(Math.round(escrow * rng.uniform(3, 9))),
    has_pmi: rng.chance(MORTGAGE_PMI_RATE),
    has_prepayment_penalty: false,
    interest_rate: { percentage: rate, type: "fixed" },
    last_payment_amount: lastDay === null ? null : toDollars(payment),
    last_payment_date: lastDay === null ? null : iso(lastDay),
    loan_term: "30 year",
    loan_type_description: "conventional",
    maturity_date: iso(addMonthsDay(firstDue, MORTGAGE_TERM_MONTHS - 1)),
    next_monthly_payment: toDollars(payment),
    next_payment_due_date: iso(dues[lastPaid + 1] ?? addMonthsDay(dues[lastPaid], 1)),
    origination_date: iso(origination),
    origination_principal_amount: toDollars(principal),
    past_due_amount: 0,
    ytd_interest_paid: toDollars(y2d.interest),
    ytd_principal_paid: toDollars(y2d.principal),
  };
}
