/** The people of the session and sign-in tests, in a fresh database: Alice and Bob (customers), op1 (operator). */
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { freshDatabase } from "./testdb";

export async function freshDatabaseWithPeople(alicePassword: string, opts: { bobPassword?: string } = {}): Promise<void> {
  await freshDatabase();
  const bobHash = opts.bobPassword === undefined ? null : await hashPassword(opts.bobPassword);
  await db().user.createMany({
    data: [
      { id: "u_alice", name: "Alice", email: "alice@example.com", role: "customer", passwordHash: await hashPassword(alicePassword) },
      { id: "u_bob", name: "Bob", email: "bob@example.com", role: "customer", passwordHash: bobHash },
      { id: "op1", name: "Op", email: "op@bank.test", role: "operator" },
    ],
  });
}
