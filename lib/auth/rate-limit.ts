/**
 * Sign-in throttling policy (issue 7, item 10: "slow down repeated failures per account and per
 * address"). Pure: the constants, the lock schedule and the sentences the sign-in form shows.
 * The counts live in the database (lib/db/sign-in-attempts.ts) so every app instance sees them.
 *
 * Each account (email) and each client address may fail a few times freely; the next failure
 * locks it for SIGN_IN_FIRST_LOCK_MS, and every failure after a lock locks it again for twice as
 * long, up to SIGN_IN_MAX_LOCK_MS. While locked, attempts are refused before the password is
 * checked, even the right one. A success clears the account's failures.
 */

/** Failures an account may have before it is locked ("slow down repeated failures per account"). */
export const ACCOUNT_FREE_FAILURES = 5;
/** Failures one client address may have before it is locked ("... and per address"); higher, as
 *  many people can share an address (an office, a carrier's NAT). */
export const ADDRESS_FREE_FAILURES = 20;
/** The first lock; each further lock in a row doubles it. */
export const SIGN_IN_FIRST_LOCK_MS = 30_000;
/** The longest lock: also the longest an attacker can keep a real customer out at a time. */
export const SIGN_IN_MAX_LOCK_MS = 15 * 60_000;
/** Failures (and locks) are forgotten after this long without an attempt. Longer than the longest lock. */
export const SIGN_IN_FAILURE_MEMORY_MS = 60 * 60_000;

export interface ThrottleRule {
  key: string;
  freeFailures: number;
}

/** Length of the lock after `lockCount` earlier locks in a row: 30 s, 1 min, 2 min, ... 15 min. */
export function lockDurationMs(lockCount: number): number {
  return Math.min(SIGN_IN_MAX_LOCK_MS, SIGN_IN_FIRST_LOCK_MS * 2 ** Math.min(lockCount, 30));
}

/** The error code next-auth carries to the sign-in form when an attempt is refused. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

export function tooManyAttemptsCode(retryAfterMs: number): string {
  return `${TOO_MANY_ATTEMPTS}:${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;
}

/** The sentence the sign-in form shows for next-auth's error code (null = no error). */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(`${TOO_MANY_ATTEMPTS}:`)) {
    const seconds = Number(code.slice(TOO_MANY_ATTEMPTS.length + 1));
    const wait = Number.isFinite(seconds) && seconds > 60 ? `${Math.ceil(seconds / 60)} minutes` : "a minute";
    return `Too many sign-in attempts. Please wait ${wait} and try again.`;
  }
  return "Email or password is incorrect.";
}
