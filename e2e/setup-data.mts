// Loads the e2e dataset into DATABASE_URL (already migrated) and runs the pipeline; then writes
// tmp/e2e-data.json naming the customers the specs use. Called by scripts/e2e-server.sh.
//   tsx e2e/setup-data.mts ingest [BUNDLE.json]   ingest a bundle file, or the small fixture
//   tsx e2e/setup-data.mts pipeline AS_OF          run the pipeline and write tmp/e2e-data.json
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ingestObject } from "../lib/ingest/index.ts";
import { runPipeline } from "../lib/pipeline.ts";
import { db, disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";
import { smallBundle } from "../tests/fixtures/bundle.ts";

const [cmd, arg] = process.argv.slice(2);

if (cmd === "ingest") {
  const bundle = arg ? JSON.parse(readFileSync(arg, "utf8")) : smallBundle();
  const r = await ingestObject(bundle);
  if (!r.ok) {
    console.error("e2e ingest failed", JSON.stringify(r.errors?.slice(0, 5)));
    process.exit(1);
  }
  console.error(`e2e: ingested ${arg ?? "tests/fixtures/bundle.ts smallBundle()"}`);
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
  const customer = customers.find((c) => c.consentGranted && c._count.recommendations > 0);
  if (!customer) throw new Error("e2e: no consenting customer with pending recommendations; cannot run the specs");
  // A second customer who also consents (the chat's isolation test signs in as them).
  const other = customers.find((c) => c.id !== customer.id && c.consentGranted) ?? customers.find((c) => c.id !== customer.id);
  if (!other) throw new Error("e2e: need a second customer");
  mkdirSync("tmp", { recursive: true });
  const data = {
    asOf: arg,
    operator: { email: process.env.DEMO_OPERATOR_EMAIL ?? "operator@spendsense.local", password: process.env.DEMO_OPERATOR_PASSWORD ?? "operator-demo-password" },
    customer: { id: customer.id, name: customer.name, email: customer.email, password: process.env.DEMO_CUSTOMER_PASSWORD ?? "customer-demo-password" },
    other: { id: other.id, name: other.name, email: other.email, password: process.env.DEMO_CUSTOMER_PASSWORD ?? "customer-demo-password" },
  };
  writeFileSync("tmp/e2e-data.json", JSON.stringify(data, null, 2));
  console.error(`e2e: customer ${customer.email}, other ${other.id}`);
} else {
  console.error("usage: tsx e2e/setup-data.mts ingest [FILE] | pipeline AS_OF");
  process.exit(2);
}
await disconnectDb();
await closeRaw();
