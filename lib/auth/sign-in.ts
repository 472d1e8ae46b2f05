/**
 * The credentials check behind next-auth's sign-in: throttled per account and per client address
 * (lib/auth/rate-limit.ts), then one password hash whatever the email (lib/db/sign-in.ts).
 */
import { createHash } from "node:crypto";
import { reserveSignInAttempt, settleSignInAttempt } from "../db/sign-in-attempts";
import { verifyCredentials, type SignedInUser } from "../db/sign-in";
import { changeOwnPassword } from "../db/passwords";
import type { Actor } from "../db/actor";
import { ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES, tooManyAttemptsCode } from "./rate-limit";

/** Thrown to next-auth, which hands the message to the sign-in form as its error code. */
export class TooManyAttempts extends Error {
  constructor(readonly retryAfterMs: number) {
    super(tooManyAttemptsCode(retryAfterMs));
  }
}

const digest = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The client's address: the last X-Forwarded-For entry, which the nearest proxy wrote (Next sets
 * the header from the socket when the request has none). Behind a reverse proxy that overwrites the
 * header this is the client; exposed directly, a client can name its own (docs/security.md).
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const list = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  return list.at(-1) ?? "unknown";
}

/** The throttle keys of one attempt: hashes, so the table holds no email or address in clear. */
export function throttleRules(email: string, address: string) {
  return [
    { key: `account:${digest(email.trim().toLowerCase())}`, freeFailures: ACCOUNT_FREE_FAILURES, clearOnSuccess: true },
    { key: `address:${digest(address)}`, freeFailures: ADDRESS_FREE_FAILURES },
  ];
}

/** The user when the credentials are right and neither the account nor the address is locked. */
export async function signInWithPassword(email: string, password: string, address: string, now: Date = new Date()): Promise<SignedInUser | null> {
  const rules = throttleRules(email, address);
  const r = await reserveSignInAttempt(rules, now);
  if (!r.ok) throw new TooManyAttempts(r.retryAfterMs);
  let user: SignedInUser | null = null;
  try {
    user = await verifyCredentials(email, password);
  } finally {
    await settleSignInAttempt(rules, user !== null, now);
  }
  return user;
}

/**
 * A signed-in person changes their password, the current one checked under the same throttle as
 * sign-in (keyed by the user), so a borrowed session cannot guess it at speed. Ends every session.
 */
export async function changePasswordThrottled(actor: Actor, currentPassword: string, newPassword: string, now: Date = new Date()): Promise<void> {
  const rules = [{ key: `password-change:${digest(actor.id)}`, freeFailures: ACCOUNT_FREE_FAILURES, clearOnSuccess: true }];
  const r = await reserveSignInAttempt(rules, now);
  if (!r.ok) throw new TooManyAttempts(r.retryAfterMs);
  let ok = false;
  try {
    await changeOwnPassword(actor, currentPassword, newPassword, now);
    ok = true;
  } finally {
    await settleSignInAttempt(rules, ok, now);
  }
}
