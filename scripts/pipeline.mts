// npm run pipeline -- --as-of YYYY-MM-DD [--user ID] [--json] [--signals-only]
// Computes and stores signals (30d, 180d), personas and recommendations for every consenting
// customer (or one). Users without consent are skipped: nothing is computed for them.
// --json prints one profile JSON per processed user (JSON lines) on stdout.
import { runPipeline } from "../lib/pipeline.ts";
import { getProfile } from "../lib/db/profiles.ts";
import { SYSTEM } from "../lib/db/actor.ts";
import { disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";
import { isIsoDate } from "../lib/core/time.ts";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const asOf = arg("--as-of");
if (!asOf || !isIsoDate(asOf)) {
  console.error("usage: npm run pipeline -- --as-of YYYY-MM-DD [--user ID] [--json]  (--as-of is required: nothing depends on today's date)");
  process.exit(2);
}
const userId = arg("--user");
const asJson = args.includes("--json");
const t0 = performance.now();
let processed = 0;
let skipped = 0;
const outcomes = await runPipeline(asOf, {
  userId,
  signalsOnly: args.includes("--signals-only"),
  onUser: (o) => {
    if (o.status === "processed") processed++;
    else skipped++;
    if (!asJson && (processed + skipped) % 100 === 0) console.error(`pipeline: ${processed + skipped} users…`);
  },
});
if (userId && outcomes.length === 0) {
  console.error(`pipeline: no customer "${userId}"`);
  process.exit(1);
}
if (asJson) {
  for (const o of outcomes) if (o.status === "processed") console.log(JSON.stringify(await getProfile(SYSTEM, o.user_id, asOf)));
}
const secs = (performance.now() - t0) / 1000;
console.error(`pipeline: as of ${asOf}: ${processed} processed, ${skipped} skipped (no consent or not a customer) in ${secs.toFixed(2)} s`);
for (const o of outcomes.filter((x) => x.status === "skipped").slice(0, 5)) console.error(`  skipped ${o.user_id}: ${o.reason}`);
await disconnectDb();
await closeRaw();
