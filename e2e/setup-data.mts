// Loads the e2e dataset into DATABASE_URL (already migrated) and runs the pipeline; then writes
// tmp/e2e-data.json naming the customers the specs use. Called by scripts/e2e-server.sh.
//   tsx e2e/setup-data.mts ingest [BUNDLE.json]   ingest a bundle file, or the small fixture
//   tsx e2e/setup-data.mts pipeline AS_OF          run the pipeline and write tmp/e2e-data.json
//   tsx e2e/setup-data.mts delete-user ID          delete a user (DATABASE_URL as the server's)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ingestObject } from "../lib/ingest/index.ts";
import { runPipeline } from "../lib/pipeline.ts";
import { db, disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";
import { smallBundle } from "../tests/fixtures/bundle.ts";

const [cmd, arg] = process.argv.slice(2);

/** Customers without data that the session specs sign out, lock, disable or delete (nothing else uses them). */
const SPARES = Array.from({ length: 5 }, (_, i) => ({ id: `e2e_spare_${i + 1}`, name: `Spare Customer${i + 1}`, email: `spare${i + 1}@e2e.test` }));

if (cmd === "ingest") {
  const bundle = arg ? JSON.parse(readFileSync(arg, "utf8")) : smallBundle();
  const r = await ingestObject(bundle);
  if (!r.ok) {
    console.error("e2e ingest failed", JSON.stringify(r.errors?.slice(0, 5)));
    process.exit(1);
  }
  const spares = await ingestObject({ users: SPARES.map((u) => ({ user_id: u.id, name: u.name, email: u.email })) });
  if (!spares.ok) throw new Error(`e2e: spare customers: ${JSON.stringify(spares.errors?.slice(0, 3))}`);
  console.error(`e2e: ingested ${arg ?? "tests/fixtures/bundle.ts smallBundle()"} and ${SPARES.length} spare customers`);
} else if (cmd === "pipeline") {
  if (!arg) throw new Error("usage: pipeline AS_OF");
  const out = await runPipeline(arg);
  console.error(`e2e: pipeline ${arg}: ${out.filter((o) => o.status === "processed").length} processed, ${out.filter((o) => o.status !== "processed").length} skipped`);
  const p = db();
  const customers = await p.user.findMany({
    where: { role: "customer" },
    orderBy: { id: "asc" },
    select: { id: true, name: true, email: true, consentGranted: true, _count: { select: { recommendations: { where: { status: "pending" } } } } },
  });
  const spareIds = new Set(SPARES.map((u) => u.id));
  const customer = customers.find((c) => c.consentGranted && c._count.recommendations > 0 && !spareIds.has(c.id));
  if (!customer) throw new Error("e2e: no consenting customer with pending recommendations; cannot run the specs");
  // A second customer who also consents (the chat's isolation test signs in as them); never a spare.
  const other = customers.find((c) => c.id !== customer.id && !spareIds.has(c.id) && c.consentGranted) ?? customers.find((c) => c.id !== customer.id && !spareIds.has(c.id));
  if (!other) throw new Error("e2e: need a second customer");
  mkdirSync("tmp", { recursive: true });
  const data = {
    asOf: arg,
    operator: { email: process.env.DEMO_OPERATOR_EMAIL ?? "operator@spendsense.local", password: process.env.DEMO_OPERATOR_PASSWORD ?? "operator-demo-password" },
    customer: { id: customer.id, name: customer.name, email: customer.email, password: process.env.DEMO_CUSTOMER_PASSWORD ?? "customer-demo-password" },
    other: { id: other.id, name: other.name, email: other.email, password: process.env.DEMO_CUSTOMER_PASSWORD ?? "customer-demo-password" },
    spares: SPARES,
    // The server's database, for specs that change it behind the app's back (a deleted user).
    databaseUrl: process.env.DATABASE_URL,
  };
  writeFileSync("tmp/e2e-data.json", JSON.stringify(data, null, 2));
  console.error(`e2e: customer ${customer.email}, other ${other.id}`);
} else if (cmd === "delete-user") {
  // The session specs: a signed-in customer whose account is then deleted.
  if (!arg) throw new Error("usage: delete-user ID");
  await db().user.delete({ where: { id: arg } });
} else {
  console.error("usage: tsx e2e/setup-data.mts ingest [FILE] | pipeline AS_OF | delete-user ID");
  process.exit(2);
}
await disconnectDb();
await closeRaw();
