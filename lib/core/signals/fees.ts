/** Fees: overdraft and insufficient-funds fees in the window, net of the fees the bank reversed. */
import { FEE_REVERSAL_MAX_DAYS, OVERDRAFT_FEE_DETAILED } from "./constants";
import { EvidenceBuilder, usd } from "./evidence";
import { D_OVERDRAFT, F_OVERDRAFT_FEE, descriptorRuleName } from "./flags";
import type { PTx } from "./prepare";
import type { FeeSignals } from "./types";
import type { WindowCtx } from "./window";

/**
 * A reversal (a negative overdraft/NSF row: "OVERDRAFT FEE REVERSAL", or BANK_FEES_OVERDRAFT_FEES refunded) offsets
 * the latest earlier fee of the same amount on the same account within FEE_REVERSAL_MAX_DAYS, else the latest earlier
 * fee of any amount there; a reversal with no fee to offset in the window offsets nothing.
 */
function offsetReversals(fees: PTx[], reversals: PTx[]): Set<PTx> {
  const offset = new Set<PTx>();
  for (const rev of reversals) {
    const candidates = fees.filter((f) => !offset.has(f) && f.tx.account_id === rev.tx.account_id && f.day <= rev.day && rev.day - f.day <= FEE_REVERSAL_MAX_DAYS);
    const same = candidates.filter((f) => f.amount === -rev.amount);
    const pick = (same.length ? same : candidates).at(-1);
    if (pick) offset.add(pick);
  }
  return offset;
}

export function feeSignals(ctx: WindowCtx): FeeSignals {
  const ev = new EvidenceBuilder();
  const { txs } = ctx.p;
  const fees: PTx[] = [];
  const reversals: PTx[] = [];
  for (let i = ctx.i0; i < txs.length; i++) {
    const r = txs[i];
    if (!(r.flags & F_OVERDRAFT_FEE) || r.amount === 0) continue;
    (r.amount > 0 ? fees : reversals).push(r);
  }
  const offset = offsetReversals(fees, reversals);
  let count = 0;
  let cents = 0;
  const rules = new Set<string>();
  for (const r of fees) {
    if (offset.has(r)) continue;
    count++;
    cents += r.amount;
    ev.tx(r.tx.transaction_id).account(r.tx.account_id);
    if (!r.tx.pfc_detailed) rules.add(descriptorRuleName(r.tx.name, D_OVERDRAFT) ?? "OVERDRAFT_FEE");
  }
  ev.note(`${count} overdraft/NSF fee(s) totalling ${usd(cents)} (${OVERDRAFT_FEE_DETAILED.join(", ")})`);
  if (rules.size) ev.note(`fees without a category found by descriptor rule ${[...rules].join(", ")}`);
  if (reversals.length) ev.note(`${reversals.length} fee reversal(s) (rule FEE_REVERSAL or a refunded overdraft fee) offset ${offset.size} fee(s)`);
  return { overdraft_fee_count: count, overdraft_fee_cents: cents, evidence: ev.build() };
}
