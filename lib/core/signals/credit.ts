/**
 * Credit: utilization per card with 30/50/80% flags, minimum-payment-only, interest charged, overdue.
 */
import type { CoreCreditLiability } from "../types";
import { MIN_PAYMENT_FLOOR_MAX_CENTS, MIN_PAYMENT_PRIOR_BAND, MIN_PAYMENT_ROUND_CENTS, MIN_PAYMENT_TOLERANCE, MIN_PAYMENT_TOLERANCE_MIN_CENTS, UTILIZATION_FLAGS } from "./constants";
import { EvidenceBuilder, accountLabel, r4, usd } from "./evidence";
import { F_CARD_PAYMENT, F_CARD_SIDE_PAYMENT, F_INTEREST } from "./flags";
import type { AccountInfo } from "./accounts";
import type { PTx } from "./prepare";
import type { CardSignal, CreditSignals, UnknownReasons, UtilizationFlag } from "./types";
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
function isMinimumInForce(
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

/** The rows the card signals read, per card account id. */
interface CardRows {
  /** Payments in the window, seen on the card's side. */
  cardPayments: Map<string, PTx[]>;
  /** Card payments in the window seen only from the paying account. */
  payerSide: PTx[];
  /** Interest charged in the window. */
  interest: Map<string, PTx[]>;
  /** Fees charged on the card (other than interest), anywhere in the look-back. */
  cardFees: Map<string, PTx[]>;
  /** Cards whose feed posts interest rows somewhere in the look-back. */
  feedPostsInterest: Set<string>;
}

function cardRows(ctx: WindowCtx): CardRows {
  const rows: CardRows = { cardPayments: new Map(), payerSide: [], interest: new Map(), cardFees: new Map(), feedPostsInterest: new Set() };
  const { txs } = ctx.p;
  for (let i = 0; i < txs.length; i++) {
    const r = txs[i];
    const inWindow = i >= ctx.i0;
    if (r.amount > 0 && r.acct.kind === "credit" && r.tx.pfc_primary === "BANK_FEES" && !(r.flags & F_INTEREST)) push(rows.cardFees, r.tx.account_id, r);
    if (r.flags & F_INTEREST) {
      rows.feedPostsInterest.add(r.tx.account_id);
      if (inWindow) push(rows.interest, r.tx.account_id, r);
    }
    if (!inWindow || !(r.flags & F_CARD_PAYMENT)) continue;
    if (r.flags & F_CARD_SIDE_PAYMENT) push(rows.cardPayments, r.tx.account_id, r);
    else if (r.amount > 0 && r.acct.kind !== "credit") rows.payerSide.push(r);
  }
  return rows;
}

/** One card and what its signals read. */
interface CardCtx {
  card: AccountInfo;
  cards: AccountInfo[];
  liability: CoreCreditLiability | undefined;
  balance: number | null;
  label: string;
  rows: CardRows;
  asOf: string;
  ev: EvidenceBuilder;
}

/** Minimum payment only: every payment in the window (else the liability's last payment) is the minimum in force. */
function minimumPaymentOnly(c: CardCtx): boolean {
  const { card, liability: l, label, ev } = c;
  const a = card.account;
  const minimum = l?.minimum_payment_amount_cents ?? null;
  let pays = c.rows.cardPayments.get(a.account_id) ?? [];
  if (!pays.length) {
    // Payments seen only from the paying account: the one naming this card's mask, or the only card's.
    pays = c.rows.payerSide.filter(
      (r) => (a.mask ? digits(r.tx.name, a.mask) : false) || (c.cards.length === 1 && !hasOtherMask(r, c.cards, a.account_id)),
    );
  }
  const carriesBalance = l?.last_statement_balance_cents != null ? l.last_statement_balance_cents > (minimum ?? 0) : (c.balance ?? 0) > 0;
  if (minimum == null || minimum <= 0 || !carriesBalance) return false;
  const stmtDate = l?.last_statement_issue_date ?? null;
  const fees = c.rows.cardFees.get(a.account_id) ?? [];
  // Fees charged on the card after `date`, up to the last statement (they sit in its minimum only).
  const feesSince = (date: string) => {
    let sum = 0;
    if (stmtDate == null || date > stmtDate) return 0;
    for (const f of fees) if (f.tx.date > date && f.tx.date <= stmtDate) sum += f.amount;
    return sum;
  };
  const inForce = (cents: number, date: string) => isMinimumInForce(cents, date, minimum, stmtDate, feesSince(date));
  if (pays.length) {
    const minOnly = pays.every((r) => inForce(Math.abs(r.amount), r.tx.date));
    for (const r of pays) ev.tx(r.tx.transaction_id);
    ev.note(
      `${label}: ${pays.length} payment(s) in window (${pays.map((r) => `${usd(Math.abs(r.amount))} on ${r.tx.date}`).join(", ")}) vs minimum ${usd(minimum)}` +
        `${stmtDate ? ` (statement of ${stmtDate}; earlier payments paid an earlier statement)` : ""}: ` +
        (minOnly ? "minimum only" : "not the minimum"),
    );
    return minOnly;
  }
  if (l?.last_payment_amount_cents == null || (l.last_payment_date != null && l.last_payment_date > c.asOf)) return false;
  const minOnly = inForce(l.last_payment_amount_cents, l.last_payment_date ?? c.asOf);
  ev.note(
    `${label}: no payment rows in window; liability last_payment_amount ${usd(l.last_payment_amount_cents)}${l.last_payment_date ? ` on ${l.last_payment_date}` : ""} vs minimum ${usd(minimum)}: ` +
      (minOnly ? "minimum only" : "not the minimum"),
  );
  return minOnly;
}

/** Interest charged in the window, else (when the feed never posts interest rows) the last statement's. */
function interestCharged(c: CardCtx): number {
  const { liability: l, label, ev } = c;
  const id = c.card.account.account_id;
  let cents = 0;
  const rows = c.rows.interest.get(id) ?? [];
  if (rows.length) {
    for (const r of rows) {
      cents += r.amount;
      ev.tx(r.tx.transaction_id);
    }
    ev.note(`${label}: interest charged ${usd(cents)} in ${rows.length} row(s)`);
  } else if (!c.rows.feedPostsInterest.has(id) && l && (l.last_statement_issue_date == null || l.last_statement_issue_date <= c.asOf)) {
    for (const apr of l.aprs) cents += apr.interest_charge_amount_cents ?? 0;
    if (cents > 0) ev.note(`${label}: interest ${usd(cents)} from the last statement's aprs[].interest_charge_amount`);
  }
  return cents;
}

function cardSignal(card: AccountInfo, cards: AccountInfo[], liability: CoreCreditLiability | undefined, rows: CardRows, asOf: string, ev: EvidenceBuilder): CardSignal {
  const a = card.account;
  ev.account(a.account_id);
  const label = `card ${a.mask ?? a.account_id}`;
  // Utilization: current balance (else the last statement balance) / limit. Unknown is never zero:
  // with neither balance sent, the balance and utilization are unknown.
  const balance = a.current_cents ?? liability?.last_statement_balance_cents ?? null;
  const limit = a.limit_cents;
  const u = limit && limit > 0 && balance !== null ? Math.max(0, balance) / limit : null;
  const why = !limit || limit <= 0 ? `${accountLabel(a)} has no reported credit limit` : balance === null ? `the balance of ${accountLabel(a)} was not reported by the bank` : null;
  const flags = utilizationFlags(u);
  ev.note(
    u === null
      ? `${label}: utilization unknown: ${why}`
      : `${label}: utilization ${usd(balance!)} / ${usd(limit!)} = ${r4(u)}${flags.length ? ` (flags ${flags.join(",")})` : ""}` +
          (a.current_cents == null ? " (balance from last_statement_balance)" : ""),
  );
  const c: CardCtx = { card, cards, liability, balance, label, rows, asOf, ev };
  const minOnly = minimumPaymentOnly(c);
  const interestCents = interestCharged(c);
  const overdue = liability?.is_overdue === true;
  if (overdue) ev.note(`${label}: liability is_overdue`);
  return {
    account_id: a.account_id,
    name: a.name,
    mask: a.mask,
    balance_cents: balance,
    limit_cents: limit,
    utilization: u,
    ...(why ? { unknown_reason: why } : {}),
    flags,
    minimum_payment_only: minOnly,
    interest_charged_cents: interestCents,
    overdue,
    apr_percentage: purchaseApr(liability),
  };
}

export function creditSignals(ctx: WindowCtx): CreditSignals {
  const { p } = ctx;
  const ev = new EvidenceBuilder();
  const cards = p.accounts.filter((a) => a.kind === "credit");
  const liabilities = new Map(p.credit.map((c) => [c.account_id, c]));
  const rows = cardRows(ctx);
  const out = cards.map((c) => cardSignal(c, cards, liabilities.get(c.account.account_id), rows, p.asOf, ev));
  let maxU: number | null = null;
  for (const c of out) if (c.utilization !== null && (maxU === null || c.utilization > maxU)) maxU = c.utilization;
  if (!cards.length) ev.note("no credit cards");
  const unknownCards = out.filter((c) => c.unknown_reason);
  const unknown: UnknownReasons = { ...liabilityUnknowns(cards, liabilities, out) };
  if (unknownCards.length) unknown.max_utilization = unknownCards.map((c) => c.unknown_reason).join("; ");
  for (const why of Object.values(unknown)) ev.note(`unknown: ${why}`);
  return {
    card_count: cards.length,
    max_utilization: maxU,
    cards: out,
    minimum_payment_only: out.some((c) => c.minimum_payment_only),
    interest_charged_cents: out.reduce((sum, c) => sum + c.interest_charged_cents, 0),
    overdue: out.some((c) => c.overdue),
    ...(Object.keys(unknown).length ? { unknown } : {}),
    evidence: ev.build(),
  };
}

/**
 * Unknown is never zero: when no card is past due (or minimum-payment-only) but a card's liability did not say
 * (no liability, `is_overdue` null; a card carrying a balance without `minimum_payment_amount`), "no" is not known.
 */
function liabilityUnknowns(cards: AccountInfo[], liabilities: Map<string, CoreCreditLiability>, out: CardSignal[]): UnknownReasons {
  const overdue: string[] = [];
  const minimum: string[] = [];
  cards.forEach((c, i) => {
    const l = liabilities.get(c.account.account_id);
    const label = accountLabel(c.account);
    if (l?.is_overdue == null) overdue.push(`whether ${label} is past due was not reported by the bank`);
    if ((out[i].balance_cents ?? 0) > 0 && l?.minimum_payment_amount_cents == null) minimum.push(`the minimum payment of ${label} was not reported by the bank`);
  });
  const r: UnknownReasons = {};
  if (overdue.length && !out.some((c) => c.overdue)) r.overdue = overdue.join("; ");
  if (minimum.length && !out.some((c) => c.minimum_payment_only)) r.minimum_payment_only = minimum.join("; ");
  return r;
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
