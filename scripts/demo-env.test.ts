// The demo's .env holds secrets: written with mode 0600 whatever the umask, never overwritten.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const script = path.resolve(import.meta.dirname, "demo-env.sh");

describe("scripts/demo-env.sh", () => {
  it("writes .env readable by its owner only (0600) under a permissive umask, and keeps an existing one", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "demo-env-")), ".env");
    const run = () => spawnSync("bash", ["-c", `umask 022; bash "${script}" "${file}"`], { encoding: "utf8" });
    expect(run().status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const first = readFileSync(file, "utf8");
    expect(first).toMatch(/^NEXTAUTH_SECRET=[\w-]{43}\nINGEST_TOKEN=[\w-]{32}\n$/);
    expect(run().status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(first);
  });
});
