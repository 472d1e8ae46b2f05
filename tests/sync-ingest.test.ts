// Plaid /transactions/sync responses as ingest input (issue 11, "Plaid's own formats"): pages in
// order give the database one bundle of the final state gives; pending rows are replaced by their
// posted rows; each page all or nothing, errors named in the page's own paths; idempotent; the
// integrity rules of the bundle hold; the API and the CLI detect a page by its shape.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { dumpIngested } from "./helpers/csv";
import { ingestObject, openSink } from "@/lib/ingest";
import { ingestSyncPage, looksLikeSyncPage } from "@/lib/ingest/sync";
import { handleIngest } from "@/lib/http/ingest-handler";
import { db } from "@/lib/db/client";
import { ACCOUNT_ID, finalStateBundle, plaidTransaction, syncPages } from "./fixtures/plaid-examples";

const USER = "u_sync";
const OTHER = "u_other";
const users = {
  users: [
    { user_id: USER, name: "Sync Customer", email: "sync@example.com", consent: true },
    { user_id: OTHER, name: "Other Customer", email: "other@example.com" },
  ],
};
const apply = (page: unknown, userId: string | null = USER) => ingestSyncPage(page, { userId, sink: openSink() });
const txIds = async () => (await db().transaction.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((t) => t.id);
const root = path.resolve(import.meta.dirname, "..");

describe(`/transactions/sync pages as ingest input (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    expect((await ingestObject(users)).ok).toBe(true);
  });
  afterAll(closeDatabase);

  it("pages applied in order leave the database one bundle of the final state leaves; the pending row is gone", async () => {
    const pages = syncPages();
    for (const p of pages) {
      const r = await apply(p);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const afterPages = await dumpIngested();
    const pendingId = pages[0].added[1].transaction_id;
    expect(afterPages.transactions.map((t) => (t as { id: string }).id)).not.toContain(pendingId);
    expect(afterPages.transactions.map((t) => (t as { id: string }).id)).not.toContain(pages[0].added[2].transaction_id); // removed
    expect((afterPages.transactions.find((t) => (t as { id: string }).id === pages[0].added[0].transaction_id) as { amountCents: number }).amountCents).toBe(7412);

    await freshDatabase();
    expect((await ingestObject(users)).ok).toBe(true);
    expect((await ingestObject(finalStateBundle(USER))).ok).toBe(true);
    expect(afterPages).toEqual(await dumpIngested());
  });

  it("the same page twice changes nothing, and counts what it deleted", async () => {
    const [p1, p2] = syncPages();
    await apply(p1);
    const first = await apply(p2);
    expect(first.ok && first.counts.transactions_removed).toEqual({ deleted: 1 });
    const before = await dumpIngested();
    const again = await apply(p2);
    expect(again.ok, JSON.stringify(again)).toBe(true);
    if (!again.ok) return;
    expect(again.counts.transactions).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(again.counts.transactions_removed).toEqual({ deleted: 0 });
    expect(await dumpIngested()).toEqual(before);
  });

  it("a bad page writes nothing, and each error names the page's own field", async () => {
    const [p1, p2] = syncPages();
    await apply(p1);
    const before = await dumpIngested();
    const bad = structuredClone(p2);
    (bad.modified[0] as { amount: unknown }).amount = "12";
    (bad.added[0] as { date: unknown }).date = "2026-13-01";
    const r = await apply(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(["added[0].date", "modified[0].amount"]);
    expect(await dumpIngested()).toEqual(before); // the pending row is still there: its replacement was refused
    const envelope = await apply({ ...p2, has_more: "no", removed: [{}] });
    expect(!envelope.ok && envelope.errors.map((e) => e.path).sort()).toEqual(["has_more", "removed[0].transaction_id"]);
  });

  it("a page needs a stored customer, and may not touch another customer's accounts or transactions", async () => {
    const [p1] = syncPages();
    const noUser = await apply(p1, null);
    expect(!noUser.ok && noUser.errors[0].path).toBe("user_id");
    const unknown = await apply(p1, "u_nobody");
    expect(!unknown.ok && unknown.errors[0]).toMatchObject({ path: "user_id", reason: expect.stringContaining("unknown user") });
    expect(await db().account.count()).toBe(0);

    expect((await apply(p1)).ok).toBe(true);
    // The other customer's page names USER's account: refused, by account or by transaction.
    const takeover = await apply(p1, OTHER);
    expect(!takeover.ok && takeover.errors[0]).toMatchObject({ path: "accounts[0].account_id", reason: expect.stringContaining("belongs to another user") });
    const tx = plaidTransaction({ id: "tx-other", amount: 5, date: "2026-10-28", name: "COFFEE" });
    const sneaky = await apply({ accounts: [], added: [tx], modified: [], removed: [{ transaction_id: p1.added[0].transaction_id }], next_cursor: "c", has_more: false }, OTHER);
    expect(!sneaky.ok && sneaky.errors[0]).toMatchObject({ path: "added[0].account_id", reason: expect.stringContaining(`"${ACCOUNT_ID}" belongs to another user`) });
    // A removal by another customer's page never deletes USER's transaction.
    const removal = await apply({ accounts: [], added: [], modified: [], removed: [{ transaction_id: p1.added[0].transaction_id }], next_cursor: "c", has_more: false }, OTHER);
    expect(removal.ok && removal.counts.transactions_removed).toEqual({ deleted: 0 });
    expect(await txIds()).toContain(p1.added[0].transaction_id);
  });

  it("tells a sync page from a bundle by its top-level keys", () => {
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(looksLikeSyncPage(enc(syncPages()[0]))).toBe(true);
    expect(looksLikeSyncPage(enc({ ...users, accounts: [], transactions: [] }))).toBe(false);
    // A bundle whose transaction names look like the keys is still a bundle.
    expect(looksLikeSyncPage(enc({ transactions: [{ name: '"added": 1' }], users: [] }))).toBe(false);
    expect(looksLikeSyncPage(enc({ accounts: [{ added: 1 }], users: [] }))).toBe(false);
  });

  it("POST /api/ingest takes a page verbatim with ?user_id=, and asks for it without", async () => {
    process.env.NEXTAUTH_SECRET = "test-secret-0123456789abcdef";
    const token = await encode({ token: { uid: "op1", role: "operator", sub: "op1", sv: 0 }, secret: process.env.NEXTAUTH_SECRET });
    await db().user.create({ data: { id: "op1", email: "op@example.com", name: "Op", role: "operator" } });
    const post = (q: string) =>
      handleIngest(new Request(`http://localhost/api/ingest${q}`, { method: "POST", body: JSON.stringify(syncPages()[0]), headers: { "content-type": "application/json", cookie: `next-auth.session-token=${token}` } }));
    const missing = await post("");
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors[0].path).toBe("user_id");
    const res = await post(`?user_id=${USER}`);
    expect(res.status).toBe(200);
    expect((await res.json()).counts.transactions.inserted).toBe(3);
  });

  it("npm run ingest -- FILE --user ID ingests a page", () => {
    const dir = path.join(root, "tmp", "testfiles");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `sync-page-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(syncPages()[0]));
    const out = execFileSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/ingest.mts", file, "--user", USER, "--json"], { cwd: root, env: process.env, encoding: "utf8" });
    expect(JSON.parse(out).counts.transactions.inserted).toBe(3);
  });
});
