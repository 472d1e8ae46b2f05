/**
 * Syncs one Item: /transactions/sync from the stored cursor, page by page until has_more is false
 * (the whole update restarts from the stored cursor on TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION),
 * then /accounts/get and /liabilities/get. Everything goes through the same ingest as a page or a
 * bundle sent to POST /api/ingest (lib/ingest/sync.ts, lib/ingest): each page commits whole, and
 * the cursor is stored only once every page has committed, so a failed sync is re-run from the old
 * cursor and re-applies its pages without effect (a page twice changes nothing).
 * A customer without consent is not synced: no Plaid call, nothing ingested.
 */
import "server-only";
import type { PlaidApi, TransactionsSyncResponse } from "plaid";
import { SYSTEM } from "../db/actor";
import { itemForSync, recordItemSync } from "../db/plaid-items";
import { ingestObject, openSink } from "../ingest";
import { ingestSyncPage } from "../ingest/sync";
import { recomputeChanged, usesQueue } from "../jobs/pipeline";
import type { FieldError } from "../ingest/rules";
import type { PlaidConfig } from "./config";
import { plaidClient, plaidErrorCode } from "./client";
import { decryptToken } from "./token-crypto";
import { SYNC_MAX_PAGES, SYNC_MAX_RESTARTS, SYNC_PAGE_SIZE } from "./constants";

/** The error Plaid answers when the Item changed while its pages were being read. */
const MUTATION_DURING_PAGINATION = "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION";
/** /liabilities/get answers these for an Item without liabilities: no liabilities, not a failure. */
const NO_LIABILITIES = new Set(["PRODUCTS_NOT_SUPPORTED", "NO_LIABILITY_ACCOUNTS", "PRODUCT_NOT_READY"]);

export type SyncOutcome =
  | { status: "synced"; pages: number; added: number; modified: number; removed: number; queued: number }
  | { status: "skipped_no_consent" | "unknown_item" }
  | { status: "error"; detail: string };

/** Every page of one update, from `cursor`; restarted from `cursor` when Plaid says the Item changed meanwhile. */
async function fetchUpdate(client: PlaidApi, accessToken: string, cursor: string | null): Promise<TransactionsSyncResponse[]> {
  for (let attempt = 0; ; attempt++) {
    const pages: TransactionsSyncResponse[] = [];
    let next = cursor ?? undefined;
    try {
      for (;;) {
        const page = (await client.transactionsSync({ access_token: accessToken, cursor: next, count: SYNC_PAGE_SIZE })).data;
        pages.push(page);
        if (!page.has_more) return pages;
        if (pages.length >= SYNC_MAX_PAGES) throw new Error(`more than ${SYNC_MAX_PAGES} pages in one update`);
        next = page.next_cursor;
      }
    } catch (e) {
      if (plaidErrorCode(e) !== MUTATION_DURING_PAGINATION || attempt >= SYNC_MAX_RESTARTS) throw e;
    }
  }
}

/** The Item's accounts and liabilities as a bundle of the Item's customer. */
async function accountsBundle(client: PlaidApi, accessToken: string, userId: string) {
  const accounts = (await client.accountsGet({ access_token: accessToken })).data.accounts;
  let liabilities: Record<string, unknown[]> = {};
  try {
    const l = (await client.liabilitiesGet({ access_token: accessToken })).data.liabilities;
    liabilities = Object.fromEntries(Object.entries(l).filter(([, v]) => Array.isArray(v)));
  } catch (e) {
    if (!NO_LIABILITIES.has(plaidErrorCode(e) ?? "")) throw e;
  }
  return { accounts: accounts.map((a) => ({ ...a, user_id: userId })), liabilities };
}

const describe = (errors: FieldError[]) => errors.slice(0, 3).map((e) => `${e.path}: ${e.reason}`).join("; ");

/**
 * Applies the pages in order, then the accounts and liabilities; the first refused part stops it
 * (and is the failure). `changed`: whether any part inserted, changed or deleted a row.
 */
async function apply(itemId: string, userId: string, pages: TransactionsSyncResponse[], bundle: object): Promise<{ failure: string | null; changed: boolean }> {
  const run = () => ({ source: `plaid:${itemId}`, startedAt: new Date() });
  let changed = false;
  for (const [i, page] of pages.entries()) {
    const r = await ingestSyncPage(page, { userId, sink: openSink(), run: run() });
    if (!r.ok) return { failure: `page ${i + 1}: ${describe(r.errors)}`, changed };
    changed ||= r.changedUsers.length > 0;
  }
  const r = await ingestObject(bundle, { run: run() });
  if (!r.ok) return { failure: `accounts and liabilities: ${describe(r.errors)}`, changed };
  return { failure: null, changed: changed || r.changedUsers.length > 0 };
}

export async function syncItem(itemId: string, config: PlaidConfig, client: PlaidApi = plaidClient(config), now = () => new Date()): Promise<SyncOutcome> {
  const item = await itemForSync(SYSTEM, itemId);
  if (!item) return { status: "unknown_item" };
  if (!item.consentGranted) {
    await recordItemSync(SYSTEM, itemId, { status: "skipped_no_consent", detail: "the customer has not opted in", at: now() });
    return { status: "skipped_no_consent" };
  }
  const token = decryptToken(item.accessTokenEncrypted, config.tokenKey, item.id);
  let failure: string | null;
  let changed = false;
  let pages: TransactionsSyncResponse[] = [];
  try {
    pages = await fetchUpdate(client, token, item.cursor);
    ({ failure, changed } = await apply(item.id, item.userId, pages, await accountsBundle(client, token, item.userId)));
  } catch (e) {
    failure = plaidErrorCode(e) ?? (e instanceof Error ? e.message : String(e));
  }
  if (failure) {
    await recordItemSync(SYSTEM, itemId, { status: "error", detail: failure.slice(0, 500), at: now() });
    return { status: "error", detail: failure };
  }
  await recordItemSync(SYSTEM, itemId, { status: "active", detail: null, cursor: pages[pages.length - 1].next_cursor, at: now() });
  // Like an API ingest: on PostgreSQL the customer's results are recomputed by the job queue when the sync changed their rows.
  const queued = changed && usesQueue() ? (await recomputeChanged([item.userId])).users.length : 0;
  const count = (k: "added" | "modified" | "removed") => pages.reduce((n, p) => n + p[k].length, 0);
  return { status: "synced", pages: pages.length, added: count("added"), modified: count("modified"), removed: count("removed"), queued };
}
