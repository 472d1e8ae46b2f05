// CSV ingest (issue 11, "CSV"): a generated bundle as CSV files gives the very database the JSON
// ingest gives; bad files are refused whole with errors naming file:line:column.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { bundleFolder, csvFolder, dumpIngested } from "./helpers/csv";
import { ingestCsvDir, ingestObject } from "@/lib/ingest";
import { bundleToCsv } from "@/lib/core/csv";
import { db } from "@/lib/db/client";
import { generateBundle, writeCsvBundle } from "@/lib/generator";
import type { Bundle } from "@/lib/core/plaid";

const OPTS = { users: 6, seed: 11, months: 4, asOf: "2026-11-01" };

/** A generated bundle plus the cases a generator does not write: quotes, commas, line breaks, a name "", nulls. */
function awkwardBundle(): Bundle {
  const { bundle } = generateBundle(OPTS);
  const [t0, t1, t2] = bundle.transactions;
  t0.name = 'ACME "BEST", INC\nSTORE 12';
  t1.name = "";
  t2.personal_finance_category = null;
  t2.authorized_date = null;
  bundle.accounts[0].balances = { current: null, available: null, limit: null, iso_currency_code: null, unofficial_currency_code: null };
  bundle.users[0].demographics = { age_band: "25-34", income_tier: null, region: "West", household: "2" };
  delete bundle.users[1].demographics;
  delete bundle.users[1].consent;
  return bundle;
}

describe(`CSV ingest (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
  });
  afterAll(closeDatabase);

  it("stores exactly what the JSON ingest of the same bundle stores, and a second send changes nothing", async () => {
    const bundle = awkwardBundle();
    const json = await ingestObject(bundle);
    expect(json.ok).toBe(true);
    const fromJson = await dumpIngested();
    expect(fromJson.transactions.length).toBe(bundle.transactions.length);

    await freshDatabase();
    const dir = bundleFolder(bundle);
    const csv = await ingestCsvDir(dir);
    if (!csv.ok) throw new Error(JSON.stringify(csv.errors.slice(0, 5)));
    expect(csv.counts).toEqual(json.ok && json.counts);
    expect(await dumpIngested()).toEqual(fromJson);

    const again = await ingestCsvDir(dir);
    expect(again.ok && again.counts.transactions).toEqual({ inserted: 0, updated: 0, unchanged: bundle.transactions.length });
    expect(await dumpIngested()).toEqual(fromJson);
  }, 60_000);

  it("generate --format csv writes the same files as the bundle converted to CSV", async () => {
    const dir = csvFolder({});
    await writeCsvBundle({ ...OPTS, out: dir });
    const expected = bundleToCsv(generateBundle(OPTS).bundle);
    for (const [file, text] of expected) expect(readFileSync(path.join(dir, file), "utf8"), file).toBe(text);
    expect(readFileSync(path.join(dir, "labels.jsonl"), "utf8").trim().split("\n")).toHaveLength(OPTS.users);
  });

  it("accepts any subset: accounts and transactions for users stored before", async () => {
    const { bundle } = generateBundle({ ...OPTS, users: 2 });
    const files = bundleToCsv(bundle);
    expect((await ingestCsvDir(csvFolder({ "users.csv": files.get("users.csv")! }))).ok).toBe(true);
    const r = await ingestCsvDir(csvFolder({ "accounts.csv": files.get("accounts.csv")!, "transactions.csv": files.get("transactions.csv")! }));
    expect(r.ok).toBe(true);
    expect(await db().transaction.count()).toBe(bundle.transactions.length);
  });
});

/** A small valid folder, one transaction line replaceable. */
function folder(overrides: Record<string, string> = {}) {
  return csvFolder({
    "users.csv": "user_id,name,email,consent\nu1,Ann Lee,ann@example.com,true\n",
    "accounts.csv": "account_id,user_id,type,subtype,name,balances.current,balances.limit\na1,u1,depository,checking,Checking,120.50,\nc1,u1,credit,credit card,Card,300,1000\n",
    "transactions.csv":
      "transaction_id,account_id,date,amount,name,payment_channel,pending\nt1,a1,2026-10-01,12.5,\"COFFEE\nSHOP\",in store,false\nt2,a1,2026-10-02,12,50,B,online,false\n",
    ...overrides,
  });
}

const TX_HEADER = "transaction_id,account_id,date,amount,name,payment_channel,pending\n";

describe(`CSV ingest errors (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
  });
  afterAll(closeDatabase);

  async function refused(dir: string) {
    const r = await ingestCsvDir(dir);
    if (r.ok) throw new Error("expected the ingest to be refused");
    expect(await db().user.count()).toBe(0);
    expect(await db().account.count()).toBe(0);
    return r.errors;
  }

  it("a row with too many cells names its file and line; nothing of the other files is written", async () => {
    const errors = await refused(folder());
    // "12,50" is two cells: the record on line 4 (the quoted name spans lines 2-3) has 8 cells, the header 7
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe("transactions.csv:4");
    expect(errors[0].reason).toMatch(/Invalid Record Length/);
  });

  it("a bad number names file:line:column", async () => {
    const errors = await refused(folder({ "transactions.csv": TX_HEADER + "t1,a1,2026-10-01,12.5,A,online,false\nt2,a1,2026-10-02,$12.50,B,online,false\n" }));
    expect(errors).toEqual([{ path: "transactions.csv:3:4 (amount)", reason: expect.stringContaining('"$12.50" is not a number') }]);
  });

  it("a schema error (bad date, bad boolean) and a cross-check error are mapped back to file:line:column", async () => {
    const errors = await refused(
      folder({ "transactions.csv": TX_HEADER + "t1,a1,2026-13-01,1,A,online,false\nt2,a1,2026-10-02,1,B,online,maybe\nt3,zz,2026-10-02,1,C,online,false\n" }),
    );
    expect(errors).toEqual([
      { path: "transactions.csv:2:3 (date)", reason: "must be a calendar date YYYY-MM-DD" },
      { path: "transactions.csv:3:7 (pending)", reason: '"maybe" is not true or false' },
      { path: "transactions.csv:4:2 (account_id)", reason: 'unknown account "zz": not in this bundle\'s accounts nor stored' },
    ]);
  });

  it("an unknown header and a missing required column are refused before any row", async () => {
    let errors = await refused(folder({ "accounts.csv": "account_id,user_id,type,name,balance.current\na1,u1,depository,Checking,5\n" }));
    expect(errors).toEqual([{ path: "accounts.csv:1:5", reason: expect.stringContaining('unknown column "balance.current"') }]);
    errors = await refused(folder({ "transactions.csv": "transaction_id,account_id,date,name,payment_channel,pending\nt1,a1,2026-10-01,A,online,false\n" }));
    expect(errors).toEqual([{ path: "transactions.csv:1", reason: 'missing required column "amount"' }]);
  });

  it("names an apr's own line in credit_aprs.csv, an apr without its card, and an unknown file", async () => {
    const base = { "transactions.csv": TX_HEADER };
    let errors = await refused(
      folder({ ...base, "credit_liabilities.csv": "account_id,minimum_payment_amount\nc1,25\n", "credit_aprs.csv": "account_id,apr_percentage,apr_type\nc1,19.9,purchase_apr\nc1,-3,cash_apr\n" }),
    );
    expect(errors).toEqual([{ path: "credit_aprs.csv:3:2 (apr_percentage)", reason: expect.stringMatching(/>=0|too small/i) }]);
    errors = await refused(folder({ ...base, "credit_aprs.csv": "account_id,apr_percentage,apr_type\nc9,19.9,purchase_apr\n" }));
    expect(errors).toEqual([{ path: "credit_aprs.csv:2:1 (account_id)", reason: 'no row of credit_liabilities.csv has account_id "c9"' }]);
    errors = await refused(folder({ ...base, "transaction.csv": TX_HEADER }));
    expect(errors[0]).toMatchObject({ path: "transaction.csv", reason: expect.stringContaining("is not one of the ingest's files") });
  });

  it("refuses a file that is not UTF-8", async () => {
    const dir = folder({ "transactions.csv": TX_HEADER });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(dir, "users.csv"), Buffer.concat([Buffer.from("user_id,name,email\nu1,Ren"), Buffer.from([0xe9]), Buffer.from(",r@example.com\n")]));
    const errors = await refused(dir);
    expect(errors[0]).toMatchObject({ path: "users.csv", reason: expect.stringContaining("is not UTF-8") });
  });
});
