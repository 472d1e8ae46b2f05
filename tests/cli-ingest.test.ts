// The CLI (a real subprocess): a bundle file that is not UTF-8 is refused with the byte it fails
// at, nothing is written, and the exit code says so (issue 7, item 4).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { db } from "@/lib/db/client";
import { smallBundle } from "./fixtures/bundle";
import { generateBundle } from "@/lib/generator";

const root = path.resolve(import.meta.dirname, "..");

describe(`npm run ingest (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
  });
  afterAll(closeDatabase);

  it("refuses a file that is not UTF-8 with a clear error naming the byte, and writes nothing", async () => {
    const text = JSON.stringify(smallBundle());
    const cut = text.indexOf("Bob Example");
    // "Bob Exämple" in Latin-1: 0xE4 is not UTF-8.
    const bytes = Buffer.concat([Buffer.from(text.slice(0, cut + 6)), Buffer.from([0xe4]), Buffer.from(text.slice(cut + 7))]);
    const dir = path.join(root, "tmp", "testfiles");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `latin1-${process.pid}.json`);
    writeFileSync(file, bytes);
    for (const mode of [[], ["--single-thread"]]) {
      const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.mts", file, ...mode], { cwd: root, env: process.env, encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("ingest: 1 problem(s); nothing was written.");
      expect(r.stderr).toContain(`(body): Invalid UTF-8 (the bundle must be UTF-8 encoded) at byte ${cut + 6}`);
    }
    expect(await db().user.count()).toBe(0);
  });

  it("generate --format csv writes a folder that ingest DIR stores whole; a bad cell is named file:line:column", async () => {
    const dir = path.join(root, "tmp", "testfiles", `cli-csv-${process.pid}`);
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { cwd: root, env: process.env, encoding: "utf8" });
    expect(run("scripts/generate.mts", "--users", "3", "--seed", "9", "--months", "2", "--format", "csv", "--out", dir).status).toBe(0);
    const ok = run("scripts/ingest.mts", dir, "--json");
    expect(ok.status).toBe(0);
    const { bundle } = generateBundle({ users: 3, seed: 9, months: 2, asOf: "2026-11-01" });
    expect(JSON.parse(ok.stdout).counts.transactions.inserted).toBe(bundle.transactions.length);
    writeFileSync(path.join(dir, "users.csv"), "user_id,name,email,consent\nu_x,X,x@example.com,yes\n");
    const bad = run("scripts/ingest.mts", dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('users.csv:2:4 (consent): "yes" is not true or false');
  }, 120_000);

  it("leaves the data and its run record together under kill -9, at any moment", async () => {
    const { bundle } = generateBundle({ users: 15, seed: 5, months: 12, asOf: "2026-11-01" });
    const dir = path.join(root, "tmp", "testfiles");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `kill-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(bundle));
    // Killed after its first progress line and later; then allowed to finish.
    for (const delayMs of [0, 700, 1500, null]) {
      const cli = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.mts", file], { cwd: root, env: process.env });
      const exited = new Promise<void>((resolve) => cli.once("exit", () => resolve()));
      if (delayMs !== null) {
        await new Promise<void>((resolve) => {
          cli.stderr!.on("data", (d: Buffer) => /items/.test(String(d)) && resolve());
          cli.once("exit", () => resolve());
        });
        await new Promise((r) => setTimeout(r, delayMs));
        cli.kill("SIGKILL");
      }
      await exited;
      const [txs, users, runs] = await Promise.all([db().transaction.count(), db().user.count(), db().ingestRun.count()]);
      // all of the bundle with its run record(s), or nothing at all
      expect([txs, users]).toEqual(runs === 0 ? [0, 0] : [bundle.transactions.length, bundle.users.length]);
    }
    expect(await db().ingestRun.count()).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
