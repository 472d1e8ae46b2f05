import { describe, expect, it } from "vitest";
import { lockDurationMs, signInErrorMessage, SIGN_IN_FIRST_LOCK_MS, SIGN_IN_MAX_LOCK_MS, SIGN_IN_FAILURE_MEMORY_MS, tooManyAttemptsCode } from "./rate-limit";
import { clientAddress } from "./sign-in";

describe("sign-in throttle policy", () => {
  it("locks for 30 s, then twice as long per lock in a row, never beyond the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map(lockDurationMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    expect(lockDurationMs(0)).toBe(SIGN_IN_FIRST_LOCK_MS);
    expect(SIGN_IN_FAILURE_MEMORY_MS).toBeGreaterThan(SIGN_IN_MAX_LOCK_MS);
  });

  it("says how long to wait, and never which part of the credentials was wrong", () => {
    expect(signInErrorMessage(null)).toBeNull();
    expect(signInErrorMessage("CredentialsSignin")).toBe("Email or password is incorrect.");
    expect(signInErrorMessage(tooManyAttemptsCode(29_500))).toBe("Too many sign-in attempts. Please wait a minute and try again.");
    expect(signInErrorMessage(tooManyAttemptsCode(900_000))).toBe("Too many sign-in attempts. Please wait 15 minutes and try again.");
    expect(signInErrorMessage("TooManyAttempts:junk")).toBe("Too many sign-in attempts. Please wait a minute and try again.");
  });

  it("takes the client address from the last X-Forwarded-For entry (the one the nearest proxy wrote)", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "10.0.0.1, 198.51.100.7" })).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientAddress({})).toBe("unknown");
  });
});
