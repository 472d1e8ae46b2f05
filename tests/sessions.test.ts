// Item 9 of issue 7: sign-out, a password change and disabling a customer end every session of
// the user at once; the check runs on every request (lib/auth/session.ts), not only in the proxy.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { closeDatabase, dbKind } from "./helpers/testdb";
import { freshDatabaseWithPeople } from "./helpers/people";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/db/actor";
import { verifyPassword } from "@/lib/auth/password";
import { authOptions } from "@/lib/auth/options";
import { actorFromRequest } from "@/lib/http/session-token";
import { currentSessionActor, endSessions } from "@/lib/db/sessions";
import { changeOwnPassword, WrongPasswordError } from "@/lib/db/passwords";
import { customerAccess, setCustomerDisabled } from "@/lib/db/user-status";
import { verifyCredentials } from "@/lib/db/sign-in";
import { changePasswordThrottled, TooManyAttempts } from "@/lib/auth/sign-in";
import { ACCOUNT_FREE_FAILURES } from "@/lib/auth/rate-limit";

const SECRET = "test-secret-sessions-0123456789";
const PW = "alice-password-1";
const operator = { id: "op1", role: "operator" as const };
const alice = { id: "u_alice", role: "customer" as const };

/** A request carrying the session cookie next-auth would issue for this sign-in. */
async function requestAs(uid: string, sv: number, role = "customer") {
  const token = await encode({ token: { uid, role, sv, sub: uid }, secret: SECRET });
  return new Request("http://localhost/api/x", { headers: { cookie: `next-auth.session-token=${token}` } });
}

const signOut = (token: Record<string, unknown>) => authOptions.events!.signOut!({ token, session: null as never });
const jwtRenewal = (token: Record<string, unknown>) => authOptions.callbacks!.jwt!({ token, account: null, user: undefined as never });

describe(`sessions end at once (${dbKind})`, () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
    delete process.env.NEXTAUTH_URL;
  });
  beforeEach(async () => {
    await freshDatabaseWithPeople(PW);
  });
  afterAll(closeDatabase);

  it("a session is live only while its user exists, is enabled and has the token's version; the role comes from the database", async () => {
    expect(await currentSessionActor({ id: "u_alice", sessionVersion: 0 })).toEqual(alice);
    expect(await currentSessionActor({ id: "u_alice", sessionVersion: 1 })).toBeNull();
    expect(await actorFromRequest(await requestAs("u_alice", 0, "operator"))).toEqual(alice);
    expect(await actorFromRequest(await requestAs("nobody", 0))).toBeNull();
    // A token from before session versions (no sv) is not a session.
    const old = await encode({ token: { uid: "u_alice", role: "customer" }, secret: SECRET });
    expect(await actorFromRequest(new Request("http://x/", { headers: { cookie: `next-auth.session-token=${old}` } }))).toBeNull();
  });

  it("sign-out ends every session of the user (other devices too), not other users'", async () => {
    const laptop = await requestAs("u_alice", 0);
    const phone = await requestAs("u_alice", 0);
    const bob = await requestAs("u_bob", 0);
    await signOut({ uid: "u_alice", sv: 0 });
    expect(await actorFromRequest(laptop)).toBeNull();
    expect(await actorFromRequest(phone)).toBeNull();
    expect(await actorFromRequest(bob)).toEqual({ id: "u_bob", role: "customer" });
    // An ended session renewing itself at /api/auth/session is refused (next-auth then clears the cookie).
    await expect(jwtRenewal({ uid: "u_alice", sv: 0 })).rejects.toThrow("session ended");
    await expect(jwtRenewal({ uid: "u_alice", sv: 1 })).resolves.toMatchObject({ uid: "u_alice" });
  });

  it("signing out with an already-ended token does not end the newer sessions", async () => {
    await signOut({ uid: "u_alice", sv: 0 });
    const fresh = await requestAs("u_alice", 1);
    await signOut({ uid: "u_alice", sv: 0 });
    expect(await actorFromRequest(fresh)).toEqual(alice);
  });

  it("endSessions: the user or an operator only", async () => {
    await expect(endSessions({ id: "u_bob", role: "customer" }, "u_alice")).rejects.toBeInstanceOf(ForbiddenError);
    await endSessions(operator, "u_alice");
    expect(await currentSessionActor({ id: "u_alice", sessionVersion: 0 })).toBeNull();
  });

  it("a password change needs the current password, ends every session and keeps an audit without the hash", async () => {
    const before = await requestAs("u_alice", 0);
    await expect(changeOwnPassword(alice, "wrong", "new-password-123")).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await actorFromRequest(before)).toEqual(alice);
    await changeOwnPassword(alice, PW, "new-password-123");
    expect(await actorFromRequest(before)).toBeNull();
    const u = await db().user.findUniqueOrThrow({ where: { id: "u_alice" } });
    expect(await verifyPassword("new-password-123", u.passwordHash)).toBe(true);
    expect(await verifyCredentials("alice@example.com", PW)).toBeNull();
    expect(await verifyCredentials("alice@example.com", "new-password-123")).toMatchObject({ id: "u_alice", sessionVersion: 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "password_changed" } });
    expect(audit.subjectId).toBe("u_alice");
    expect(audit.detailsJson).not.toContain("scrypt");
  });

  it("guessing the current password through the change form is throttled like sign-in", async () => {
    const now = new Date("2026-11-01T12:00:00Z");
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) await expect(changePasswordThrottled(alice, `guess-${i}`, "new-password-123", now)).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(changePasswordThrottled(alice, PW, "new-password-123", now)).rejects.toBeInstanceOf(TooManyAttempts);
    const u = await db().user.findUniqueOrThrow({ where: { id: "u_alice" } });
    expect(await verifyPassword(PW, u.passwordHash)).toBe(true);
  });

  it("disabling a customer ends their sessions and stops sign-in; enabling lets them sign in again, old sessions stay ended", async () => {
    const session = await requestAs("u_alice", 0);
    await expect(setCustomerDisabled(alice, "u_alice", true, undefined)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setCustomerDisabled(operator, "op1", true, undefined)).rejects.toBeInstanceOf(NotFoundError);

    expect(await setCustomerDisabled(operator, "u_alice", true, "reported lost phone")).toEqual({ changed: true });
    expect(await actorFromRequest(session)).toBeNull();
    expect(await verifyCredentials("alice@example.com", PW)).toBeNull();
    expect((await customerAccess(operator, "u_alice")).disabledAt).toBeInstanceOf(Date);
    expect(await setCustomerDisabled(operator, "u_alice", true, undefined)).toEqual({ changed: false });

    expect(await setCustomerDisabled(operator, "u_alice", false, undefined)).toEqual({ changed: true });
    expect(await actorFromRequest(session)).toBeNull();
    expect(await verifyCredentials("alice@example.com", PW)).toMatchObject({ id: "u_alice", sessionVersion: 1 });
    const actions = await db().operatorAction.findMany({ where: { userId: "u_alice" }, orderBy: { at: "asc" } });
    expect(actions.map((a) => [a.action, a.note])).toEqual([
      ["disable", "reported lost phone"],
      ["enable", null],
    ]);
  });

  it("a deleted user's session ends", async () => {
    const session = await requestAs("u_alice", 0);
    await db().user.delete({ where: { id: "u_alice" } });
    expect(await actorFromRequest(session)).toBeNull();
  });
});
