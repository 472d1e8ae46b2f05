/**
 * A Plaid /transactions/sync response as ingest input, verbatim (docs/decisions.md, "Plaid sync
 * pages"): `accounts` and `added`/`modified` upsert through the same validation and IngestSession
 * as a bundle, `removed` deletes by transaction_id, and a posted transaction deletes the pending
 * row it names (`pending_transaction_id`). One page is one transaction: all or nothing; the same
 * page twice changes nothing. A page does not say whose it is: the caller names a stored customer
 * (SYNC_USER_REQUIRED), and every account and transaction of the page must be that customer's.
 */
import { z } from "zod";
import { IngestSession, type IngestResult } from "./session";
import type { ScannedItem } from "./scan";
import type { FieldError } from "./rules";
import type { IngestSink } from "./sink";
import type { IngestRunRecord } from "./run-record";
import { directRun } from "./run-record";

/** The top-level keys that make a JSON body a /transactions/sync page rather than a bundle. */
const SYNC_KEYS = new Set(["added", "modified", "removed", "next_cursor", "has_more"]);
/** Top-level keys only a bundle has (`accounts` is in both). */
const BUNDLE_KEYS = new Set(["users", "transactions", "liabilities"]);
/** How far into a body the shape is looked for (a page's keys come after its few accounts). */
const SNIFF_MAX_BYTES = 1 << 20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a JSON body is a /transactions/sync page: the first decisive top-level key is one of
 * SYNC_KEYS (a bundle's users/transactions/liabilities decide the other way). Reads at most
 * SNIFF_MAX_BYTES; undecided means a bundle.
 */
export function looksLikeSyncPage(body: Uint8Array): boolean {
  let depth = 0;
  let inString = false;
  let keyStart = -1;
  let lastString = "";
  const end = Math.min(body.length, SNIFF_MAX_BYTES);
  for (let i = 0; i < end; i++) {
    const b = body[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) {
        inString = false;
        if (keyStart >= 0) lastString = Buffer.from(body.subarray(keyStart, i)).toString("utf8");
      }
      continue;
    }
    if (b === QUOTE) {
      inString = true;
      keyStart = depth === 1 ? i + 1 : -1;
      lastString = "";
    } else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) depth--;
    else if (b === 0x3a && depth === 1 && lastString) {
      if (SYNC_KEYS.has(lastString)) return true;
      if (BUNDLE_KEYS.has(lastString)) return false;
      lastString = "";
    }
  }
  return false;
}

/** "The users the rows belong to must be known": a page names no user, so the caller does. */
export const SYNC_USER_REQUIRED = "is required for a /transactions/sync page (?user_id= on POST /api/ingest, --user on the CLI): the page does not say whose accounts it holds";

const objects = z.array(z.looseObject({}), { error: "must be an array of objects" });
/** The page's envelope; each account and transaction is then checked by the bundle's own schemas. */
const SyncPageSchema = z.object({
  accounts: objects.default([]),
  added: objects,
  modified: objects,
  removed: z.array(z.object({ transaction_id: z.string().trim().min(1, "must be a non-empty string").max(200) }), { error: "must be an array of objects" }),
  next_cursor: z.string({ error: "must be a string" }),
  has_more: z.boolean({ error: "must be true or false" }),
});
export type SyncPage = z.infer<typeof SyncPageSchema>;

export interface SyncIngestOptions {
  /** The stored customer whose page this is. */
  userId: string | null | undefined;
  sink: IngestSink;
  run?: IngestRunRecord;
  maxItems?: number;
}

const failed = (errors: FieldError[], items = 0, tooMany?: number): IngestResult => ({
  ok: false,
  errors,
  error_count: errors.length,
  items,
  ...(tooMany ? { too_many_items: tooMany } : {}),
});

/** Parses a page from UTF-8 bytes, then ingests it (ingestSyncPage). */
export async function ingestSyncBytes(body: Uint8Array, opts: SyncIngestOptions): Promise<IngestResult> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch (e) {
    await opts.sink.rollback();
    return failed([{ path: "(body)", reason: e instanceof SyntaxError ? `is not valid JSON (${e.message})` : "is not UTF-8" }]);
  }
  return ingestSyncPage(value, opts);
}

/** The page's elements in the ingest's sections: accounts (with the page's user), then added and modified as transactions. */
function pageItems(page: SyncPage, userId: string): ScannedItem[] {
  const items: ScannedItem[] = page.accounts.map((a, index) => ({ section: "accounts", index, value: { ...a, user_id: userId } }));
  [...page.added, ...page.modified].forEach((t, index) => items.push({ section: "transactions", index, value: t }));
  return items;
}

/** An error of the bundle's paths named in the page's own: transactions[k] is added[k] or modified[k - added]. */
function pagePath(path: string, added: number): string {
  return path
    .replace(/^transactions\[(\d+)\]/, (_, k: string) => (Number(k) < added ? `added[${k}]` : `modified[${Number(k) - added}]`))
    .replace(/^(accounts\[\d+\])\.user_id$/, "$1.account_id");
}

/** Stored pending rows the page's posted transactions replace (`pending_transaction_id`), and `removed`. */
function removals(page: SyncPage): string[] {
  const ids = new Set(page.removed.map((r) => r.transaction_id));
  for (const t of [...page.added, ...page.modified]) {
    const { pending, pending_transaction_id: pid, transaction_id: id } = t as { pending?: unknown; pending_transaction_id?: unknown; transaction_id?: unknown };
    if (pending === false && typeof pid === "string" && pid && pid !== id) ids.add(pid);
  }
  return [...ids];
}

/** Accounts the page's transactions name that are stored under another customer (the page has no right to them). */
async function foreignAccounts(page: SyncPage, userId: string, sink: IngestSink): Promise<FieldError[]> {
  const inPage = new Set(page.accounts.map((a) => a.account_id));
  const txs = [...page.added, ...page.modified];
  const ids = [...new Set(txs.map((t) => t.account_id).filter((id): id is string => typeof id === "string" && !inPage.has(id)))];
  if (!ids.length) return [];
  const stored = await sink.lookupAccounts(ids);
  const errors: FieldError[] = [];
  txs.forEach((t, k) => {
    const owner = stored.get(t.account_id as string)?.user_id;
    if (owner && owner !== userId) errors.push({ path: `${pagePath(`transactions[${k}]`, page.added.length)}.account_id`, reason: `account "${t.account_id}" belongs to another user` });
  });
  return errors;
}

/** Checks the envelope and the user, then runs the page through one IngestSession. The sink is consumed. */
export async function ingestSyncPage(value: unknown, opts: SyncIngestOptions): Promise<IngestResult> {
  const { sink, userId } = opts;
  const env = SyncPageSchema.safeParse(value);
  if (!env.success) {
    await sink.rollback();
    return failed(env.error.issues.map((i) => ({ path: i.path.length ? i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "(body)", reason: i.message })));
  }
  const page = env.data;
  const count = page.accounts.length + page.added.length + page.modified.length + page.removed.length;
  if (opts.maxItems !== undefined && count > opts.maxItems) {
    await sink.rollback();
    return failed([{ path: "(body)", reason: `holds more than ${opts.maxItems} elements (accounts, added, modified, removed)` }], count, opts.maxItems);
  }
  if (!userId) {
    await sink.rollback();
    return failed([{ path: "user_id", reason: SYNC_USER_REQUIRED }], count);
  }
  const user = (await sink.lookupUsers([userId])).get(userId);
  const userError = !user ? `unknown user "${userId}": sync pages are ingested for stored customers only` : user.role !== "customer" ? "belongs to a staff account, not a customer" : null;
  const foreign = userError ? [] : await foreignAccounts(page, userId, sink);
  if (userError || foreign.length) {
    await sink.rollback();
    return failed(userError ? [{ path: "user_id", reason: userError }] : foreign, count);
  }
  const session = new IngestSession(sink, opts.run ?? directRun("sync-page"));
  await session.begin();
  await session.processBatch(pageItems(page, userId));
  const gone = removals(page);
  if (gone.length && !session.failed) sink.removeTransactions(gone, userId);
  const r = await session.finish();
  if (r.ok) return { ...r, items: count };
  return { ...r, errors: r.errors.map((e) => ({ ...e, path: pagePath(e.path, page.added.length) })) };
}
