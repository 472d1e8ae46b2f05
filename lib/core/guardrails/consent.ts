/**
 * Consent gate. Nothing about a user is processed (signals, personas, recommendations) unless
 * they have an explicit, dated grant that has not been revoked.
 */
export interface ConsentRecord {
  granted: boolean;
  /** When consent was granted (or revoked, when granted is false). ISO timestamp. */
  at: string | null;
}

export type ConsentCode = "CONSENT_GRANTED" | "NO_CONSENT_RECORD" | "CONSENT_REVOKED" | "CONSENT_NOT_GRANTED" | "CONSENT_UNDATED";

export interface ConsentDecision {
  allowed: boolean;
  code: ConsentCode;
  reason: string;
}

export function canProcess(consent: ConsentRecord | null | undefined): ConsentDecision {
  if (!consent) {
    return { allowed: false, code: "NO_CONSENT_RECORD", reason: "No consent record: the user has not opted in." };
  }
  if (!consent.granted) {
    return consent.at
      ? { allowed: false, code: "CONSENT_REVOKED", reason: `Consent revoked at ${consent.at}.` }
      : { allowed: false, code: "CONSENT_NOT_GRANTED", reason: "Consent not granted." };
  }
  if (!consent.at || consent.at.trim() === "") {
    return {
      allowed: false,
      code: "CONSENT_UNDATED",
      reason: "Consent is marked granted but has no timestamp, so there is no auditable record of it.",
    };
  }
  return { allowed: true, code: "CONSENT_GRANTED", reason: `Consent granted at ${consent.at}.` };
}
