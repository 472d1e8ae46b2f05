/**
 * `npm run bench -- --scale-console [--console-users N] [--console-sample S] [--console-reuse]` (not
 * part of CI): issue 12's console figures at 100,000 users, on PostgreSQL (BENCH_PG_URL).
 * The fill: S generated customers x 1 month (writeBundle, streamed), ingested, the real pipeline
 * through the job queue with one worker process per core, half of the suggestions approved as in the
 * demo; then the population is grown to N by SQL copies of the sample (lib/db/console-fixture.ts: a
 * console-volume FIXTURE, not pipeline output). --console-reuse keeps the filled database (finishing a
 * fill that stopped half-way) and measures only.
 * The figures: `next start` of the existing production build (`npm run build` first) on that
 * database, one operator signed in through next-auth's credentials callback, each page requested
 * sequentially (warm-up first): console_*_p95_ms (server render, with p50 and the floor GET
 * /api/auth/csrf beside them), then the data functions alone in this process (console_*_data_p95_ms),
 * then EXPLAIN (ANALYZE, BUFFERS) of each console query (console_explain_ms, lib/bench/console-explain.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import path from "node:path";
import { emit, percentile, time } from "./util";
import { freePort, waitReady } from "./server";
import { OPERATOR, signIn, type Session } from "./pages";
import { withDatabase } from "./queue";
import { consoleDataFigures, consoleSample, generateAndIngest, pipelineStage } from "./scale";
import { explainConsoleQueries } from "./console-explain";
import { SYSTEM } from "../db/actor";
import { seedDemoAccounts } from "../db/demo-accounts";
import { approveHalfForDemo } from "../db/demo-review";
import { fillConsoleFixture } from "../db/console-fixture";

/** issue 12: "at 100,000 users: console_*_p95_ms (server render, warm; goal p95 under 200 ms each)". */
const CONSOLE_P95_GOAL_MS = 200;
const REQUESTS = 40;
const WARM_UP = 5;
const FIXTURE_NOTE = "rows beyond the pipeline sample are SQL copies of sample customers (a console-volume fixture, not pipeline output)";

export interface ConsoleOpts {
  root: string;
  dir: string;
  asOf: string;
  pgUrl: string;
  ctx: Record<string, unknown>;
  users: number;
  sample: number;
  reuse: boolean;
}

const load = () => loadavg().map((x) => Number(x.toFixed(2)));

/** The sample through the real path (generate, ingest, pipeline on the queue, demo approvals); each stage's seconds. */
async function realSample(o: ConsoleOpts): Promise<Record<string, number>> {
  const s: Record<string, number> = await generateAndIngest(o, o.sample, 1, path.join(o.dir, `console-sample-${o.sample}.json`));
  s.seed_operator = (await time(() => seedDemoAccounts(SYSTEM, { operatorEmail: OPERATOR.email, operatorPassword: OPERATOR.password, customerPassword: randomBytes(12).toString("hex") }))).ms / 1000;
  s.pipeline = await pipelineStage(o.asOf);
  s.demo_review = (await time(() => approveHalfForDemo(SYSTEM, OPERATOR.email))).ms / 1000;
  return s;
}

async function fill(o: ConsoleOpts): Promise<void> {
  const stages = o.reuse ? {} : await realSample(o);
  const copy = await time(() => fillConsoleFixture(SYSTEM, o.users, (r, n) => r % 10 === 0 && console.error(`console fixture: round ${r}/${n}`)));
  emit("console_fixture_fill_s", Object.values(stages).reduce((a, b) => a + b, 0) + copy.ms / 1000, "s", {
    database: "postgres", users: o.users, sample: copy.value.sample, copy_rounds_run: copy.value.ran, reused: o.reuse, stages: { ...stages, copy: copy.ms / 1000 },
    months: 1, loadavg: load(), note: FIXTURE_NOTE, ...o.ctx,
  });
}

/** GET as the operator; the page's HTML (a non-200 fails the bench). */
async function get(base: string, s: Session, url: string): Promise<string> {
  const res = await fetch(`${base}${url}`, { headers: { cookie: s.cookie, "x-forwarded-for": s.address }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`console bench: GET ${url} answered ${res.status}`);
  return html;
}

/** The "Next page" link of a list page, or the first page again at the end of the list. */
function nextOf(html: string, first: string): string {
  const m = /<a[^>]*href="([^"]+)"[^>]*>Next page<\/a>/.exec(html);
  return m ? m[1].replaceAll("&amp;", "&") : first;
}

/** Sequential requests: `REQUESTS` timed after `WARM_UP`; `step` gives the i-th URL and learns from each page's HTML. */
async function measure(base: string, s: Session, step: (i: number, html: string) => string): Promise<number[]> {
  const ms: number[] = [];
  let html = "";
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const url = step(i, html);
    const t0 = performance.now();
    html = await get(base, s, url);
    if (i >= WARM_UP) ms.push(performance.now() - t0);
  }
  return ms;
}

async function pageFigures(o: ConsoleOpts, base: string): Promise<void> {
  const s = await signIn(base, OPERATOR.email, OPERATOR.password, "198.51.100.1");
  const { ids, names, users, recommendations } = await consoleSample();
  const walk = (first: string) => (i: number, html: string) => (i === 0 ? first : nextOf(html, first));
  const pages: { name: string; page: string; step: (i: number, html: string) => string }[] = [
    { name: "users_page", page: "/operator, walking forward by its Next page link", step: walk("/operator") },
    { name: "users_search", page: "/operator?q=<first 4 letters of a customer's first name>", step: (i) => `/operator?q=${encodeURIComponent(names[i % names.length])}` },
    { name: "review_page", page: "/operator/review, walking forward by its Next page link", step: walk("/operator/review") },
    { name: "user_detail", page: "/operator/users/<id>, a different customer each time", step: (i) => `/operator/users/${encodeURIComponent(ids[i % ids.length])}` },
  ];
  const floor = await measure(base, s, () => "/api/auth/csrf");
  const floorCtx = { floor_p50_ms: Number(percentile(floor, 50).toFixed(2)), floor_p95_ms: Number(percentile(floor, 95).toFixed(2)), floor: "GET /api/auth/csrf, same server, sequential" };
  for (const p of pages) {
    const ms = await measure(base, s, p.step);
    emit(`console_${p.name}_p95_ms`, percentile(ms, 95), "ms", {
      database: "postgres", server: "next start", users, recommendations, requests: REQUESTS, sequential: true, p50_ms: Number(percentile(ms, 50).toFixed(2)),
      goal: `< ${CONSOLE_P95_GOAL_MS}`, page: p.page, ...floorCtx, loadavg: load(), note: FIXTURE_NOTE, ...o.ctx,
    });
  }
}

export async function runConsoleBench(o: ConsoleOpts): Promise<void> {
  await withDatabase(o.pgUrl, async () => {
    await fill(o);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const next = path.join(o.root, "node_modules", "next", "dist", "bin", "next");
    const env = { ...process.env, DATABASE_URL: o.pgUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1" };
    const server: ChildProcess = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: o.root, env, stdio: ["ignore", "ignore", "inherit"] });
    try {
      await waitReady(base, server);
      await pageFigures(o, base);
    } finally {
      server.kill("SIGTERM");
    }
    await consoleDataFigures({ note_fixture: FIXTURE_NOTE, ...o.ctx });
    await explainConsoleQueries({ note_fixture: FIXTURE_NOTE, ...o.ctx });
  });
}
