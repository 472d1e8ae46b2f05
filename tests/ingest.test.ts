import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestFile, ingestObject, ingestText } from "@/lib/ingest";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { smallBundle } from "./fixtures/bundle";

async function tableCounts() {
  const p = db();
  return {
    users: await p.user.count(),
    accounts: await p.account.count(),
    transactions: await p.transaction.count(),
    liabilities: await p.liability.count(),
    aprs: await p.liabilityApr.count(),
    consent: await p.consentEvent.count(),
  };
}

function errorsOf(r: Awaited<ReturnType<typeof ingestText>>) {
  if (r.ok) throw new Error("expected the ingest to fail");
  return r.errors;
}

describe(`ingest (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
  });
  afterAll(closeDatabase);

  it("stores a bundle with Plaid objects copied verbatim, money in cents, and counts what it inserted", async () => {
    const r = await ingestObject(smallBundle());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.counts.users).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(r.counts.accounts).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(r.counts.transactions).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    expect(r.counts.liabilities).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const t = await db().transaction.findUniqueOrThrow({ where: { id: "t_netflix_1" } });
    expect(t.amountCents).toBe(1549);
    expect(t.userId).toBe("u_alice");
    expect(t.pfcDetailed).toBe("ENTERTAINMENT_TV_AND_MOVIES");
    const pay = await db().transaction.findUniqueOrThrow({ where: { id: "t_pay_1" } });
    expect(pay.amountCents).toBe(-250000); // Plaid's sign kept: negative = money in
    const acct = await db().account.findUniqueOrThrow({ where: { id: "acc_alice_cc" } });
    expect([acct.currentCents, acct.limitCents]).toEqual([340000, 500000]);
    const apr = await db().liabilityApr.findFirstOrThrow({ where: { accountId: "acc_alice_cc" } });
    expect(apr.interestChargeAmountCents).toBe(8712);
  });

  it("records consent from the import as a consent event, once", async () => {
    await ingestObject(smallBundle());
    const events = await db().consentEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: "u_alice", granted: true, source: "import" });
    const alice = await db().user.findUniqueOrThrow({ where: { id: "u_alice" } });
    const bob = await db().user.findUniqueOrThrow({ where: { id: "u_bob" } });
    expect([alice.consentGranted, bob.consentGranted]).toEqual([true, false]);
    await ingestObject(smallBundle());
    expect(await db().consentEvent.count()).toBe(1);
  });

  it("is idempotent: the same bundle twice changes nothing", async () => {
    await ingestObject(smallBundle());
    const before = await tableCounts();
    const aprIds = (await db().liabilityApr.findMany()).map((a) => a.id);
    const r = await ingestObject(smallBundle());
    expect(r.ok && r.counts.transactions).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect(r.ok && r.counts.users).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(r.ok && r.counts.liabilities).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await tableCounts()).toEqual(before);
    expect((await db().liabilityApr.findMany()).map((a) => a.id)).toEqual(aprIds);
  });

  it("updates a changed transaction in place", async () => {
    await ingestObject(smallBundle());
    const b = smallBundle();
    b.transactions[2] = { ...b.transactions[2], pending: false, amount: 5.25 } as never;
    b.liabilities.credit[0].aprs[0].interest_charge_amount = 90;
    const r = await ingestObject(b);
    expect(r.ok && r.counts.transactions).toEqual({ inserted: 0, updated: 1, unchanged: 3 });
    expect(r.ok && r.counts.liabilities).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const t = await db().transaction.findUniqueOrThrow({ where: { id: "t_cafe_1" } });
    expect([t.amountCents, t.pending]).toEqual([525, false]);
    expect(await db().transaction.count()).toBe(4);
    const aprs = await db().liabilityApr.findMany();
    expect(aprs.map((a) => a.interestChargeAmountCents)).toEqual([9000]);
  });

  it("counts a batch mixing new, changed and unchanged transactions", async () => {
    await ingestObject(smallBundle());
    const b = smallBundle();
    b.transactions[0] = { ...b.transactions[0], amount: 16.49 };
    b.transactions.push({ ...b.transactions[1], transaction_id: "t_pay_2", date: "2026-10-31" } as never);
    const r = await ingestObject(b);
    expect(r.ok && r.counts.transactions).toEqual({ inserted: 1, updated: 1, unchanged: 3 });
    expect((await db().transaction.findUniqueOrThrow({ where: { id: "t_netflix_1" } })).amountCents).toBe(1649);
    expect(await db().transaction.count()).toBe(5);
  });

  it("accepts sections in any order (transactions before their accounts)", async () => {
    const b = smallBundle();
    const reordered = { transactions: b.transactions, liabilities: b.liabilities, accounts: b.accounts, users: b.users };
    const r = await ingestObject(reordered);
    expect(r.ok).toBe(true);
    expect(await db().transaction.count()).toBe(4);
  });

  it("is atomic: one bad row leaves the database exactly as it was", async () => {
    await ingestObject(smallBundle());
    const before = await tableCounts();
    const b = smallBundle();
    b.users.push({ user_id: "u_carol", name: "Carol", email: "carol@example.com", consent: true } as never);
    b.transactions[0].amount = 99.99;
    b.transactions.push({ ...b.transactions[1], transaction_id: "t_new", date: "2026-02-30" } as never);
    const r = await ingestObject(b);
    expect(errorsOf(r)).toEqual([{ path: "transactions[4].date", reason: "must be a calendar date YYYY-MM-DD" }]);
    expect(await tableCounts()).toEqual(before);
    expect((await db().transaction.findUniqueOrThrow({ where: { id: "t_netflix_1" } })).amountCents).toBe(1549);
    expect(await db().user.findUnique({ where: { id: "u_carol" } })).toBeNull();
  });

  it("names each bad field's path and reason", async () => {
    const b = smallBundle() as Record<string, any>;
    delete b.transactions[1].amount;
    b.transactions[2].amount = "4.75";
    b.transactions[3].account_id = "acc_nope";
    b.accounts[2].type = "bank";
    b.users[1].email = "not-an-email";
    b.transactions.push({ ...b.transactions[0] });
    b.liabilities.credit[0].aprs[0].apr_percentage = -1;
    b.liabilities.student = [{ account_id: "acc_alice_chk", interest_rate_percentage: 5 }];
    const errors = errorsOf(await ingestObject(b));
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.reason]));
    expect(byPath["transactions[1].amount"]).toBe("is required");
    expect(byPath["transactions[2].amount"]).toBe("must be a number (dollars)");
    expect(byPath["transactions[3].account_id"]).toMatch(/unknown account "acc_nope"/);
    expect(byPath["accounts[2].type"]).toMatch(/must be one of depository, credit/);
    expect(byPath["users[1].email"]).toBe("must be an email address");
    expect(byPath["transactions[4].transaction_id"]).toMatch(/duplicate transaction_id "t_netflix_1"/);
    expect(byPath["liabilities.credit[0].aprs[0].apr_percentage"]).toBeDefined();
    expect(byPath["liabilities.student[0].account_id"]).toMatch(/needs a loan account/);
    expect(await db().user.count()).toBe(0);
  });

  it("refuses a transaction id repeated within one bundle, even when it is the only problem", async () => {
    const b = smallBundle();
    b.transactions.push({ ...b.transactions[3], amount: 1 } as never);
    const errors = errorsOf(await ingestObject(b));
    expect(errors).toEqual([{ path: "transactions[4].transaction_id", reason: 'duplicate transaction_id "t_bob_1" appears more than once in the bundle' }]);
    expect(await db().transaction.count()).toBe(0);
    // and a repeat of a transaction stored by an earlier ingest is an update, not a duplicate
    await ingestObject(smallBundle());
    const again = await ingestObject({ transactions: [{ ...smallBundle().transactions[3], amount: 36 }] });
    expect(again.ok && again.counts.transactions).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it("streams a file through the parse worker with the same outcome as in-thread", async () => {
    const dir = path.resolve("tmp/testfiles");
    mkdirSync(dir, { recursive: true });
    const good = path.join(dir, `good-${process.pid}.json`);
    writeFileSync(good, JSON.stringify(smallBundle(), null, 2));
    const seen: number[] = [];
    const r = await ingestFile(good, { parallel: true, onProgress: (items) => seen.push(items) });
    expect(r.ok && r.counts.transactions).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    expect(seen.at(-1)).toBe(10);
    const again = await ingestFile(good, { parallel: false });
    expect(again.ok && again.counts.transactions).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    const bad = path.join(dir, `bad-${process.pid}.json`);
    writeFileSync(bad, JSON.stringify({ ...smallBundle(), transactions: [{ transaction_id: "x" }] }).slice(0, -3));
    const rb = await ingestFile(bad, { parallel: true });
    expect(rb.ok).toBe(false);
    if (!rb.ok) expect(rb.errors.map((e) => e.path)).toContain("(body)");
    expect(await db().transaction.count()).toBe(4);
  });

  it("rejects malformed JSON and wrong shapes without writing", async () => {
    expect(errorsOf(await ingestText('{"users": [ {"user_id": "x", '))[0]).toMatchObject({ path: "(body)", reason: expect.stringMatching(/Unexpected end/) });
    expect(errorsOf(await ingestText('{"transactions": {"a": 1}}'))[0]).toEqual({ path: "transactions", reason: "must be an array" });
    expect(errorsOf(await ingestText('{"users": [42]}'))[0]).toEqual({ path: "users[0]", reason: "must be an object" });
    expect(await db().user.count()).toBe(0);
  });

  it("refuses an email already used by another user and an account moving to another user", async () => {
    await ingestObject(smallBundle());
    const b = smallBundle();
    b.users = [{ user_id: "u_mallory", name: "M", email: "ALICE@example.com" } as never];
    b.accounts = [{ ...b.accounts[2], user_id: "u_alice" }];
    b.transactions = [];
    b.liabilities = { credit: [], student: [], mortgage: null };
    const errors = errorsOf(await ingestObject(b));
    expect(errors).toEqual([
      { path: "users[0].email", reason: "is already used by another user" },
      { path: "accounts[0].user_id", reason: 'account "acc_bob_chk" belongs to another user' },
    ]);
  });

  it("accepts a transaction for an account stored by an earlier ingest", async () => {
    await ingestObject(smallBundle());
    const r = await ingestObject({
      transactions: [{ transaction_id: "t_later", account_id: "acc_bob_chk", date: "2026-10-25", amount: 12, iso_currency_code: "USD", name: "CORNER STORE", payment_channel: "in store", pending: false }],
    });
    expect(r.ok && r.counts.transactions.inserted).toBe(1);
    expect((await db().transaction.findUniqueOrThrow({ where: { id: "t_later" } })).userId).toBe("u_bob");
  });
});
