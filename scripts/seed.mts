// npm run seed: sign-in accounts for the demo. Creates (or updates) the operator account and gives
// every customer without a password the demo password. Idempotent. Never used in production data.
import { db, disconnectDb } from "../lib/db/client.ts";
import { hashPassword } from "../lib/auth/password.ts";

const operatorEmail = (process.env.DEMO_OPERATOR_EMAIL ?? "operator@spendsense.local").toLowerCase();
const operatorPassword = process.env.DEMO_OPERATOR_PASSWORD ?? "operator-demo-password";
const customerPassword = process.env.DEMO_CUSTOMER_PASSWORD ?? "customer-demo-password";

const p = db();
const opHash = await hashPassword(operatorPassword);
await p.user.upsert({
  where: { email: operatorEmail },
  create: { id: "operator-demo", name: "Demo Operator", email: operatorEmail, role: "operator", passwordHash: opHash },
  update: { passwordHash: opHash, role: "operator" },
});
// One hash shared by all demo customers keeps seeding fast (scrypt is slow on purpose).
const custHash = await hashPassword(customerPassword);
const r = await p.user.updateMany({ where: { role: "customer", passwordHash: null }, data: { passwordHash: custHash } });
const first = await p.user.findFirst({ where: { role: "customer", consentGranted: true }, orderBy: { id: "asc" }, select: { email: true } });
console.error(`seed: operator ${operatorEmail} / ${operatorPassword}`);
console.error(`seed: ${r.count} customer(s) given the demo password "${customerPassword}"${first ? `, e.g. ${first.email}` : ""}`);
await disconnectDb();
