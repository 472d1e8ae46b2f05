import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { handleIngest } from "@/lib/http/ingest-handler";
import { db } from "@/lib/db/client";
import { smallBundle } from "./fixtures/bundle";

const SECRET = "test-secret-0123456789abcdef";
const TOKEN = "ingest-token-for-tests";

async function cookieFor(uid: string, role: string) {
  const token = await encode({ token: { uid, role, sub: uid, sv: 0 }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

function post(body: string, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/ingest", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

describe(`POST /api/ingest (${dbKind})`, () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
    process.env.INGEST_TOKEN = TOKEN;
  });
  beforeEach(async () => {
    await freshDatabase();
    delete process.env.INGEST_MAX_BYTES;
  });
  afterAll(closeDatabase);

  it("refuses anonymous, wrong-token and customer requests with 401 and writes nothing", async () => {
    const body = JSON.stringify(smallBundle());
    for (const headers of <Record<string, string>[]>[{}, { authorization: "Bearer wrong" }, { cookie: await cookieFor("u_alice", "customer") }, { cookie: "next-auth.session-token=garbage" }]) {
      const res = await handleIngest(post(body, headers));
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await db().user.count()).toBe(0);
  });

  it("accepts the bearer token and answers counts per entity; the second send is all unchanged", async () => {
    const body = JSON.stringify(smallBundle());
    const res = await handleIngest(post(body, { authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(200);
    const j = await res.json();
    expect(j.counts.transactions).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    const again = await (await handleIngest(post(body, { authorization: `Bearer ${TOKEN}` }))).json();
    expect(again.counts.transactions).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect(await db().ingestRun.count()).toBe(2);
  });

  it("accepts an operator session", async () => {
    await db().user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
    const res = await handleIngest(post(JSON.stringify(smallBundle()), { cookie: await cookieFor("op1", "operator") }));
    expect(res.status).toBe(200);
    const run = await db().ingestRun.findFirstOrThrow();
    expect([run.source, run.actorId]).toEqual(["api:operator", "op1"]);
  });

  it("answers 400 problem+json listing each bad field, and writes nothing", async () => {
    const b = smallBundle() as Record<string, any>;
    b.transactions[0].date = "yesterday";
    b.accounts[0].balances.current = "lots";
    const res = await handleIngest(post(JSON.stringify(b), { authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const p = await res.json();
    expect(p.title).toBe("Invalid bundle");
    expect(p.errors).toEqual([
      { path: "accounts[0].balances.current", reason: "must be a number (dollars)" },
      { path: "transactions[0].date", reason: "must be a calendar date YYYY-MM-DD" },
    ]);
    expect(await db().transaction.count()).toBe(0);
  });

  it("answers 413 for a body over the limit, declared or streamed", async () => {
    process.env.INGEST_MAX_BYTES = "1000";
    const body = JSON.stringify(smallBundle());
    expect(body.length).toBeGreaterThan(1000);
    const res = await handleIngest(post(body, { authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(body));
        c.close();
      },
    });
    const chunked = new Request("http://localhost/api/ingest", { method: "POST", body: stream, duplex: "half", headers: { authorization: `Bearer ${TOKEN}` } } as RequestInit);
    expect((await handleIngest(chunked)).status).toBe(413);
    expect(await db().user.count()).toBe(0);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await handleIngest(post("a,b,c", { authorization: `Bearer ${TOKEN}`, "content-type": "text/csv" }));
    expect(res.status).toBe(415);
  });
});
