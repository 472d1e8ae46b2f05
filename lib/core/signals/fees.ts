/** Fees: overdraft and insufficient-funds fees in the window. */
import { OVERDRAFT_FEE_DETAILED } from "./constants";
import { EvidenceBuilder, usd } from "./evidence";
import { F_OVERDRAFT_FEE } from "./flags";
import type { FeeSignals } from "./types";
import type { WindowCtx } from "./window";

export function feeSignals(ctx: WindowCtx): FeeSignals {
  const ev = new EvidenceBuilder();
  let count = 0;
  let cents = 0;
  const { txs } = ctx.p;
  for (let i = ctx.i0; i < txs.length; i++) {
    const r = txs[i];
    // Fees charged (positive amounts); a fee reversal (negative) is not a fee.
    if (!(r.flags & F_OVERDRAFT_FEE) || r.amount <= 0) continue;
    count++;
    cents += r.amount;
    ev.tx(r.tx.transaction_id).account(r.tx.account_id);
  }
  ev.note(`${count} overdraft/NSF fee(s) totalling ${usd(cents)} (${OVERDRAFT_FEE_DETAILED.join(", ")})`);
  return { overdraft_fee_count: count, overdraft_fee_cents: cents, evidence: ev.build() };
}
