/**
 * One pass over a user's data that every signal shares: personal accounts only, nothing after the
 * as-of date, pending rows that later posted dropped, rows sorted once by date, each row tagged once
 * (./flags.ts) with all per-descriptor regex work memoized per distinct string.
 */
import type { CoreCreditLiability, CoreTransaction, CoreUserData } from "../types";
import { accountKind, type AccountInfo } from "./accounts";
import { STREAM_LOOKBACK_DAYS } from "./constants";
import { dayIso, isoDay } from "./days";
import { MerchantResolver } from "./descriptor";
import { F_STREAM, rowDescriptorFacts, rowFlags } from "./flags";

export interface PTx {
  tx: CoreTransaction;
  day: number;
  /** Signed cents, Plaid's sign (positive = money out). */
  amount: number;
  acct: AccountInfo;
  /** F_* flags (./flags.ts). */
  flags: number;
  /** D_* facts of the raw descriptor (./flags.ts). */
  dflags: number;
  /** Shared merchant key (MerchantResolver); "" for rows that are not stream-eligible. */
  key: string;
  /** Position in PreparedUser.txs (the rows are sorted once and never reordered). */
  index: number;
}

export interface PreparedUser {
  userId: string;
  asOf: string;
  asOfDay: number;
  /** First day read (asOf - STREAM_LOOKBACK_DAYS + 1). */
  fromDay: number;
  accounts: AccountInfo[];
  accountById: Map<string, AccountInfo>;
  /** Personal rows dated in [fromDay, asOfDay], pending duplicates dropped, sorted by date then id. */
  txs: PTx[];
  credit: CoreCreditLiability[];
  /** Ids of pending rows dropped because a posted row names them. */
  droppedPending: string[];
  /** Business accounts left out entirely. */
  businessAccountIds: string[];
  /** Rows dated after as-of that were ignored. */
  futureRowsIgnored: number;
}

/** A user's personal accounts, and the masks that let a descriptor name one of them. */
interface PersonalAccounts {
  accounts: AccountInfo[];
  accountById: Map<string, AccountInfo>;
  businessAccountIds: string[];
  masks: Set<string>;
  creditMasks: Map<string, string>;
  find(id: string): AccountInfo | undefined;
}

function personalAccounts(data: CoreUserData): PersonalAccounts {
  const accounts: AccountInfo[] = [];
  const accountById = new Map<string, AccountInfo>();
  const businessAccountIds: string[] = [];
  const masks = new Set<string>();
  const creditMasks = new Map<string, string>();
  for (const a of data.accounts) {
    if (a.holder_category === "business") {
      businessAccountIds.push(a.account_id);
      continue;
    }
    const info: AccountInfo = { account: a, kind: accountKind(a) };
    accounts.push(info);
    accountById.set(a.account_id, info);
    if (a.mask) {
      masks.add(a.mask);
      if (info.kind === "credit") creditMasks.set(a.mask, a.account_id);
    }
  }
  // A user has a handful of accounts: comparing ids (hash-checked by V8) beats a Map probe per row.
  const few = accounts.length <= 8;
  const find = (id: string): AccountInfo | undefined => {
    if (!few) return accountById.get(id);
    for (let k = 0; k < accounts.length; k++) if (accounts[k].account.account_id === id) return accounts[k];
    return undefined;
  };
  return { accounts, accountById, businessAccountIds, masks, creditMasks, find };
}

/** Rows of personal accounts in [fromIso, asOf], and which pending rows a posted row replaced. */
function rowsInRange(src: CoreTransaction[], acc: PersonalAccounts, fromIso: string, asOf: string) {
  const kept: CoreTransaction[] = [];
  const keptAcct: AccountInfo[] = [];
  const replaced = new Set<string>();
  let futureRowsIgnored = 0;
  for (let i = 0; i < src.length; i++) {
    const t = src[i];
    if (t.date > asOf) {
      futureRowsIgnored++;
      continue;
    }
    if (t.date < fromIso) continue;
    const acct = acc.find(t.account_id);
    if (!acct) continue;
    if (!t.pending && t.pending_transaction_id) replaced.add(t.pending_transaction_id);
    kept.push(t);
    keptAcct.push(acct);
  }
  return { kept, keptAcct, replaced, futureRowsIgnored };
}

/**
 * Tags each kept row (pending rows a posted row replaced are dropped). Named rows get their merchant key
 * first and teach the resolver; rows without merchant_name are resolved against what they taught.
 */
function tagRows(range: ReturnType<typeof rowsInRange>, acc: PersonalAccounts): { txs: PTx[]; droppedPending: string[] } {
  const { kept, keptAcct, replaced } = range;
  const resolver = new MerchantResolver();
  const txs: PTx[] = [];
  const droppedPending: string[] = [];
  const unnamed: PTx[] = [];
  const checkPending = replaced.size > 0;
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i];
    if (checkPending && t.pending && replaced.has(t.transaction_id)) {
      droppedPending.push(t.transaction_id);
      continue;
    }
    const acct = keptAcct[i];
    const dflags = rowDescriptorFacts(t);
    const flags = rowFlags(t, acct, dflags, acc.masks, acc.creditMasks);
    const row: PTx = { tx: t, day: isoDay(t.date), amount: t.amount_cents, acct, flags, dflags, key: "", index: 0 };
    if (flags & F_STREAM) {
      if (t.merchant_name) row.key = resolver.learnNamed(t);
      else unnamed.push(row);
    }
    txs.push(row);
  }
  for (let i = 0; i < unnamed.length; i++) unnamed[i].key = resolver.key(unnamed[i].tx);
  return { txs, droppedPending };
}

/** Builds the shared view of one user as of `asOf` (see the file comment). */
export function prepareUser(data: CoreUserData, asOf: string): PreparedUser {
  const asOfDay = isoDay(asOf);
  const fromDay = asOfDay - STREAM_LOOKBACK_DAYS + 1;
  const acc = personalAccounts(data);
  const range = rowsInRange(data.transactions, acc, dayIso(fromDay), asOf);
  const { txs, droppedPending } = tagRows(range, acc);
  sortByDayThenId(txs, fromDay, asOfDay);
  return {
    userId: data.user_id,
    asOf,
    asOfDay,
    fromDay,
    accounts: acc.accounts,
    accountById: acc.accountById,
    txs,
    credit: data.credit.filter((c) => acc.accountById.has(c.account_id)),
    droppedPending,
    businessAccountIds: acc.businessAccountIds,
    futureRowsIgnored: range.futureRowsIgnored,
  };
}

/**
 * Counting sort by day (days lie in [fromDay, asOfDay]), rows of one day ordered by id: independent of input
 * order. Sets each row's `index`.
 */
function sortByDayThenId(txs: PTx[], fromDay: number, asOfDay: number): void {
  const span = asOfDay - fromDay + 1;
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < txs.length; i++) counts[txs[i].day - fromDay + 1]++;
  for (let d = 1; d <= span; d++) counts[d] += counts[d - 1];
  const out = new Array<PTx>(txs.length);
  const pos = counts.slice(0, span);
  for (let i = 0; i < txs.length; i++) out[pos[txs[i].day - fromDay]++] = txs[i];
  for (let d = 0; d < span; d++) {
    const a = counts[d];
    const b = counts[d + 1];
    // Insertion sort: a day holds a handful of rows.
    for (let i = a + 1; i < b; i++) {
      const x = out[i];
      const id = x.tx.transaction_id;
      let j = i - 1;
      while (j >= a && out[j].tx.transaction_id > id) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = x;
    }
  }
  for (let i = 0; i < out.length; i++) {
    txs[i] = out[i];
    out[i].index = i;
  }
}

/** First index of `txs` (sorted by day) with day >= `day`. */
export function lowerBound(txs: PTx[], day: number): number {
  let lo = 0;
  let hi = txs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (txs[mid].day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
