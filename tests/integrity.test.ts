// Ingest integrity (issue 7, items 1, 2, 3 and 5): nothing a bundle sends may move stored rows
// to another customer, contradict itself, land without its run record, or carry impossible values.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject, type IngestResult } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { smallBundle } from "./fixtures/bundle";

function errorsOf(r: IngestResult) {
  if (r.ok) throw new Error("expected the ingest to fail");
  return r.errors;
}

async function snapshot() {
  const p = db();
  const [txs, accounts, liabilities, aprs, runs] = await Promise.all([
    p.transaction.findMany({ orderBy: { id: "asc" } }),
    p.account.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true } }),
    p.liability.findMany({ orderBy: { accountId: "asc" } }),
    p.liabilityApr.findMany({ orderBy: { id: "asc" } }),
    p.ingestRun.count(),
  ]);
  return { txs, accounts, liabilities, aprs, runs };
}

const newTx = (id: string, account_id: string, amount = 12) => ({
  transaction_id: id, account_id, date: "2026-10-25", amount, iso_currency_code: "USD", name: "CORNER STORE", payment_channel: "in store", pending: false,
});

describe(`ingest integrity (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
  });
  afterAll(closeDatabase);

  it("refuses to move a stored transaction to another user's account: 400 naming the field, nothing written", async () => {
    await ingestObject(smallBundle());
    const before = await snapshot();
    const moved = { ...smallBundle().transactions[0], account_id: "acc_bob_chk", amount: 1 };
    // a new transaction beside it, in the same batch: it must not be written either
    const r = await ingestObject({ transactions: [newTx("t_new_1", "acc_bob_chk"), moved] });
    expect(errorsOf(r)).toEqual([
      { path: "transactions[1].account_id", reason: 'transaction "t_netflix_1" is stored under another account; a stored transaction cannot move to another account' },
    ]);
    expect(await snapshot()).toEqual(before);
    const t = await db().transaction.findUniqueOrThrow({ where: { id: "t_netflix_1" } });
    expect([t.userId, t.accountId, t.amountCents]).toEqual(["u_alice", "acc_alice_chk", 1549]);
  });

  it("refuses to move a stored transaction even when its new account arrives in the same bundle", async () => {
    await ingestObject(smallBundle());
    const before = await snapshot();
    const b = {
      users: [{ user_id: "u_mallory", name: "Mallory", email: "mallory@example.com" }],
      accounts: [{ account_id: "acc_mallory", user_id: "u_mallory", type: "depository", name: "M", balances: { current: 1 } }],
      transactions: [{ ...smallBundle().transactions[3], account_id: "acc_mallory" }],
    };
    expect(errorsOf(await ingestObject(b)).map((e) => e.path)).toEqual(["transactions[0].account_id"]);
    expect(await snapshot()).toEqual(before);
    expect(await db().user.findUnique({ where: { id: "u_mallory" } })).toBeNull();
  });

  it("refuses a liability whose account would change owner, and leaves the liability as it was", async () => {
    await ingestObject(smallBundle());
    const before = await snapshot();
    const b = smallBundle();
    const r = await ingestObject({
      accounts: [{ ...b.accounts[1], user_id: "u_bob" }],
      liabilities: { credit: [{ ...b.liabilities.credit[0], minimum_payment_amount: 1, aprs: [] }] },
    });
    expect(errorsOf(r)).toEqual([{ path: "accounts[0].user_id", reason: 'account "acc_alice_cc" belongs to another user' }]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an already-stored transaction_id sent twice in one bundle (amounts 5 and 7)", async () => {
    await ingestObject(smallBundle());
    const before = await snapshot();
    const t = smallBundle().transactions[3];
    const r = await ingestObject({ transactions: [{ ...t, amount: 5 }, { ...t, amount: 7 }] });
    expect(errorsOf(r)).toEqual([{ path: "transactions[1].transaction_id", reason: 'duplicate transaction_id "t_bob_1" appears more than once in the bundle' }]);
    expect(await snapshot()).toEqual(before);
  });

  it("records each committed ingest in ingest_runs, in the same transaction as its data", async () => {
    const r = await ingestObject(smallBundle(), { run: { source: "test:first", actorId: "op1", startedAt: new Date() } });
    expect(r.ok).toBe(true);
    const runs = await db().ingestRun.findMany();
    expect(runs).toHaveLength(1);
    expect([runs[0].source, runs[0].actorId]).toEqual(["test:first", "op1"]);
    expect(JSON.parse(runs[0].countsJson)).toEqual(r.ok && r.counts);
    expect(runs[0].finishedAt.getTime()).toBeGreaterThanOrEqual(runs[0].startedAt.getTime());
    // a failed ingest leaves no run
    errorsOf(await ingestObject({ transactions: [newTx("t_x", "acc_nope")] }));
    expect(await db().ingestRun.count()).toBe(1);
  });

  it("writes nothing when its run cannot be recorded", async () => {
    await db().$executeRawUnsafe(`DROP TABLE ingest_runs`);
    await expect(ingestObject(smallBundle())).rejects.toThrow(/ingest_runs/);
    expect(await db().transaction.count()).toBe(0);
    expect(await db().user.count()).toBe(0);
  });

  it("rejects negative credit limits and minimum payments with their field paths", async () => {
    const b = smallBundle();
    b.accounts[1].balances.limit = -5000;
    b.liabilities.credit[0].minimum_payment_amount = -35;
    const student = { account_id: "acc_loan", interest_rate_percentage: 5, minimum_payment_amount: -1 };
    const loan = { account_id: "acc_loan", user_id: "u_bob", type: "loan", subtype: "student", name: "Loan", balances: { current: 100, limit: null } };
    const errors = errorsOf(await ingestObject({ ...b, accounts: [...b.accounts, loan], liabilities: { ...b.liabilities, student: [student] } }));
    expect(errors).toEqual([
      { path: "accounts[1].balances.limit", reason: "must not be negative" },
      { path: "liabilities.credit[0].minimum_payment_amount", reason: "must not be negative" },
      { path: "liabilities.student[0].minimum_payment_amount", reason: "must not be negative" },
    ]);
    expect(await db().user.count()).toBe(0);
  });

  it("rejects NUL bytes in ids and in any text, with their field paths", async () => {
    const b = smallBundle();
    b.users[1].user_id = "u_b\u0000ob";
    b.accounts[0].account_id = "acc_\u0000";
    b.transactions[1].transaction_id = "t_pay\u00001";
    b.transactions[2].name = "SQ *BLUE\u0000BOTTLE";
    const errors = errorsOf(await ingestObject(b));
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.reason]));
    expect(byPath).toMatchObject({
      "users[1].user_id": "must not contain control characters (NUL, line breaks, tabs)",
      "accounts[0].account_id": "must not contain control characters (NUL, line breaks, tabs)",
      "transactions[1].transaction_id": "must not contain control characters (NUL, line breaks, tabs)",
      "transactions[2].name": "must not contain the NUL character",
    });
    expect(await db().user.count()).toBe(0);
  });
});
