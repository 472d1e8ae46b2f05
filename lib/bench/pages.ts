/**
 * Pages under load (issue 10): p50/p95 of /me, /operator (the user list), /operator/review and one
 * user's page while PAGE_BENCH_SESSIONS signed-in sessions request the page back to back for
 * PAGE_BENCH_SECONDS, against `next start` of a production build on a SQLite database of generated
 * customers (pipeline run, about half of the suggestions approved as in the demo). The floor, in the
 * same run with the same sessions: GET /api/auth/csrf (no database, no page render).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { emit, percentile } from "./util";
import { freePort, waitReady } from "./server";
import { freshSqlite } from "../db/fresh";
import { closeRaw } from "../db/raw";
import { db, disconnectDb } from "../db/client";
import { SYSTEM } from "../db/actor";
import { seedDemoAccounts } from "../db/demo-accounts";
import { approveHalfForDemo } from "../db/demo-review";
import { ingestFile } from "../ingest";
import { runPipeline } from "../pipeline";
import { writeBundle } from "../generator";

/** issue 10: "40 concurrent signed-in sessions for 30 s". */
export const PAGE_BENCH_SESSIONS = 40;
export const PAGE_BENCH_SECONDS = 30;
/**
 * Months of history per customer: 13 (the demo's) at 100 users; 3 at 10,000 users, so the
 * population is generated, ingested and run in minutes on this machine (the list pages read one
 * page of customers; a customer's pages read that customer's rows by index).
 */
const PAGE_BENCH_MONTHS = 13;
const PAGE_BENCH_MONTHS_LARGE = 3;
const monthsFor = (users: number) => (users >= 10_000 ? PAGE_BENCH_MONTHS_LARGE : PAGE_BENCH_MONTHS);
/** issue 10: "goal p95 under 300 ms". */
const PAGE_P95_GOAL_MS = 300;
export const OPERATOR = { email: "operator@bench.test", password: "bench-operator-password" };
const CUSTOMER_PASSWORD = "bench-customer-password";

export interface Session {
  cookie: string;
  /** Its own client address: the sign-in throttle counts per address. */
  address: string;
}

/** A real sign-in through next-auth's credentials callback; the session cookie. */
export async function signIn(base: string, email: string, password: string, address: string): Promise<Session> {
  const headers = { "x-forwarded-for": address };
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const body = new URLSearchParams({ csrfToken, email, password, json: "true" });
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body,
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => /session-token=/.test(c))) throw new Error(`bench: sign-in of ${email} failed (${res.status})`);
  return { cookie: cookies.join("; "), address };
}

/** Every session requests `url` back to back until the time is up; each request's latency (a non-200 fails the bench). */
async function load(base: string, sessions: Session[], url: (i: number) => string, seconds: number): Promise<number[]> {
  const ms: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    sessions.map(async (s, i) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const res = await fetch(`${base}${url(i)}`, { headers: { cookie: s.cookie, "x-forwarded-for": s.address }, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`bench: GET ${url(i)} answered ${res.status}`);
        ms.push(performance.now() - t0);
      }
    }),
  );
  return ms;
}

/**
 * A database of `users` generated customers with results and demo decisions; returns customer ids
 * with an approved suggestion. `reuse`: keep a database an earlier run prepared (pages-<users>.db
 * with results), so a large population is prepared once and measured again on a quiet machine.
 */
async function prepare(dir: string, users: number, asOf: string, reuse: boolean): Promise<{ url: string; customers: string[] }> {
  await disconnectDb();
  await closeRaw();
  const file = path.join(dir, `pages-${users}.db`);
  const url = `file:${file}`;
  if (reuse && existsSync(file)) {
    process.env.DATABASE_URL = url;
    const customers = await approvedCustomers();
    if (customers.length) return { url, customers };
  }
  freshSqlite(file);
  process.env.DATABASE_URL = url;
  const bundleFile = path.join(dir, `pages-${users}.json`);
  await writeBundle({ users, seed: 42, months: monthsFor(users), asOf, out: bundleFile });
  const r = await ingestFile(bundleFile);
  if (!r.ok) throw new Error("bench: pages ingest failed");
  await seedDemoAccounts(SYSTEM, { operatorEmail: OPERATOR.email, operatorPassword: OPERATOR.password, customerPassword: CUSTOMER_PASSWORD });
  await runPipeline(asOf);
  await approveHalfForDemo(SYSTEM, OPERATOR.email);
  return { url, customers: await approvedCustomers() };
}

/** Customers with an approved suggestion (the /me sessions sign in as them), the first PAGE_BENCH_SESSIONS. */
async function approvedCustomers(): Promise<string[]> {
  const rows = await db().recommendation.findMany({ where: { status: "approved" }, distinct: ["userId"], orderBy: { userId: "asc" }, select: { userId: true }, take: PAGE_BENCH_SESSIONS });
  await disconnectDb();
  return rows.map((x) => x.userId);
}

async function emailsOf(url: string, ids: string[]): Promise<string[]> {
  process.env.DATABASE_URL = url;
  const rows = await db().user.findMany({ where: { id: { in: ids } }, select: { email: true }, orderBy: { id: "asc" } });
  await disconnectDb();
  return rows.flatMap((r) => (r.email ? [r.email] : []));
}

/** The page figures for one population size; `next start` of the existing build (runServerBench builds it). */
export async function runPageBench(opts: { root: string; dir: string; users: number; asOf: string; reuse?: boolean; ctx: Record<string, unknown> }): Promise<void> {
  const before = process.env.DATABASE_URL;
  const { url, customers } = await prepare(opts.dir, opts.users, opts.asOf, opts.reuse ?? false);
  const emails = await emailsOf(url, customers.slice(0, PAGE_BENCH_SESSIONS));
  if (!emails.length) throw new Error("bench: no customer with an approved suggestion");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const next = path.join(opts.root, "node_modules", "next", "dist", "bin", "next");
  const env = { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1" };
  const server: ChildProcess = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: opts.root, env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitReady(base, server);
    const addr = (i: number) => `198.51.100.${i + 1}`;
    const ops: Session[] = [];
    const custs: Session[] = [];
    for (let i = 0; i < PAGE_BENCH_SESSIONS; i++) {
      ops.push(await signIn(base, OPERATOR.email, OPERATOR.password, addr(i)));
      custs.push(await signIn(base, emails[i % emails.length], CUSTOMER_PASSWORD, addr(i)));
    }
    const user = `/operator/users/${encodeURIComponent(customers[0])}`;
    const pages: { name: string; sessions: Session[]; url: (i: number) => string; page: string }[] = [
      { name: "page_me", sessions: custs, url: () => "/me", page: "/me (each session its own customer)" },
      { name: "page_operator_users", sessions: ops, url: () => "/operator", page: "/operator (user list)" },
      { name: "page_review", sessions: ops, url: () => "/operator/review", page: "/operator/review" },
      { name: "page_user_detail", sessions: ops, url: () => user, page: "/operator/users/[id]" },
      { name: "page_floor", sessions: ops, url: () => "/api/auth/csrf", page: "GET /api/auth/csrf (no database, no render)" },
    ];
    const ctx = { database: "sqlite", server: "next start", users: opts.users, months: monthsFor(opts.users), sessions: PAGE_BENCH_SESSIONS, seconds: PAGE_BENCH_SECONDS, ...opts.ctx };
    for (const p of pages) {
      await load(base, p.sessions.slice(0, 4), p.url, 2); // warm up the route
      const ms = await load(base, p.sessions, p.url, PAGE_BENCH_SECONDS);
      const c = { ...ctx, page: p.page, loadavg: loadavg().map((x) => Number(x.toFixed(2))), requests: ms.length, requests_per_s: Number((ms.length / PAGE_BENCH_SECONDS).toFixed(1)) };
      const suffix = opts.users >= 10_000 ? "_10k" : "";
      emit(`${p.name}_p50_ms${suffix}`, percentile(ms, 50), "ms", c);
      emit(`${p.name}_p95_ms${suffix}`, percentile(ms, 95), "ms", p.name === "page_floor" ? c : { ...c, goal: `< ${PAGE_P95_GOAL_MS}` });
    }
  } finally {
    server.kill("SIGTERM");
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}
