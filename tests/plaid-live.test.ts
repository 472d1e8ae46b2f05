// The live Plaid connection (issue 11) against a local server that answers Plaid's endpoints with
// Plaid's documented examples, the real `plaid` client pointed at it: link token, public-token
// exchange, sync over several pages (modified, removed, pending -> posted, a restart on
// TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION), cursor stored only when the pages committed,
// access tokens encrypted at rest, webhooks verified (ES256 JWT) and triggering a sync, consent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { dumpIngested } from "./helpers/csv";
import { startPlaidStub, type PlaidStub } from "./helpers/plaid-server";
import { ACCESS_TOKEN, ITEM_ID, LINK_TOKEN, PUBLIC_TOKEN, finalStateBundle, plaidTransaction, syncPages, type SyncPage } from "./fixtures/plaid-examples";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { SYSTEM } from "@/lib/db/actor";
import { saveLinkedItem } from "@/lib/db/plaid-items";
import { plaidConfig, plaidFeature, type PlaidConfig } from "@/lib/plaid/config";
import { NoConsentError, createLinkToken, exchangePublicToken } from "@/lib/plaid/link";
import { syncItem } from "@/lib/plaid/sync";
import { clearPipelineQueue, closePipelineQueue, listPipelineJobs } from "@/lib/db/pipeline-queue";
import { decryptToken, encryptToken } from "@/lib/plaid/token-crypto";
import { contentSecurityPolicy } from "@/lib/http/security-headers";
import { POST as webhookRoute } from "@/app/api/plaid/webhook/route";

const USER = "u_linked";
const NO_CONSENT = "u_not_opted_in";
const customer = { id: USER, role: "customer" as const };
const KEY = randomBytes(32).toString("base64");

function resetPages(stub: PlaidStub) {
  const [p1, p2, p3] = syncPages();
  stub.pages.clear();
  stub.pages.set("", p1).set("cursor-page-2", p2).set("cursor-page-3", p3);
  stub.pages.set("cursor-final", { ...p3, added: [], removed: [], modified: [], next_cursor: "cursor-final" });
}
const syncCursors = (stub: PlaidStub) => stub.requests.filter((r) => r.path === "/transactions/sync").map((r) => r.body.cursor ?? "");

/** A webhook as Plaid signs it: an ES256 JWT over {iat, request_body_sha256} in Plaid-Verification. */
function signWebhook(body: string, key: KeyObject, kid: string, o: { iat?: number; alg?: string } = {}) {
  const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const head = enc({ alg: o.alg ?? "ES256", kid, typ: "JWT" });
  const payload = enc({ iat: o.iat ?? Math.floor(Date.now() / 1000), request_body_sha256: createHash("sha256").update(body).digest("hex") });
  return `${head}.${payload}.${sign("sha256", Buffer.from(`${head}.${payload}`), { key, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
}
function newKey(stub: PlaidStub, kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  stub.keys.set(kid, { ...publicKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig", created_at: 1560466150, expired_at: null });
  return privateKey;
}
const webhookRequest = (body: string, jwt?: string) =>
  new Request("http://localhost/api/plaid/webhook", { method: "POST", body, headers: { "content-type": "application/json", ...(jwt ? { "plaid-verification": jwt } : {}) } });

describe(`live Plaid connection against a local Plaid (${dbKind})`, () => {
  let stub: PlaidStub;
  let config: PlaidConfig;
  beforeAll(async () => {
    stub = await startPlaidStub();
  });
  beforeEach(async () => {
    Object.assign(process.env, { PLAID_CLIENT_ID: "client-id-test", PLAID_SECRET: "secret-test", PLAID_ENV: "sandbox", PLAID_TOKEN_KEY: KEY, PLAID_BASE_URL: stub.url });
    config = plaidConfig()!;
    stub.requests.length = 0;
    resetPages(stub);
    await freshDatabase();
    const users = [
      { user_id: USER, name: "Linked Customer", email: "linked@example.com", consent: true },
      { user_id: NO_CONSENT, name: "Not Opted In", email: "no@example.com" },
    ];
    expect((await ingestObject({ users })).ok).toBe(true);
  });
  afterEach(() => {
    for (const k of ["PLAID_CLIENT_ID", "PLAID_SECRET", "PLAID_ENV", "PLAID_TOKEN_KEY", "PLAID_BASE_URL"]) delete process.env[k];
  });
  afterAll(async () => {
    await stub.close();
    if (dbKind === "postgres") await closePipelineQueue();
    await closeDatabase();
  });

  it("is off without the variables, and refuses to start without a valid PLAID_TOKEN_KEY", async () => {
    expect(plaidFeature({})).toEqual({ on: false, reason: null });
    expect(plaidFeature({ PLAID_CLIENT_ID: "a", PLAID_SECRET: "b" })).toEqual({ on: false, reason: null });
    const env = { PLAID_CLIENT_ID: "a", PLAID_SECRET: "b", PLAID_ENV: "sandbox" };
    expect(plaidFeature(env)).toMatchObject({ on: false, reason: expect.stringContaining("PLAID_TOKEN_KEY") });
    expect(plaidFeature({ ...env, PLAID_TOKEN_KEY: randomBytes(16).toString("base64") })).toMatchObject({ on: false });
    expect(plaidFeature({ ...env, PLAID_ENV: "development", PLAID_TOKEN_KEY: KEY })).toMatchObject({ on: false, reason: expect.stringContaining("PLAID_ENV") });
    expect(plaidFeature({ ...env, PLAID_TOKEN_KEY: KEY })).toMatchObject({ on: true, config: { basePath: "https://sandbox.plaid.com" } });
    // Nothing of Plaid's in the page policy unless configured.
    const csp = (plaidHost?: string) => contentSecurityPolicy({ nonce: "n", https: false, dev: false, plaidHost });
    expect(csp()).not.toMatch(/plaid/);
    expect(csp("https://sandbox.plaid.com")).toMatch(/script-src [^;]*https:\/\/cdn\.plaid\.com.*frame-src https:\/\/cdn\.plaid\.com/);
    delete process.env.PLAID_CLIENT_ID;
    const res = await webhookRoute(webhookRequest("{}"));
    expect(res.status).toBe(404);
    expect(stub.requests).toHaveLength(0);
  });

  it("link token, exchange, first sync over three pages: the token is stored only encrypted, the cursor is the last page's", async () => {
    expect(await createLinkToken(customer, USER, config)).toBe(LINK_TOKEN);
    const linkReq = stub.requests[0];
    expect(linkReq.path).toBe("/link/token/create");
    expect(linkReq.headers["plaid-client-id"]).toBe("client-id-test");
    expect(linkReq.body).toMatchObject({ user: { client_user_id: USER }, products: ["transactions"], country_codes: ["US"] });

    const r = await exchangePublicToken(customer, USER, PUBLIC_TOKEN, { id: "ins_109508", name: "First Platypus Bank" }, config);
    expect(r).toMatchObject({ itemId: ITEM_ID, sync: { status: "synced", pages: 3, added: 5, modified: 1, removed: 1 } });
    expect(syncCursors(stub)).toEqual(["", "cursor-page-2", "cursor-page-3"]);

    const rows = await db().plaidItem.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: ITEM_ID, userId: USER, cursor: "cursor-final", status: "active", institutionName: "First Platypus Bank" });
    expect(JSON.stringify(rows)).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify(rows)).not.toContain(ACCESS_TOKEN.slice(15, 40));
    expect(decryptToken(rows[0].accessTokenEncrypted, config.tokenKey, ITEM_ID)).toBe(ACCESS_TOKEN);
    expect(() => decryptToken(rows[0].accessTokenEncrypted, config.tokenKey, "another-item")).toThrow();

    // The database holds the final state (pending replaced, coffee removed, amount modified), plus the liabilities.
    const synced = await dumpIngested();
    expect(synced.liabilities).toHaveLength(1);
    expect(synced.aprs).toHaveLength(2);
    await freshDatabase();
    await ingestObject({ users: [{ user_id: USER, name: "Linked Customer", email: "linked@example.com", consent: true }, { user_id: NO_CONSENT, name: "Not Opted In", email: "no@example.com" }] });
    await ingestObject(finalStateBundle(USER));
    const expected = await dumpIngested();
    expect(synced.transactions).toEqual(expected.transactions);
    expect(synced.accounts).toEqual(expected.accounts);
  });

  it("restarts the whole update from the stored cursor on TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", async () => {
    stub.mutateOnce.add("cursor-page-3");
    await exchangePublicToken(customer, USER, PUBLIC_TOKEN, { id: null, name: null }, config);
    expect(syncCursors(stub)).toEqual(["", "cursor-page-2", "cursor-page-3", "", "cursor-page-2", "cursor-page-3"]);
    expect((await db().plaidItem.findUniqueOrThrow({ where: { id: ITEM_ID } })).cursor).toBe("cursor-final");
    expect(await db().transaction.count()).toBe(3);
  });

  it("stores the cursor only when every page committed; the next sync re-applies from the old cursor", async () => {
    const bad = structuredClone(stub.pages.get("cursor-page-3")!) as SyncPage;
    (bad.added[0] as { amount: unknown }).amount = "lots";
    stub.pages.set("cursor-page-3", bad);
    const first = await exchangePublicToken(customer, USER, PUBLIC_TOKEN, { id: null, name: null }, config);
    expect(first.sync).toMatchObject({ status: "error", detail: expect.stringContaining("page 3: added[0].amount") });
    expect(await db().plaidItem.findUniqueOrThrow({ where: { id: ITEM_ID } })).toMatchObject({ cursor: null, status: "error" });
    resetPages(stub);
    stub.requests.length = 0;
    expect(await syncItem(ITEM_ID, config)).toMatchObject({ status: "synced", pages: 3 });
    expect(syncCursors(stub)).toEqual(["", "cursor-page-2", "cursor-page-3"]);
    expect((await db().transaction.findMany({ select: { id: true } })).map((t) => t.id).sort()).toEqual(finalStateBundle(USER).transactions.map((t) => t.transaction_id).sort());
  });

  it("a verified SYNC_UPDATES_AVAILABLE webhook syncs its Item from the stored cursor; unverified ones are refused, others ignored", async () => {
    await exchangePublicToken(customer, USER, PUBLIC_TOKEN, { id: null, name: null }, config);
    const next = plaidTransaction({ id: "new-after-webhook", amount: 12.5, date: "2026-10-31", name: "UBER 063015 SF**POOL**" });
    stub.pages.set("cursor-final", { ...stub.pages.get("cursor-final")!, added: [next], next_cursor: "cursor-after-webhook" });
    stub.requests.length = 0;
    const key = newKey(stub, "kid-webhook-1");
    const body = JSON.stringify({ environment: "sandbox", historical_update_complete: true, initial_update_complete: true, item_id: ITEM_ID, webhook_code: "SYNC_UPDATES_AVAILABLE", webhook_type: "TRANSACTIONS" });

    const otherKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const refused = [
      webhookRequest(body),
      webhookRequest(body, signWebhook(body, otherKey, "kid-webhook-1")),
      webhookRequest(body.replace("sandbox", "production"), signWebhook(body, key, "kid-webhook-1")),
      webhookRequest(body, signWebhook(body, key, "kid-webhook-1", { iat: Math.floor(Date.now() / 1000) - 600 })),
      webhookRequest(body, signWebhook(body, key, "kid-unknown")),
    ];
    for (const req of refused) expect((await webhookRoute(req)).status).toBe(401);
    expect(syncCursors(stub)).toEqual([]);

    const other = JSON.stringify({ item_id: ITEM_ID, webhook_code: "DEFAULT_UPDATE", webhook_type: "TRANSACTIONS", new_transactions: 1 });
    const ignored = await webhookRoute(webhookRequest(other, signWebhook(other, key, "kid-webhook-1")));
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toMatchObject({ ignored: "TRANSACTIONS/DEFAULT_UPDATE" });
    expect(syncCursors(stub)).toEqual([]);

    const res = await webhookRoute(webhookRequest(body, signWebhook(body, key, "kid-webhook-1")));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sync: "synced" });
    expect(syncCursors(stub)).toEqual(["cursor-final"]);
    expect(await db().transaction.findUnique({ where: { id: "new-after-webhook" } })).not.toBeNull();
    expect((await db().plaidItem.findUniqueOrThrow({ where: { id: ITEM_ID } })).cursor).toBe("cursor-after-webhook");
  });

  it("a sync that changed the customer's rows queues their recompute (PostgreSQL); a sync that changed nothing queues nobody", async () => {
    process.env.AS_OF = "2026-11-01"; // an as-of exists (as after the pipeline's first run)
    try {
      if (dbKind === "postgres") await clearPipelineQueue(SYSTEM);
      const first = await exchangePublicToken(customer, USER, PUBLIC_TOKEN, { id: null, name: null }, config);
      expect(first.sync).toMatchObject({ status: "synced", queued: dbKind === "postgres" ? 1 : 0 });
      const again = await syncItem(ITEM_ID, config); // "cursor-final": no change
      expect(again).toMatchObject({ status: "synced", pages: 1, added: 0, queued: 0 });
      if (dbKind === "postgres") {
        const jobs = await listPipelineJobs(SYSTEM, ["created"]);
        expect(jobs.map((j) => `${j.userId}@${j.asOf}`)).toEqual([`${USER}@2026-11-01`]);
        await clearPipelineQueue(SYSTEM);
      }
    } finally {
      delete process.env.AS_OF;
    }
  });

  it("does nothing for a customer without consent: no link token, no sync, no Plaid call", async () => {
    await expect(createLinkToken({ id: NO_CONSENT, role: "customer" }, NO_CONSENT, config)).rejects.toBeInstanceOf(NoConsentError);
    await expect(exchangePublicToken({ id: NO_CONSENT, role: "customer" }, NO_CONSENT, PUBLIC_TOKEN, { id: null, name: null }, config)).rejects.toBeInstanceOf(NoConsentError);
    expect(stub.requests).toHaveLength(0);
    // An Item linked before the customer opted out: its webhook syncs nothing.
    await saveLinkedItem(SYSTEM, { itemId: "item-no-consent", userId: NO_CONSENT, institutionId: null, institutionName: null, accessTokenEncrypted: encryptToken(ACCESS_TOKEN, config.tokenKey, "item-no-consent") });
    expect(await syncItem("item-no-consent", config)).toEqual({ status: "skipped_no_consent" });
    expect(stub.requests).toHaveLength(0);
    expect(await db().transaction.count()).toBe(0);
    expect((await db().plaidItem.findUniqueOrThrow({ where: { id: "item-no-consent" } })).status).toBe("skipped_no_consent");
    // A customer links only for themselves.
    await expect(createLinkToken(customer, NO_CONSENT, config)).rejects.toThrow(/own data/);
  });
});
