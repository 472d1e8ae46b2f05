// The CLI (a real subprocess): a bundle file that is not UTF-8 is refused with the byte it fails
// at, nothing is written, and the exit code says so (issue 7, item 4).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { db } from "@/lib/db/client";
import { smallBundle } from "./fixtures/bundle";

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
      const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.mts", file, ...mode], { cwd: root, env: process.env, encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("ingest: 1 problem(s); nothing was written.");
      expect(r.stderr).toContain(`(body): Invalid UTF-8 (the bundle must be UTF-8 encoded) at byte ${cut + 6}`);
    }
    expect(await db().user.count()).toBe(0);
  });
});
