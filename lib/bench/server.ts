/**
 * Responsiveness of a production server (`next start`) while it ingests: p95 latency of
 * GET /api/auth/csrf (no database) during a 100k-transaction POST /api/ingest (bearer token),
 * beside the same figure with the server idle, measured in the same run on the same server.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { statSync } from "node:fs";
import { createServer } from "node:net";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { emit, percentile } from "./util";
import { freshSqlite } from "../db/fresh";

/** How long the idle figure samples the server (ms). */
const IDLE_SAMPLE_MS = 5000;
/** Pause between two probes (ms): a client polling the page, not a load test. */
const PROBE_GAP_MS = 20;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function probe(base: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/auth/csrf`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET /api/auth/csrf answered ${res.status}`);
  return performance.now() - t0;
}

/** Probes one after another until `until` says stop: each latency (ms; a failed probe counts its time to failing). */
async function probeWhile(base: string, until: () => boolean): Promise<{ ms: number[]; at: number[]; failed: number }> {
  const out = { ms: [] as number[], at: [] as number[], failed: 0 };
  while (!until()) {
    const t0 = performance.now();
    out.at.push(t0);
    try {
      out.ms.push(await probe(base));
    } catch {
      out.failed++;
      out.ms.push(performance.now() - t0);
    }
    await new Promise((r) => setTimeout(r, PROBE_GAP_MS));
  }
  return out;
}

/**
 * POST the bundle from a separate client process, as a bank's feed would: the probes' own event
 * loop must not also be sending 50 MB.
 */
function postFromAnotherProcess(url: string, token: string, file: string): Promise<{ status: number; json: { counts?: { transactions: { inserted: number } } } }> {
  const script = `const b=require("fs").readFileSync(process.env.F);fetch(process.env.U,{method:"POST",body:b,headers:{authorization:"Bearer "+process.env.T,"content-type":"application/json"}}).then(async r=>console.log(JSON.stringify({status:r.status,json:await r.json()})))`;
  const child = spawn(process.execPath, ["-e", script], { env: { ...process.env, U: url, T: token, F: file }, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`ingest client exited ${code}`)))));
}

export async function waitReady(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      await probe(base);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error("next start did not answer within 120 s");
}

export async function runServerBench(opts: { root: string; dir: string; bundle100k: string; transactions: number; build: boolean; ctx: Record<string, unknown> }): Promise<void> {
  const { root, ctx } = opts;
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (opts.build) {
    execFileSync(process.execPath, [path.join(root, "scripts", "build-worker.mjs")], { cwd: root, stdio: "inherit" });
    execFileSync(process.execPath, [next, "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const token = randomBytes(24).toString("base64url");
  const dbFile = path.join(opts.dir, "server.db");
  const size = statSync(opts.bundle100k).size;
  const env = {
    ...process.env,
    DATABASE_URL: freshSqlite(dbFile),
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    INGEST_TOKEN: token,
    INGEST_MAX_BYTES: String(size + (1 << 20)),
    INGEST_MAX_ITEMS: "1000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitReady(base, server);
    for (let i = 0; i < 20; i++) await probe(base); // warm up the route
    const idleEnd = performance.now() + IDLE_SAMPLE_MS;
    const idle = await probeWhile(base, () => performance.now() > idleEnd);

    let done = false;
    const t0 = performance.now();
    const ingest = postFromAnotherProcess(`${base}/api/ingest`, token, opts.bundle100k).finally(() => (done = true));
    const during = await probeWhile(base, () => done);
    const r = await ingest;
    const ingestSeconds = (performance.now() - t0) / 1000;
    if (r.status !== 200 || r.json.counts?.transactions.inserted !== opts.transactions) throw new Error(`bench: API ingest answered ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);

    const base_ = { database: "sqlite", server: "next start", route: "GET /api/auth/csrf", ...ctx };
    emit("server_p95_idle_ms", percentile(idle.ms, 95), "ms", { ...base_, samples: idle.ms.length, failed: idle.failed, note: "no ingest running" });
    emit("server_p95_during_ingest_ms", percentile(during.ms, 95), "ms", {
      ...base_,
      samples: during.ms.length,
      failed: during.failed,
      max_ms: Math.max(...during.ms),
      // when the slowest probe started, in seconds after the POST did
      max_at_s: Number(((during.at[during.ms.indexOf(Math.max(...during.ms))] - t0) / 1000).toFixed(2)),
      ingest: { transactions: opts.transactions, bytes: size, seconds: ingestSeconds },
      goal: "< 250",
      note: "while POST /api/ingest (bearer token) ingests the 100k bundle",
    });
  } finally {
    server.kill("SIGTERM");
  }
}
