// Item 11 of issue 7: demo customers all shared one password hash. Each now has its own salt.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { db } from "@/lib/db/client";
import { SYSTEM, ForbiddenError } from "@/lib/db/actor";
import { seedDemoAccounts } from "@/lib/db/demo-accounts";
import { verifyPassword } from "@/lib/auth/password";

const DEMO = { operatorEmail: "operator@spendsense.local", operatorPassword: "operator-demo-password", customerPassword: "customer-demo-password" };

describe(`demo accounts (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await db().user.createMany({
      data: [
        ...Array.from({ length: 6 }, (_, i) => ({ id: `u${i}`, name: `U${i}`, email: `u${i}@example.com`, role: "customer", consentGranted: i === 2 })),
        { id: "u_own", name: "Own", email: "own@example.com", role: "customer", passwordHash: "scrypt$16384$8$1$c2FsdA==$aGFzaA==" },
      ],
    });
  });
  afterAll(closeDatabase);

  it("gives each customer without a password the demo password under its own salt, once", async () => {
    const r = await seedDemoAccounts(SYSTEM, DEMO);
    expect(r).toEqual({ customers: 6, example: "u2@example.com" });
    const users = await db().user.findMany({ where: { id: { startsWith: "u" }, NOT: { id: "u_own" } }, select: { passwordHash: true }, orderBy: { id: "asc" } });
    const hashes = users.map((u) => u.passwordHash!);
    const salts = hashes.map((h) => h.split("$")[4]);
    expect(new Set(hashes).size).toBe(6);
    expect(new Set(salts).size).toBe(6);
    for (const h of hashes) expect(await verifyPassword(DEMO.customerPassword, h)).toBe(true);
    const op = await db().user.findUniqueOrThrow({ where: { email: DEMO.operatorEmail } });
    expect([op.role, await verifyPassword(DEMO.operatorPassword, op.passwordHash)]).toEqual(["operator", true]);
    expect(hashes).not.toContain(op.passwordHash);
    // A customer with a password keeps it; a second run changes no customer.
    expect((await db().user.findUniqueOrThrow({ where: { id: "u_own" } })).passwordHash).toBe("scrypt$16384$8$1$c2FsdA==$aGFzaA==");
    expect((await seedDemoAccounts(SYSTEM, DEMO)).customers).toBe(0);
    const again = await db().user.findMany({ where: { id: { startsWith: "u" }, NOT: { id: "u_own" } }, select: { passwordHash: true }, orderBy: { id: "asc" } });
    expect(again.map((u) => u.passwordHash)).toEqual(hashes);
  });

  it("is for trusted scripts: a customer actor is refused", async () => {
    await expect(seedDemoAccounts({ id: "u0", role: "customer" }, DEMO)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
