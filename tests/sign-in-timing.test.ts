// Item 10 of issue 7: the time a sign-in takes must not tell a known email from an unknown one
// (80 ms vs 14 ms before). Timing itself is noisy, so this counts the work: every attempt runs
// exactly one scrypt at the stored cost, whatever the email.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const scryptCalls: { N?: number }[] = [];
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (...args: Parameters<typeof real.scrypt>) => {
    scryptCalls.push({ N: (args[3] as { N?: number }).N });
    return (real.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...real, default: { ...real, scrypt }, scrypt };
});

const { closeDatabase, dbKind, freshDatabase } = await import("./helpers/testdb");
const { db } = await import("@/lib/db/client");
const { hashPassword, SCRYPT } = await import("@/lib/auth/password");
const { verifyCredentials } = await import("@/lib/db/sign-in");

describe(`sign-in costs one hash for every email (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    const passwordHash = await hashPassword("alice-password-1");
    await db().user.createMany({
      data: [
        { id: "u_alice", name: "Alice", email: "alice@example.com", role: "customer", passwordHash },
        { id: "u_nopw", name: "No Password", email: "nopw@example.com", role: "customer" },
        { id: "u_off", name: "Disabled", email: "off@example.com", role: "customer", passwordHash, disabledAt: new Date() },
      ],
    });
  });
  afterAll(closeDatabase);

  it.each([
    ["a known email, wrong password", "alice@example.com", "wrong"],
    ["an unknown email", "nobody@example.com", "wrong"],
    ["an account without a password", "nopw@example.com", "wrong"],
    ["a disabled account, right password", "off@example.com", "alice-password-1"],
  ])("%s: one scrypt at the stored cost, no user", async (_label, email, password) => {
    scryptCalls.length = 0;
    expect(await verifyCredentials(email, password)).toBeNull();
    expect(scryptCalls).toEqual([{ N: SCRYPT.N }]);
  });
});
