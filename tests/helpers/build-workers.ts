// vitest globalSetup: bundle the ingest's worker threads from the current sources, so that tests
// never run a stale lib/ingest/generated bundle.
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, "../../scripts/build-worker.mjs")], { stdio: "inherit" });
}
