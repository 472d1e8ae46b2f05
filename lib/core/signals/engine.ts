/** computeSignals / computeWindow: prepare once, detect streams once, then each window. */
import type { CoreUserData } from "../types";
import { STREAM_LOOKBACK_DAYS } from "./constants";
import { creditSignals } from "./credit";
import { feeSignals } from "./fees";
import { incomeSignals } from "./income";
import { dayIso } from "./days";
import { prepareUser, type PreparedUser } from "./prepare";
import { detectStreamsPrepared } from "./recurring";
import type { StreamInternal } from "./stream";
import { savingsSignals } from "./savings";
import { subscriptionSignals } from "./subscriptions";
import { WINDOW_DAYS, WINDOW_IDS, type UserSignals, type WindowId, type WindowSignals } from "./types";
import { makeWindowCtx } from "./window";

function windowFromPrepared(p: PreparedUser, streams: StreamInternal[], window: WindowId): WindowSignals {
  const days = WINDOW_DAYS[window];
  const ctx = makeWindowCtx(p, window, days, streams);
  const lookbackDays = Math.max(days, STREAM_LOOKBACK_DAYS);
  const from = p.asOfDay - lookbackDays + 1;
  const subscriptions = subscriptionSignals(ctx);
  if (p.droppedPending.length) {
    subscriptions.evidence.notes.push(`${p.droppedPending.length} pending row(s) dropped: their posted rows name them (pending_transaction_id)`);
  }
  if (p.businessAccountIds.length) {
    subscriptions.evidence.notes.push(`${p.businessAccountIds.length} business account(s) left out: ${p.businessAccountIds.join(", ")}`);
  }
  return {
    window,
    as_of: p.asOf,
    start_date: ctx.start,
    lookback: {
      from: dayIso(from),
      to: p.asOf,
      transactions_read: p.txs.length,
      accounts_read: p.accounts.length,
    },
    subscriptions,
    savings: savingsSignals(ctx),
    credit: creditSignals(ctx),
    income: incomeSignals(ctx),
    fees: feeSignals(ctx),
  };
}

/** One window's signals as of `asOf` ("YYYY-MM-DD"). */
export function computeWindow(data: CoreUserData, asOf: string, window: WindowId): WindowSignals {
  const p = prepareUser(data, asOf);
  return windowFromPrepared(p, detectStreamsPrepared(p), window);
}

/** Both windows (30d and 180d) as of `asOf`; the data is prepared and streams detected once. */
export function computeSignals(data: CoreUserData, asOf: string): UserSignals {
  const p = prepareUser(data, asOf);
  const streams = detectStreamsPrepared(p);
  const windows = {} as Record<WindowId, WindowSignals>;
  for (const w of WINDOW_IDS) windows[w] = windowFromPrepared(p, streams, w);
  return { user_id: data.user_id, as_of: asOf, windows };
}
