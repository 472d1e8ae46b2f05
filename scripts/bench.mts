// npm run bench [-- --quick] [--server] [--no-build] : one JSON line per figure ({"name","value","unit",...context}).
// Each throughput figure has its floor beside it, measured in the same run on the same rows.
// Postgres figures need a server: BENCH_PG_URL (default postgres://spendsense:spendsense@127.0.0.1:5432/spendsense_bench;
// the database is wiped). Sizes: --quick runs only the 100k size and skips the server figures
// (server_p95_idle_ms, server_p95_during_ingest_ms: a production build, then `next start`) unless
// --server is given; --no-build reuses the existing .next build. --chat-only: only the chat figures.
// Page figures (page_*_p50_ms / page_*_p95_ms, 100 users, 40 sessions x 30 s): always, or with --quick when --pages is
// given (then against the existing .next build); --pages-10k adds them with 10,000 users (generation, ingest and
// the pipeline of 10,000 users x 3 months take many minutes here). --pages-only: only the page figures, on the existing .next build;
// --pages-10k-only: only the 10,000-user ones; --pages-reuse: measure on the databases an earlier run prepared.
// --queue-only: only the job queue figures (lib/bench/queue.ts). --scale [--scale-users N]: only the
// large figures (lib/bench/scale.ts: 10,000 users end to end, the console's queries); not part of CI.
// --scale-console [--console-users N] [--console-sample S] [--console-reuse]: the console at N customers
// (default 100,000; S of them through the real pipeline, the rest SQL copies; lib/bench/console.ts), server-rendered.
import path from "node:path";
import { createReadStream, mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { emit, machine, median, time } from "../lib/bench/util.ts";
import { postgresFloor, sqliteFloor } from "../lib/bench/floor.ts";
import { freshPostgres, freshSqlite } from "../lib/db/fresh.ts";
import { closeRaw, openPgPool, openSqlite } from "../lib/db/raw.ts";
import { ingestFile, ingestObject, openSink } from "../lib/ingest/index.ts";
import { scanBundle } from "../lib/ingest/scan.ts";
import { validateItem } from "../lib/ingest/validate.ts";
import { transactionRow, type TransactionRow } from "../lib/core/rows.ts";
import { writeBundle } from "../lib/generator/index.ts";
import { runExtraBenches } from "../lib/bench/extra.ts";
import { runSignInBench } from "../lib/bench/sign-in.ts";
import { runChatBench } from "../lib/bench/chat.ts";
import { runServerBench } from "../lib/bench/server.ts";
import { runPageBench } from "../lib/bench/pages.ts";
import { runEvalBench } from "../lib/bench/eval.ts";
import { runCsvIngestBench } from "../lib/bench/csv.ts";
import { runUnenrichedSignalsBench } from "../lib/bench/unenriched.ts";
import { runQueueBenches } from "../lib/bench/queue.ts";
import { runScaleBenches } from "../lib/bench/scale.ts";
import { runConsoleBench } from "../lib/bench/console.ts";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "tmp", "bench");
mkdirSync(dir, { recursive: true });
const quick = process.argv.includes("--quick");
const AS_OF = "2026-11-01";
const sizes: { label: string; users: number }[] = [{ label: "100k", users: 100 }, ...(quick ? [] : [{ label: "1M", users: 1000 }])];
const pgUrl = process.env.BENCH_PG_URL ?? "postgres://spendsense:spendsense@127.0.0.1:5432/spendsense_bench";
const ctx = { machine };
if (process.argv.includes("--chat-only")) {
  await runChatBench({ dir, asOf: AS_OF, ctx });
  process.exit(0);
}
if (process.argv.includes("--pages-only")) {
  const reuse = process.argv.includes("--pages-reuse");
  if (!process.argv.includes("--pages-10k-only")) await runPageBench({ root, dir, users: 100, asOf: AS_OF, reuse, ctx });
  if (process.argv.includes("--pages-10k") || process.argv.includes("--pages-10k-only")) await runPageBench({ root, dir, users: 10_000, asOf: AS_OF, reuse, ctx });
  process.exit(0);
}
if (process.argv.includes("--scale")) {
  const i = process.argv.indexOf("--scale-users");
  await runScaleBenches({ dir, asOf: AS_OF, pgUrl, ctx, users: i > 0 ? Number(process.argv[i + 1]) : 10_000 });
  process.exit(0);
}
if (process.argv.includes("--scale-console")) {
  const arg = (flag: string, dflt: number) => (process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) : dflt);
  const reuse = process.argv.includes("--console-reuse");
  await runConsoleBench({ root, dir, asOf: AS_OF, pgUrl, ctx, users: arg("--console-users", 100_000), sample: arg("--console-sample", 1000), reuse });
  process.exit(0);
}
if (process.argv.includes("--queue-only")) {
  await runQueueBenches({ dir, asOf: AS_OF, pgUrl, ctx });
  process.exit(0);
}

async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** The transaction rows of a bundle file, as the ingest would store them (for the floor). */
async function loadRows(file: string): Promise<TransactionRow[]> {
  const owner = new Map<string, string>();
  const rows: TransactionRow[] = [];
  for await (const batch of scanBundle(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    for (const item of batch) {
      if (item.section === "accounts") {
        const a = item.value as { account_id: string; user_id: string };
        owner.set(a.account_id, a.user_id);
      } else if (item.section === "transactions") {
        const r = validateItem("transactions", item.index, item.value);
        if (r.ok) rows.push(transactionRow(r.data, owner.get(r.data.account_id)!));
      }
    }
  }
  return rows;
}

/** The users and accounts of a bundle (no transactions or liabilities): the floor's starting state. */
async function loadParents(file: string): Promise<{ users: unknown[]; accounts: unknown[] }> {
  const out = { users: [] as unknown[], accounts: [] as unknown[] };
  for await (const batch of scanBundle(createReadStream(file, { highWaterMark: 1 << 20 })))
    for (const item of batch) if (item.section === "users" || item.section === "accounts") out[item.section].push(item.value);
  return out;
}

const files: Record<string, { file: string; transactions: number }> = {};
for (const s of sizes) {
  const file = path.join(dir, `bundle-${s.label}.json`);
  const runs: number[] = [];
  let tx = 0;
  for (let i = 0; i < (s.users <= 100 ? 3 : 1); i++) {
    const r = await writeBundle({ users: s.users, seed: 42, months: 12, asOf: AS_OF, out: file });
    runs.push(r.seconds);
    tx = r.transactions;
  }
  files[s.label] = { file, transactions: tx };
  emit("generator_throughput", tx / median(runs), "transactions/s", { size: s.label, users: s.users, transactions: tx, runs: runs.length, ...ctx });
}

const targets: ("sqlite" | "postgres")[] = ["sqlite"];
if (await pgAvailable()) targets.push("postgres");
else emit("postgres_skipped", 0, "flag", { reason: `no PostgreSQL at BENCH_PG_URL (${pgUrl.replace(/:[^:@/]+@/, ":***@")})` });

for (const kind of targets) {
  for (const s of sizes) {
    const { file, transactions } = files[s.label];
    await closeRaw();
    const sqliteFile = path.join(dir, `ingest-${s.label}.db`);
    const target = kind === "sqlite" ? ({ kind, url: freshSqlite(sqliteFile), file: sqliteFile } as const) : ({ kind, url: await freshPostgres(pgUrl) } as const);
    const parallel = true; // the CLI default (a parse worker beside the writer)
    const first = await time(() => ingestFile(file, { sink: openSink(target), parallel }));
    if (!first.value.ok) throw new Error(`bench ingest failed: ${JSON.stringify(first.value.errors.slice(0, 3))}`);
    const again = await time(() => ingestFile(file, { sink: openSink(target), parallel }));
    // Floor: the same transaction rows, plain inserts in one transaction, into a fresh database
    // holding the same users and accounts (the state the first ingest started from, plus its parents).
    const rows = await loadRows(file);
    const parents = await loadParents(file);
    await closeRaw();
    let floorMs: number;
    if (kind === "sqlite") {
      freshSqlite(sqliteFile);
      const r0 = await ingestObject(parents, { sink: openSink(target) });
      if (!r0.ok) throw new Error("bench: parents ingest failed");
      const db = openSqlite(sqliteFile);
      floorMs = (await time(() => sqliteFloor(db, rows))).ms;
    } else {
      await freshPostgres(pgUrl);
      const r0 = await ingestObject(parents, { sink: openSink(target) });
      if (!r0.ok) throw new Error("bench: parents ingest failed");
      floorMs = (await time(() => postgresFloor(openPgPool(pgUrl), rows))).ms;
    }
    const rate = transactions / (first.ms / 1000);
    const floorRate = transactions / (floorMs / 1000);
    const base = { database: kind, size: s.label, transactions, ...ctx };
    emit(`ingest_${kind}`, rate, "transactions/s", { ...base, seconds: first.ms / 1000, note: "file -> parse -> validate -> upsert, one transaction" });
    emit(`ingest_${kind}_floor`, floorRate, "transactions/s", { ...base, seconds: floorMs / 1000, note: kind === "sqlite" ? "prepared INSERTs in one transaction" : "COPY in one transaction" });
    emit(`ingest_${kind}_ratio_to_floor`, floorRate / rate, "x", { ...base, goal: "<= 2" });
    emit(`reingest_${kind}_unchanged`, transactions / (again.ms / 1000), "transactions/s", { ...base, note: "same bundle again: every row compared, none written" });
    if (kind === "sqlite") {
      rmSync(sqliteFile, { force: true });
      const generate = { users: s.users, seed: 42, months: 12, asOf: AS_OF };
      await runCsvIngestBench({ dir, label: s.label, generate, transactions, jsonRate: rate, ctx });
    }
  }
}
await closeRaw();
await runExtraBenches({ dir, asOf: AS_OF, bundle100k: files["100k"].file, pgUrl: targets.includes("postgres") ? pgUrl : null, ctx });
runUnenrichedSignalsBench({ generate: { users: sizes[0].users, seed: 42, months: 12, asOf: AS_OF }, ctx });
await runSignInBench({ dir, ctx });
await runChatBench({ dir, asOf: AS_OF, ctx });
if (!quick || process.argv.includes("--server")) {
  const { file, transactions } = files["100k"];
  await runServerBench({ root, dir, bundle100k: file, transactions, build: !process.argv.includes("--no-build"), ctx });
}
// Pages under 40 signed-in sessions (production build: the server figures build it; --pages alone reuses .next).
if (!quick || process.argv.includes("--pages")) await runPageBench({ root, dir, users: 100, asOf: AS_OF, ctx });
if (process.argv.includes("--pages-10k")) await runPageBench({ root, dir, users: 10_000, asOf: AS_OF, ctx });
// The evaluation over the pipeline bench's database (results present), beside the pipeline's users/s.
await runEvalBench({ dir, asOf: AS_OF, ctx });
if (targets.includes("postgres")) await runQueueBenches({ dir, asOf: AS_OF, pgUrl, ctx });
