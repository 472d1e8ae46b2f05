/**
 * No import cycle in lib, app or components, type-only imports included: the same check as
 * `npm run check:cycles` (madge with the repository's .madgerc, which turns skipTypeImports off).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const madgeBin = path.join(root, "node_modules", ".bin", "madge");

/** madge's list of cycles (each a list of files) for `dirs`, run in `cwd` with that folder's .madgerc. */
function cycles(cwd: string, dirs: string[]): string[][] {
  let out: string;
  try {
    out = execFileSync(madgeBin, ["--circular", "--json", ...dirs], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    // madge exits 1 when it finds a cycle; its JSON is still on stdout.
    out = (e as { stdout?: string }).stdout ?? "";
  }
  return JSON.parse(out) as string[][];
}

describe("import cycles", () => {
  const fixture = mkdtempSync(path.join(tmpdir(), "cycles-"));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it("lib, app and components have none, type-only imports included", () => {
    expect(cycles(root, ["lib", "app", "components"])).toEqual([]);
  });

  it("the check sees a cycle made only of type imports", () => {
    copyFileSync(path.join(root, ".madgerc"), path.join(fixture, ".madgerc"));
    writeFileSync(path.join(fixture, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
    mkdirSync(path.join(fixture, "src"));
    writeFileSync(path.join(fixture, "src", "a.ts"), 'import type { B } from "./b";\nexport interface A { b: B }\n');
    writeFileSync(path.join(fixture, "src", "b.ts"), 'import type { A } from "./a";\nexport interface B { a?: A }\n');
    expect(cycles(fixture, ["src"])).toEqual([["a.ts", "b.ts"]]);
  });
});
