/** What every per-window signal reads: the prepared user, the window's bounds, the streams, total spend. */
import { DAYS_PER_MONTH } from "./constants";
import { EvidenceBuilder, usd } from "./evidence";
import { dayIso } from "./days";
import { F_CARD_PAYMENT, F_OWN_TRANSFER, F_SPEND } from "./flags";
import { lowerBound, type PreparedUser } from "./prepare";
import type { StreamInternal } from "./stream";
import type { Evidence, WindowId } from "./types";

export interface WindowCtx {
  p: PreparedUser;
  window: WindowId;
  days: number;
  start: string;
  startDay: number;
  asOfDay: number;
  /** Index range of p.txs inside the window: [i0, p.txs.length). */
  i0: number;
  streams: StreamInternal[];
  /** Total spend in the window, cents, refunds netted, never below 0. */
  totalSpend: number;
  /** totalSpend / (days / DAYS_PER_MONTH). */
  avgMonthlyExpenses: number;
  spendEvidence: Evidence;
  /** Window length in months (days / DAYS_PER_MONTH). */
  months: number;
}

export function makeWindowCtx(p: PreparedUser, window: WindowId, days: number, streams: StreamInternal[]): WindowCtx {
  const startDay = p.asOfDay - days + 1;
  const i0 = lowerBound(p.txs, startDay);
  const months = days / DAYS_PER_MONTH;
  let gross = 0;
  let refunds = 0;
  let rows = 0;
  let own = 0;
  let card = 0;
  const ev = new EvidenceBuilder();
  for (let i = i0; i < p.txs.length; i++) {
    const r = p.txs[i];
    if (r.flags & F_SPEND) {
      rows++;
      if (r.amount >= 0) gross += r.amount;
      else {
        refunds -= r.amount;
        ev.tx(r.tx.transaction_id);
      }
    } else if (r.flags & F_OWN_TRANSFER) own++;
    else if (r.flags & F_CARD_PAYMENT) card++;
  }
  const net = gross - refunds;
  const totalSpend = Math.max(0, net);
  ev.note(
    `total spend ${usd(totalSpend)} = ${rows} spending rows ${usd(gross)} out - refunds ${usd(refunds)}; ` +
      `left out: ${own} own-account transfers, ${card} card payments (window ${dayIso(startDay)}..${p.asOf})`,
  );
  if (net < 0) ev.note("refunds exceeded spending: total spend floored at $0.00");
  if (refunds > 0) ev.note("listed transaction ids are the refunds netted against spend");
  return {
    p,
    window,
    days,
    start: dayIso(startDay),
    startDay,
    asOfDay: p.asOfDay,
    i0,
    streams,
    totalSpend,
    avgMonthlyExpenses: totalSpend / months,
    spendEvidence: ev.build(),
    months,
  };
}
