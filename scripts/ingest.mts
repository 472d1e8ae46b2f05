// npm run ingest -- FILE [--json] [--single-thread]
// Streams a bundle file into the database (DATABASE_URL; SQLite by default) in one transaction:
// all or nothing. Prints progress to stderr, counts per entity (or the errors) at the end.
// A worker thread parses and validates while the main thread writes (--single-thread: all in one).
import { ingestFile } from "../lib/ingest/index.ts";
import { disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run ingest -- FILE [--json]");
  process.exit(2);
}
const asJson = args.includes("--json");
const tty = process.stderr.isTTY;
let lastPrint = 0;
const startedAt = new Date();
const t0 = performance.now();
const result = await ingestFile(file, {
  parallel: !args.includes("--single-thread"),
  // Recorded in ingest_runs in the same transaction as the data.
  run: { source: `cli:${file}`, startedAt },
  onProgress(items, bytes, total) {
    const now = performance.now();
    if (now - lastPrint < 500) return;
    lastPrint = now;
    const pct = total ? ((bytes / total) * 100).toFixed(1) : "?";
    const rate = Math.round(items / ((now - t0) / 1000));
    const msg = `ingest: ${items.toLocaleString("en-US")} items, ${pct}% of ${(total / 1e6).toFixed(1)} MB, ${rate.toLocaleString("en-US")} items/s`;
    if (tty) process.stderr.write(`\r${msg}   `);
    else console.error(msg);
  },
});
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
if (asJson) console.log(JSON.stringify({ ok: true, counts: result.counts, items: result.items, seconds: result.seconds }));
else {
  console.error(`ingest: ${result.items.toLocaleString("en-US")} items in ${result.seconds.toFixed(2)} s`);
  for (const [entity, c] of Object.entries(result.counts)) console.error(`  ${entity.padEnd(15)} ${JSON.stringify(c)}`);
}
await disconnectDb();
await closeRaw();
