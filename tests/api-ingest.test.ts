import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { DEFAULT_INGEST_MAX_ITEMS, handleIngest } from "@/lib/http/ingest-handler";
import { db } from "@/lib/db/client";
import { smallBundle } from "./fixtures/bundle";

const SECRET = "test-secret-0123456789abcdef";
const TOKEN = "ingest-token-for-tests";

async function cookieFor(uid: string, role: string) {
  const token = await encode({ token: { uid, role, sub: uid }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

function post(body: string | Buffer, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/ingest", { method: "POST", body: body as BodyInit, headers: { "content-type": "application/json", ...headers } });
}

describe(`POST /api/ingest (${dbKind})`, () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
    process.env.INGEST_TOKEN = TOKEN;
  });
  beforeEach(async () => {
    await freshDatabase();
    delete process.env.INGEST_MAX_BYTES;
    delete process.env.INGEST_MAX_ITEMS;
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

  const bearer = { authorization: `Bearer ${TOKEN}` };

  it("answers 400 naming the byte of a body that is not UTF-8, and writes nothing", async () => {
    const text = JSON.stringify(smallBundle());
    const at = Buffer.byteLength(text.slice(0, text.indexOf("Alice")));
    const bytes = Buffer.concat([Buffer.from(text.slice(0, text.indexOf("Alice"))), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(text.indexOf("Alice")))]);
    const res = await handleIngest(post(bytes, bearer));
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ path: "(body)", reason: `Invalid UTF-8 (the bundle must be UTF-8 encoded) at byte ${at}` }]);
    expect(await db().user.count()).toBe(0);
  });

  it("answers 415 for a charset other than UTF-8, and accepts charset=utf-8", async () => {
    const body = JSON.stringify(smallBundle());
    for (const ct of ["application/json; charset=iso-8859-1", "application/json;charset=UTF-16", 'application/json; charset="latin1"']) {
      const res = await handleIngest(post(body, { ...bearer, "content-type": ct }));
      expect(res.status).toBe(415);
      expect((await res.json()).detail).toMatch(/must be UTF-8/);
    }
    expect(await db().user.count()).toBe(0);
    expect((await handleIngest(post(body, { ...bearer, "content-type": "application/json; charset=UTF-8" }))).status).toBe(200);
  });

  it("answers 400 when a transaction would move to another customer's account", async () => {
    expect((await handleIngest(post(JSON.stringify(smallBundle()), bearer))).status).toBe(200);
    const moved = { ...smallBundle().transactions[0], account_id: "acc_bob_chk" };
    const res = await handleIngest(post(JSON.stringify({ transactions: [moved] }), bearer));
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(["transactions[0].account_id"]);
    expect((await db().transaction.findUniqueOrThrow({ where: { id: "t_netflix_1" } })).userId).toBe("u_alice");
  });

  it("writes nothing when the run record cannot be written (the run is part of the data's transaction)", async () => {
    await db().$executeRawUnsafe("DROP TABLE ingest_runs");
    await expect(handleIngest(post(JSON.stringify(smallBundle()), bearer))).rejects.toThrow(/ingest_runs/);
    expect(await db().transaction.count()).toBe(0);
  });

  it("answers 413 for a body of more elements than INGEST_MAX_ITEMS (default: a million empty users), writing nothing", async () => {
    const users = (n: number) => `{"users":[${Array.from({ length: n }, () => "{}").join(",")}]}`;
    const million = await handleIngest(post(users(1_000_000), bearer));
    expect(million.status).toBe(413);
    expect(await million.json()).toMatchObject({ limit_items: DEFAULT_INGEST_MAX_ITEMS, detail: expect.stringMatching(/more than 200000 elements/) });
    process.env.INGEST_MAX_ITEMS = "3";
    expect((await handleIngest(post(users(4), bearer))).status).toBe(413);
    expect((await handleIngest(post(users(3), bearer))).status).toBe(400); // three invalid users: validated, not refused for size
    expect(await db().user.count()).toBe(0);
  });

  it("parses and validates off the request thread: the event loop keeps ticking during a large ingest", async () => {
    process.env.INGEST_MAX_ITEMS = "1000000";
    const body = `{"users":[${Array.from({ length: 50_000 }, (_, i) => `{"user_id":"u${i}","name":"N","email":"bad"}`).join(",")}]}`;
    let last = performance.now();
    let maxGap = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 5);
    const t0 = performance.now();
    const res = await handleIngest(post(body, bearer));
    const total = performance.now() - t0;
    clearInterval(tick);
    expect(res.status).toBe(400);
    expect((await res.json()).error_count).toBe(50_000);
    // The ingest takes its time in the worker; the request thread is never blocked for most of it.
    expect(total).toBeGreaterThan(300);
    expect(maxGap).toBeLessThan(total / 2);
  });
});
