// npm run seed: sign-in accounts for the demo (lib/db/demo-accounts.ts). Creates (or updates) the
// operator account and gives every customer without a password the demo password, each with its
// own salt. Idempotent. Never used in production data. The passwords are in the README, not printed.
import { disconnectDb } from "../lib/db/client.ts";
import { SYSTEM } from "../lib/db/actor.ts";
import { seedDemoAccounts } from "../lib/db/demo-accounts.ts";

const operatorEmail = (process.env.DEMO_OPERATOR_EMAIL ?? "operator@spendsense.local").toLowerCase();
const r = await seedDemoAccounts(SYSTEM, {
  operatorEmail,
  operatorPassword: process.env.DEMO_OPERATOR_PASSWORD ?? "operator-demo-password",
  customerPassword: process.env.DEMO_CUSTOMER_PASSWORD ?? "customer-demo-password",
});
console.error(`seed: operator ${operatorEmail}; ${r.customers} customer(s) given the demo password (see README)${r.example ? `, e.g. ${r.example}` : ""}`);
await disconnectDb();
