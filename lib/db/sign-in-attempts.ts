/**
 * Counts of failed sign-ins (table sign_in_throttles), for the policy in lib/auth/rate-limit.ts.
 * An attempt is counted as a failure before the password is checked and forgiven if it succeeds,
 * so a burst of parallel guesses cannot all pass the check before any of them is counted.
 * Sign-in comes before there is an actor: these functions are called by the sign-in flow only.
 */
import "server-only";
import { db } from "./client";
import { lockDurationMs, SIGN_IN_FAILURE_MEMORY_MS, type ThrottleRule } from "../auth/rate-limit";

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/** How long until a refused key may try again, when the time is not set by a lock (attempts in flight). */
const IN_FLIGHT_RETRY_MS = 1_000;

/** Un-counts one attempt; a row left with nothing to remember is deleted. */
async function release(keys: string[]): Promise<void> {
  const p = db();
  await p.signInThrottle.updateMany({ where: { key: { in: keys }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  await p.signInThrottle.deleteMany({ where: { key: { in: keys }, failures: 0, lockCount: 0 } });
}

/**
 * Counts one attempt against every rule; refused (and not counted) when a rule's key is locked or
 * already has its free failures in flight. Rows idle for SIGN_IN_FAILURE_MEMORY_MS are forgotten.
 */
export async function reserveSignInAttempt(rules: ThrottleRule[], now: Date = new Date()): Promise<Reservation> {
  const p = db();
  await p.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - SIGN_IN_FAILURE_MEMORY_MS) } } });
  let retryAfterMs = 0;
  for (const rule of rules) {
    const row = await p.signInThrottle.upsert({
      where: { key: rule.key },
      create: { key: rule.key, failures: 1, updatedAt: now },
      update: { failures: { increment: 1 }, updatedAt: now },
      select: { failures: true, lockedUntil: true },
    });
    if (row.lockedUntil && row.lockedUntil > now) retryAfterMs = Math.max(retryAfterMs, row.lockedUntil.getTime() - now.getTime());
    else if (row.failures > rule.freeFailures) retryAfterMs = Math.max(retryAfterMs, IN_FLIGHT_RETRY_MS);
  }
  if (retryAfterMs === 0) return { ok: true };
  await release(rules.map((r) => r.key));
  return { ok: false, retryAfterMs };
}

/**
 * Settles a counted attempt. Success: the account rule's failures are cleared (`clearOnSuccess`),
 * the others forgive this attempt. Failure: it stays counted, and a rule that has used its free
 * failures is locked (SIGN_IN_FIRST_LOCK_MS, doubling per lock in a row) with one more try after.
 */
export async function settleSignInAttempt(rules: (ThrottleRule & { clearOnSuccess?: boolean })[], ok: boolean, now: Date = new Date()): Promise<void> {
  const p = db();
  if (ok) {
    const clear = rules.filter((r) => r.clearOnSuccess).map((r) => r.key);
    if (clear.length) await p.signInThrottle.deleteMany({ where: { key: { in: clear } } });
    const forgive = rules.filter((r) => !r.clearOnSuccess).map((r) => r.key);
    if (forgive.length) await release(forgive);
    return;
  }
  for (const rule of rules) {
    const row = await p.signInThrottle.findUnique({ where: { key: rule.key }, select: { failures: true, lockCount: true } });
    if (!row || row.failures < rule.freeFailures) continue;
    await p.signInThrottle.update({
      where: { key: rule.key },
      data: { lockedUntil: new Date(now.getTime() + lockDurationMs(row.lockCount)), lockCount: row.lockCount + 1, failures: rule.freeFailures - 1, updatedAt: now },
    });
  }
}
