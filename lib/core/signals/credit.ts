/**
 * Credit: utilization per card with 30/50/80% flags, minimum-payment-only, interest charged, overdue.
 */
import type { CoreCreditLiability } from "../types";
import { MIN_PAYMENT_FLOOR_MAX_CENTS, MIN_PAYMENT_PRIOR_BAND, MIN_PAYMENT_ROUND_CENTS, MIN_PAYMENT_TOLERANCE, MIN_PAYMENT_TOLERANCE_MIN_CENTS, UTILIZATION_FLAGS } from "./constants";
import { EvidenceBuilder, r4, usd } from "./evidence";
import { F_CARD_PAYMENT, F_CARD_SIDE_PAYMENT, F_INTEREST, type PTx } from "./prepare";
import type { CardSignal, CreditSignals, UtilizationFlag } from "./types";
import type { WindowCtx } from "./window";

const FLAG_NAMES: UtilizationFlag[] = ["30", "50", "80"];

/** A payment "is the minimum" when it is within max(MIN_PAYMENT_TOLERANCE, MIN_PAYMENT_TOLERANCE_MIN_CENTS) of it. */
export function isMinimumPayment(paymentCents: number, minimumCents: number): boolean {
  return Math.abs(paymentCents - minimumCents) <= Math.max(MIN_PAYMENT_TOLERANCE * minimumCents, MIN_PAYMENT_TOLERANCE_MIN_CENTS);
}

/**
 * Is a payment of `paymentCents` on `date` the minimum in force for the statement it paid? The liability's
 * minimum_payment_amount is the last statement's: a payment after that statement date is compared with it
 * (isMinimumPayment); a payment on or before it paid an earlier statement, whose minimum is only known to lie in
 * [(minimum - feesSince) x (1 - MIN_PAYMENT_PRIOR_BAND), minimum] (see the constant). A round amount ($5 multiple)
 * above MIN_PAYMENT_FLOOR_MAX_CENTS is never a minimum unless it is the minimum to the cent.
 */
export function isMinimumInForce(
  paymentCents: number,
  date: string,
  minimumCents: number,
  lastStatementDate: string | null,
  feesSinceCents: number,
): boolean {
  if (paymentCents === minimumCents) return true;
  if (paymentCents % MIN_PAYMENT_ROUND_CENTS === 0 && paymentCents > MIN_PAYMENT_FLOOR_MAX_CENTS) return false;
  if (isMinimumPayment(paymentCents, minimumCents)) return true;
  if (lastStatementDate == null || date > lastStatementDate) return false;
  // A floor minimum ($35.00) does not drift: an earlier statement's minimum was the same floor, or the whole
  // (smaller) statement, and a payment below it paid that statement in full.
  if (minimumCents % MIN_PAYMENT_ROUND_CENTS === 0 && minimumCents <= MIN_PAYMENT_FLOOR_MAX_CENTS) return false;
  const tol = Math.max(MIN_PAYMENT_TOLERANCE * minimumCents, MIN_PAYMENT_TOLERANCE_MIN_CENTS);
  const lo = Math.max(0, minimumCents - feesSinceCents) * (1 - MIN_PAYMENT_PRIOR_BAND);
  return paymentCents >= lo - tol && paymentCents <= minimumCents + tol;
}

export function utilizationFlags(u: number | null): UtilizationFlag[] {
  const out: UtilizationFlag[] = [];
  if (u === null) return out;
  for (let i = 0; i < UTILIZATION_FLAGS.length; i++) if (u >= UTILIZATION_FLAGS[i]) out.push(FLAG_NAMES[i]);
  return out;
}

function purchaseApr(l: CoreCreditLiability | undefined): number | null {
  if (!l || !l.aprs.length) return null;
  const p = l.aprs.find((a) => a.apr_type === "purchase_apr") ?? l.aprs[0];
  return p.apr_percentage;
}

function digits(name: string, mask: string): boolean {
  const i = name.indexOf(mask);
  if (i < 0) return false;
  const before = i > 0 ? name.charCodeAt(i - 1) : 0;
  const after = i + mask.length < name.length ? name.charCodeAt(i + mask.length) : 0;
  return !(before >= 48 && before <= 57) && !(after >= 48 && after <= 57);
}

export function creditSignals(ctx: WindowCtx): CreditSignals {
  const { p } = ctx;
  const ev = new EvidenceBuilder();
  const cards = p.accounts.filter((a) => a.kind === "credit");
  const liabilities = new Map(p.credit.map((c) => [c.account_id, c]));

  // Rows per card: payments in the window (card side), interest in the window, interest anywhere in the look-back.
  const cardPayments = new Map<string, PTx[]>();
  const payerSide: PTx[] = [];
  const interest = new Map<string, PTx[]>();
  const cardFees = new Map<string, PTx[]>();
  const feedPostsInterest = new Set<string>();
  for (let i = 0; i < p.txs.length; i++) {
    const r = p.txs[i];
    const inWindow = i >= ctx.i0;
    if (r.amount > 0 && r.acct.kind === "credit" && r.tx.pfc_primary === "BANK_FEES" && !(r.flags & F_INTEREST)) push(cardFees, r.tx.account_id, r);
    if (r.flags & F_INTEREST) {
      feedPostsInterest.add(r.tx.account_id);
      if (inWindow) push(interest, r.tx.account_id, r);
    }
    if (!inWindow || !(r.flags & F_CARD_PAYMENT)) continue;
    if (r.flags & F_CARD_SIDE_PAYMENT) push(cardPayments, r.tx.account_id, r);
    else if (r.amount > 0 && r.acct.kind !== "credit") payerSide.push(r);
  }

  const out: CardSignal[] = [];
  let maxU: number | null = null;
  let anyMin = false;
  let totalInterest = 0;
  let anyOverdue = false;
  for (const c of cards) {
    const a = c.account;
    const l = liabilities.get(a.account_id);
    ev.account(a.account_id);
    const label = `card ${a.mask ?? a.account_id}`;

    // Utilization: current balance (else the last statement balance) / limit.
    const balance = a.current_cents ?? l?.last_statement_balance_cents ?? 0;
    const limit = a.limit_cents;
    const u = limit && limit > 0 ? Math.max(0, balance) / limit : null;
    if (u !== null && (maxU === null || u > maxU)) maxU = u;
    const flags = utilizationFlags(u);
    ev.note(
      u === null
        ? `${label}: no credit limit, utilization unknown`
        : `${label}: utilization ${usd(balance)} / ${usd(limit!)} = ${r4(u)}${flags.length ? ` (flags ${flags.join(",")})` : ""}` +
            (a.current_cents == null ? " (balance from last_statement_balance)" : ""),
    );

    // Minimum payment only.
    let minOnly = false;
    const minimum = l?.minimum_payment_amount_cents ?? null;
    let pays = cardPayments.get(a.account_id) ?? [];
    if (!pays.length) {
      // Payments seen only from the paying account: the one naming this card's mask, or the only card's.
      pays = payerSide.filter((r) => (a.mask ? digits(r.tx.name, a.mask) : false) || (cards.length === 1 && !hasOtherMask(r, cards, a.account_id)));
    }
    const carriesBalance = l?.last_statement_balance_cents != null ? l.last_statement_balance_cents > (minimum ?? 0) : balance > 0;
    if (minimum != null && minimum > 0 && carriesBalance) {
      const stmtDate = l?.last_statement_issue_date ?? null;
      const fees = cardFees.get(a.account_id) ?? [];
      // Fees charged on the card after `date`, up to the last statement (they sit in its minimum only).
      const feesSince = (date: string) => {
        let sum = 0;
        if (stmtDate == null || date > stmtDate) return 0;
        for (const f of fees) if (f.tx.date > date && f.tx.date <= stmtDate) sum += f.amount;
        return sum;
      };
      const inForce = (cents: number, date: string) => isMinimumInForce(cents, date, minimum, stmtDate, feesSince(date));
      if (pays.length) {
        minOnly = pays.every((r) => inForce(Math.abs(r.amount), r.tx.date));
        for (const r of pays) ev.tx(r.tx.transaction_id);
        ev.note(
          `${label}: ${pays.length} payment(s) in window (${pays.map((r) => `${usd(Math.abs(r.amount))} on ${r.tx.date}`).join(", ")}) vs minimum ${usd(minimum)}` +
            `${stmtDate ? ` (statement of ${stmtDate}; earlier payments paid an earlier statement)` : ""}: ` +
            (minOnly ? "minimum only" : "not the minimum"),
        );
      } else if (l?.last_payment_amount_cents != null && (l.last_payment_date == null || l.last_payment_date <= p.asOf)) {
        minOnly = inForce(l.last_payment_amount_cents, l.last_payment_date ?? p.asOf);
        ev.note(
          `${label}: no payment rows in window; liability last_payment_amount ${usd(l.last_payment_amount_cents)}${l.last_payment_date ? ` on ${l.last_payment_date}` : ""} vs minimum ${usd(minimum)}: ` +
            (minOnly ? "minimum only" : "not the minimum"),
        );
      }
    }
    anyMin ||= minOnly;

    // Interest charged in the window, else (when the feed never posts interest rows) the last statement's.
    let interestCents = 0;
    const rows = interest.get(a.account_id) ?? [];
    if (rows.length) {
      for (const r of rows) {
        interestCents += r.amount;
        ev.tx(r.tx.transaction_id);
      }
      ev.note(`${label}: interest charged ${usd(interestCents)} in ${rows.length} row(s)`);
    } else if (!feedPostsInterest.has(a.account_id) && l && (l.last_statement_issue_date == null || l.last_statement_issue_date <= p.asOf)) {
      for (const apr of l.aprs) interestCents += apr.interest_charge_amount_cents ?? 0;
      if (interestCents > 0) ev.note(`${label}: interest ${usd(interestCents)} from the last statement's aprs[].interest_charge_amount`);
    }
    totalInterest += interestCents;

    const overdue = l?.is_overdue === true;
    if (overdue) ev.note(`${label}: liability is_overdue`);
    anyOverdue ||= overdue;

    out.push({
      account_id: a.account_id,
      name: a.name,
      mask: a.mask,
      balance_cents: balance,
      limit_cents: limit,
      utilization: u,
      flags,
      minimum_payment_only: minOnly,
      interest_charged_cents: interestCents,
      overdue,
      apr_percentage: purchaseApr(l),
    });
  }
  if (!cards.length) ev.note("no credit cards");
  return {
    card_count: cards.length,
    max_utilization: maxU,
    cards: out,
    minimum_payment_only: anyMin,
    interest_charged_cents: totalInterest,
    overdue: anyOverdue,
    evidence: ev.build(),
  };
}

function hasOtherMask(r: PTx, cards: { account: { account_id: string; mask: string | null } }[], self: string): boolean {
  for (const c of cards) if (c.account.account_id !== self && c.account.mask && digits(r.tx.name, c.account.mask)) return true;
  return false;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}
