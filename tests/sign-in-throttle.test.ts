// Item 10 of issue 7: repeated sign-in failures slow down per account and per client address, in
// the database (so every app instance shares the counts); a burst of parallel guesses cannot slip
// past the count.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind } from "./helpers/testdb";
import { freshDatabaseWithPeople } from "./helpers/people";
import { db } from "@/lib/db/client";
import { signInWithPassword, TooManyAttempts } from "@/lib/auth/sign-in";
import { ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES, SIGN_IN_FAILURE_MEMORY_MS, SIGN_IN_FIRST_LOCK_MS } from "@/lib/auth/rate-limit";

const PW = "alice-password-1";
const T0 = new Date("2026-11-01T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** The outcome of one attempt: "ok", "wrong" or "locked" (with the wait). */
async function attempt(email: string, password: string, address = "198.51.100.7", now = T0) {
  try {
    return (await signInWithPassword(email, password, address, now)) ? "ok" : "wrong";
  } catch (e) {
    if (e instanceof TooManyAttempts) return "locked";
    throw e;
  }
}

describe(`sign-in throttle (${dbKind})`, () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = "test-secret-throttle";
  });
  beforeEach(async () => {
    await freshDatabaseWithPeople(PW, { bobPassword: PW });
  });
  afterAll(closeDatabase);

  it("100 wrong passwords in a row, then the right one: refused until the lock has passed", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 100; i++) outcomes.push(await attempt("alice@example.com", `guess-${i}`));
    expect(outcomes.slice(0, ACCOUNT_FREE_FAILURES)).toEqual(Array(ACCOUNT_FREE_FAILURES).fill("wrong"));
    expect(new Set(outcomes.slice(ACCOUNT_FREE_FAILURES))).toEqual(new Set(["locked"]));
    expect(await attempt("alice@example.com", PW, undefined, at(SIGN_IN_FIRST_LOCK_MS - 1000))).toBe("locked");
    // Another account from another address is not affected.
    expect(await attempt("bob@example.com", PW, "203.0.113.9")).toBe("ok");
    expect(await attempt("alice@example.com", PW, undefined, at(SIGN_IN_FIRST_LOCK_MS))).toBe("ok");
  });

  it("each failure after a lock locks again for twice as long; a success forgets the account's failures", async () => {
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) await attempt("alice@example.com", "bad");
    let t = SIGN_IN_FIRST_LOCK_MS;
    expect(await attempt("alice@example.com", "bad", undefined, at(t))).toBe("wrong");
    expect(await attempt("alice@example.com", PW, undefined, at(t + 2 * SIGN_IN_FIRST_LOCK_MS - 1000))).toBe("locked");
    t += 2 * SIGN_IN_FIRST_LOCK_MS;
    expect(await attempt("alice@example.com", PW, undefined, at(t))).toBe("ok");
    for (let i = 0; i < ACCOUNT_FREE_FAILURES - 1; i++) expect(await attempt("alice@example.com", "bad", undefined, at(t))).toBe("wrong");
    expect(await attempt("alice@example.com", PW, undefined, at(t))).toBe("ok");
  });

  it("one address failing across many accounts is slowed down too, for every account", async () => {
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) expect(await attempt(`nobody${i}@example.com`, "bad", "192.0.2.1")).toBe("wrong");
    expect(await attempt("alice@example.com", PW, "192.0.2.1")).toBe("locked");
    expect(await attempt("alice@example.com", PW, "192.0.2.2")).toBe("ok");
  });

  it("a burst of parallel guesses checks at most the free failures' worth of passwords", async () => {
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt("alice@example.com", `guess-${i}`)));
    expect(outcomes.filter((o) => o === "wrong").length).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES);
    expect(outcomes.filter((o) => o === "locked").length).toBeGreaterThanOrEqual(30 - ACCOUNT_FREE_FAILURES);
    expect(await attempt("alice@example.com", PW, undefined, at(1000))).toBe("locked");
  });

  it("stores hashes, not emails or addresses, and forgets idle rows", async () => {
    await attempt("alice@example.com", "bad", "198.51.100.7");
    const rows = await db().signInThrottle.findMany();
    expect(rows.map((r) => r.key.split(":")[0]).sort()).toEqual(["account", "address"]);
    for (const r of rows) expect(r.key).not.toMatch(/alice|198\.51/);
    await attempt("bob@example.com", PW, "203.0.113.9", at(SIGN_IN_FAILURE_MEMORY_MS + 1));
    expect(await db().signInThrottle.count()).toBe(0);
  });
});
