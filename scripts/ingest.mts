// npm run ingest -- FILE|DIR [--json] [--single-thread] [--user ID] [--enqueue-only]
// Streams a bundle file, or a folder of the bundle's CSV files (users.csv, accounts.csv, ...:
// lib/ingest/csv.ts), into the database (DATABASE_URL; SQLite by default) in one transaction:
// all or nothing. Prints progress to stderr, counts per entity (or the errors) at the end.
// A Plaid /transactions/sync response (FILE) is one page of the stored customer --user ID (lib/ingest/sync.ts).
// A worker thread parses and validates a JSON file while the main thread writes (--single-thread: all in one).
// Then the users whose rows it inserted or changed are recomputed at the current as-of (none before
// the pipeline's first run): on PostgreSQL queued, and worked here until the queue is empty unless
// --enqueue-only (workers take them); on SQLite run here.
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { ingestCsvDir, ingestFile, openSink } from "../lib/ingest/index.ts";
import { ingestSyncBytes, looksLikeSyncPage } from "../lib/ingest/sync.ts";
import { disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";
import { recomputeChanged, usesQueue } from "../lib/jobs/pipeline.ts";
import { closePipelineQueue } from "../lib/db/pipeline-queue.ts";

const args = process.argv.slice(2);
const userAt = args.indexOf("--user");
const syncUser = userAt >= 0 ? args[userAt + 1] : null;
const file = args.find((a, i) => !a.startsWith("--") && (userAt < 0 || i !== userAt + 1));
if (!file) {
  console.error("usage: npm run ingest -- FILE|DIR [--json] [--single-thread] [--user ID] [--enqueue-only]");
  process.exit(2);
}
const asJson = args.includes("--json");
const tty = process.stderr.isTTY;
let lastPrint = 0;
const startedAt = new Date();
const t0 = performance.now();
const progress = (items: number, bytes: number, total: number) => {
  const now = performance.now();
  if (now - lastPrint < 500) return;
  lastPrint = now;
  const pct = total ? ((bytes / total) * 100).toFixed(1) : "?";
  const rate = Math.round(items / ((now - t0) / 1000));
  const msg = `ingest: ${items.toLocaleString("en-US")} items${total ? `, ${pct}% of ${(total / 1e6).toFixed(1)} MB` : ""}, ${rate.toLocaleString("en-US")} items/s`;
  if (tty) process.stderr.write(`\r${msg}   `);
  else console.error(msg);
};
// Recorded in ingest_runs in the same transaction as the data.
const run = { source: `cli:${file}`, startedAt };
/** The file's first bytes, enough to tell a sync page from a bundle. */
function head(path: string): Uint8Array {
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, "r");
  try {
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}
const result = statSync(file).isDirectory()
  ? await ingestCsvDir(file, { run, onProgress: (items) => progress(items, 0, 0) })
  : looksLikeSyncPage(head(file))
    ? await ingestSyncBytes(readFileSync(file), { userId: syncUser, sink: openSink(), run })
    : await ingestFile(file, { parallel: !args.includes("--single-thread"), run, onProgress: progress });
if (tty) process.stderr.write("\n");
if (!result.ok) {
  if (asJson) console.log(JSON.stringify(result));
  else {
    console.error(`ingest: ${result.error_count} problem(s); nothing was written.`);
    for (const e of result.errors) console.error(`  ${e.path}: ${e.reason}`);
    if (result.error_count > result.errors.length) console.error(`  … and ${result.error_count - result.errors.length} more`);
  }
  await closeRaw();
  process.exit(1);
}
if (asJson) console.log(JSON.stringify({ ok: true, counts: result.counts, items: result.items, seconds: result.seconds, changed_users: result.changedUsers.length }));
else {
  console.error(`ingest: ${result.items.toLocaleString("en-US")} items in ${result.seconds.toFixed(2)} s`);
  for (const [entity, c] of Object.entries(result.counts)) console.error(`  ${entity.padEnd(15)} ${JSON.stringify(c)}`);
}
const recomputed = await recomputeChanged(result.changedUsers, { work: !args.includes("--enqueue-only") });
if (recomputed.asOf) console.error(`ingest: ${recomputed.users.length} changed user(s) ${usesQueue() ? "queued" : "recomputed"} as of ${recomputed.asOf}`);
else if (result.changedUsers.length) console.error(`ingest: ${result.changedUsers.length} changed user(s); no as-of yet, run npm run pipeline -- --as-of DATE`);
if (usesQueue()) await closePipelineQueue();
await disconnectDb();
await closeRaw();
