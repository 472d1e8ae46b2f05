// POST /api/ingest with the bundle's CSV files as multipart/form-data (one part per file): the same
// database as the JSON body, all or nothing across the parts, errors naming file:line:column.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { dumpIngested } from "./helpers/csv";
import { handleIngest } from "@/lib/http/ingest-handler";
import { bundleToCsv } from "@/lib/core/csv";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { generateBundle } from "@/lib/generator";

const TOKEN = "ingest-token-for-csv-tests";

function post(files: Map<string, string> | Record<string, string>, byField = false) {
  const form = new FormData();
  for (const [name, text] of files instanceof Map ? files : Object.entries(files)) {
    if (byField) form.append(name.replace(/\.csv$/, ""), text);
    else form.append("file", new Blob([text], { type: "text/csv" }), name);
  }
  return new Request("http://localhost/api/ingest", { method: "POST", body: form, headers: { authorization: `Bearer ${TOKEN}` } });
}

describe(`POST /api/ingest as CSV (${dbKind})`, () => {
  beforeAll(() => {
    process.env.INGEST_TOKEN = TOKEN;
  });
  beforeEach(async () => {
    await freshDatabase();
  });
  afterAll(closeDatabase);

  it("stores what the JSON ingest stores; the parts may be named by filename or by field", async () => {
    const { bundle } = generateBundle({ users: 4, seed: 21, months: 3, asOf: "2026-11-01" });
    expect((await ingestObject(bundle)).ok).toBe(true);
    const fromJson = await dumpIngested();
    for (const byField of [false, true]) {
      await freshDatabase();
      const res = await handleIngest(post(bundleToCsv(bundle), byField));
      expect(res.status).toBe(200);
      const j = await res.json();
      expect(j.counts.transactions.inserted).toBe(bundle.transactions.length);
      expect(await dumpIngested()).toEqual(fromJson);
      expect((await db().ingestRun.findFirstOrThrow()).source).toBe("api:token");
    }
  });

  it("answers 400 naming file:line:column and writes nothing of any part", async () => {
    const res = await handleIngest(
      post({
        "users.csv": "user_id,name,email\nu1,Ann,ann@example.com\n",
        "accounts.csv": "account_id,user_id,type,name,balances.current\na1,u1,depository,Checking,12.3.4\n",
      }),
    );
    expect(res.status).toBe(400);
    const j = await res.json();
    expect(j.errors).toEqual([{ path: "accounts.csv:2:5 (balances.current)", reason: expect.stringContaining('"12.3.4" is not a number') }]);
    expect(await db().user.count()).toBe(0);
  });

  it("answers 413 past INGEST_MAX_ITEMS rows across the parts, writing nothing", async () => {
    process.env.INGEST_MAX_ITEMS = "2";
    try {
      const res = await handleIngest(
        post({ "users.csv": "user_id,name,email\nu1,Ann,ann@example.com\n", "accounts.csv": "account_id,user_id,type,name\na1,u1,depository,Chk\na2,u1,depository,Sav\n" }),
      );
      expect(res.status).toBe(413);
      expect((await res.json()).limit_items).toBe(2);
      expect(await db().user.count()).toBe(0);
    } finally {
      delete process.env.INGEST_MAX_ITEMS;
    }
  });

  it("refuses a part whose name is not one of the files, and a multipart body without a boundary", async () => {
    const res = await handleIngest(post({ "people.csv": "user_id\n" }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ path: "people.csv", reason: expect.stringContaining("users.csv") });
    const bad = new Request("http://localhost/api/ingest", {
      method: "POST",
      body: "garbage",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "multipart/form-data; boundary=xyz" },
    });
    const r2 = await handleIngest(bad);
    expect(r2.status).toBe(400);
    expect((await r2.json()).errors[0].reason).toMatch(/multipart/);
  });
});
