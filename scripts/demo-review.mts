// npm run demo:review: the demo operator approves about half of the pending suggestions (every other
// one of each user's), through the console's review code, recorded in the audit log (lib/db/demo-review.ts).
import { disconnectDb } from "../lib/db/client.ts";
import { SYSTEM } from "../lib/db/actor.ts";
import { approveHalfForDemo } from "../lib/db/demo-review.ts";

const operatorEmail = process.env.DEMO_OPERATOR_EMAIL ?? "operator@spendsense.local";
const r = await approveHalfForDemo(SYSTEM, operatorEmail);
console.error(`demo review: ${operatorEmail} approved ${r.approved} suggestion(s) of ${r.users} user(s); ${r.pending} wait in the review queue`);
await disconnectDb();
