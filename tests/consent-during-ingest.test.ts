// Consent always wins (issue 7, item 6): a customer's revocation, and an operator's decision, go
// through within seconds while an ingest runs, and the ingest still commits whole; a bundle's
// `consent: true` never undoes a revocation (docs/decisions-foundation.md, "Consent and ingest").
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject, openSink } from "@/lib/ingest";
import { IngestSession } from "@/lib/ingest/session";
import { BundleScanner, type ScannedItem } from "@/lib/ingest/scan";
import { directRun } from "@/lib/ingest/run-record";
import { db } from "@/lib/db/client";
import { setConsent } from "@/lib/db/consent";
import { decideRecommendation } from "@/lib/db/review";
import { runPipelineForUser } from "@/lib/pipeline";
import { generateBundle } from "@/lib/generator";
import { smallBundle } from "./fixtures/bundle";

const AS_OF = "2026-11-01";
/** "A revocation must succeed within a few seconds while any ingest or pipeline runs." */
const REVOCATION_DEADLINE_MS = 5000;
const root = path.resolve(import.meta.dirname, "..");
const operator = { id: "op1", role: "operator" as const };

function scanned(bundle: unknown): ScannedItem[] {
  const items: ScannedItem[] = [];
  const s = new BundleScanner((i) => items.push(i));
  s.feed(JSON.stringify(bundle));
  s.end();
  return items;
}

async function consentOf(userId: string) {
  const u = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { consentGranted: true } });
  const events = await db().consentEvent.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { granted: true, source: true } });
  return { granted: u.consentGranted, events: events.map((e) => `${e.granted ? "grant" : "revoke"}:${e.source}`) };
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

describe(`consent always wins over a running ingest (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await db().user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
  });
  afterAll(closeDatabase);

  it("revokes while an ingest carrying the user's consent: true is open; the ingest commits; the revocation stands", async () => {
    await ingestObject(smallBundle());
    await runPipelineForUser("u_alice", AS_OF);
    expect(await db().signalSnapshot.count({ where: { userId: "u_alice" } })).toBeGreaterThan(0);

    const b = smallBundle();
    b.transactions.push({ ...b.transactions[1], transaction_id: "t_pay_2", date: "2026-10-31" } as never);
    const session = new IngestSession(openSink(), directRun("test"));
    await session.begin();
    await session.processBatch(scanned(b));
    const revoke = await timed(() => setConsent({ id: "u_alice", role: "customer" }, "u_alice", false));
    expect(revoke.value).toMatchObject({ granted: false, changed: true });
    expect(revoke.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    const r = await session.finish();
    expect(r.ok && r.counts.transactions.inserted).toBe(1);
    expect(r.ok && r.counts.consent_events.inserted).toBe(0);

    expect(await consentOf("u_alice")).toEqual({ granted: false, events: ["grant:import", "revoke:customer"] });
    expect(await db().signalSnapshot.count({ where: { userId: "u_alice" } })).toBe(0);
    // and a later feed still saying consent: true does not undo it either
    const again = await ingestObject(smallBundle());
    expect(again.ok && again.counts.consent_events.inserted).toBe(0);
    expect((await consentOf("u_alice")).granted).toBe(false);
  });

  it.runIf(dbKind === "sqlite")("waits for another writer's lock instead of failing: revocation and operator decision", async () => {
    await ingestObject(smallBundle());
    await runPipelineForUser("u_alice", AS_OF);
    const rec = await db().recommendation.findFirstOrThrow({ where: { userId: "u_alice" } });
    // Another process holds the write lock for 1.5 s, as an ingest applying its rows does.
    const file = process.env.DATABASE_URL!.slice("file:".length);
    for (const act of [
      (): Promise<unknown> => decideRecommendation(operator, rec.id, "approve"),
      () => setConsent({ id: "u_alice", role: "customer" }, "u_alice", false),
    ]) {
      const holder = spawn(process.execPath, ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(file)});d.exec("BEGIN IMMEDIATE");d.prepare("UPDATE users SET name = name WHERE id = 'op1'").run();console.log("locked");setTimeout(()=>{d.exec("COMMIT");d.close()},1500)`], { cwd: root });
      await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
      const t = await timed(act);
      expect(t.ms).toBeGreaterThan(500);
      expect(t.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
      await new Promise((r) => holder.once("exit", r));
    }
    expect((await consentOf("u_alice")).granted).toBe(false);
    expect(await db().operatorAction.count({ where: { userId: "u_alice", action: "approve" } })).toBe(1);
  });

  it("revokes and decides within seconds while a large CLI ingest runs in another process, which still commits whole", async () => {
    const { bundle } = generateBundle({ users: 40, seed: 11, months: 12, asOf: AS_OF });
    expect((await ingestObject(bundle)).ok).toBe(true);
    const user = bundle.users.find((u) => u.consent === true)!;
    await runPipelineForUser(user.user_id, AS_OF);
    const rec = await db().recommendation.findFirstOrThrow({ where: { userId: user.user_id, status: "pending" } });
    const before = await db().transaction.count();
    // The same customers again, with a new copy of every transaction: a large ingest that writes.
    const big = { ...bundle, transactions: bundle.transactions.map((t) => ({ ...t, transaction_id: `${t.transaction_id}_b` })) };
    const dir = path.join(root, "tmp", "testfiles");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `consent-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(big));

    const cli = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.mts", file, "--json"], { cwd: root, env: { ...process.env } });
    const exited = new Promise<number | null>((resolve) => cli.once("exit", (code) => resolve(code)));
    let stdout = "";
    cli.stdout!.on("data", (d) => (stdout += d));
    await firstProgress(cli);
    const decide = await timed(() => decideRecommendation(operator, rec.id, "approve"));
    const revoke = await timed(() => setConsent({ id: user.user_id, role: "customer" }, user.user_id, false));
    const ingestStillRunning = cli.exitCode === null;
    expect(await exited).toBe(0);
    expect(ingestStillRunning).toBe(true);
    expect(decide.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    expect(revoke.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    expect(revoke.value.changed).toBe(true);

    const out = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(out.counts.transactions.inserted).toBe(big.transactions.length);
    expect(await db().transaction.count()).toBe(before + big.transactions.length);
    expect(await db().ingestRun.count({ where: { source: `cli:${file}` } })).toBe(1);
    expect(await consentOf(user.user_id)).toEqual({ granted: false, events: ["grant:import", "revoke:customer"] });
    expect(await db().signalSnapshot.count({ where: { userId: user.user_id } })).toBe(0);
  });
});

/** Resolves at the CLI's first progress line (it has parsed and staged a batch). */
function firstProgress(cli: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let err = "";
    const onData = (d: Buffer) => {
      err += d;
      if (/ingest: [\d,]+ items/.test(err)) {
        cli.stderr!.off("data", onData);
        resolve();
      }
    };
    cli.stderr!.on("data", onData);
    cli.once("exit", (code) => reject(new Error(`ingest exited (${code}) before its first progress line: ${err}`)));
  });
}
