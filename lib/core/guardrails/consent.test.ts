import { describe, expect, it } from "vitest";
import { canProcess } from "./consent";
import { checkDisclosure } from "./disclosure";
import { DISCLOSURE } from "./constants";

describe("canProcess", () => {
  it("no consent record → not allowed", () => {
    expect(canProcess(null)).toMatchObject({ allowed: false, code: "NO_CONSENT_RECORD" });
    expect(canProcess(undefined)).toMatchObject({ allowed: false });
  });
  it("revoked → not allowed", () => {
    expect(canProcess({ granted: false, at: "2025-06-01T10:00:00Z" })).toMatchObject({ allowed: false, code: "CONSENT_REVOKED" });
  });
  it("never granted → not allowed", () => {
    expect(canProcess({ granted: false, at: null })).toMatchObject({ allowed: false, code: "CONSENT_NOT_GRANTED" });
  });
  it("granted without a timestamp → not allowed (no auditable record)", () => {
    expect(canProcess({ granted: true, at: null })).toMatchObject({ allowed: false, code: "CONSENT_UNDATED" });
    expect(canProcess({ granted: true, at: " " })).toMatchObject({ allowed: false });
  });
  it("granted with a timestamp → allowed, with a reason", () => {
    const r = canProcess({ granted: true, at: "2025-06-01T10:00:00Z" });
    expect(r).toMatchObject({ allowed: true, code: "CONSENT_GRANTED" });
    expect(r.reason).toContain("2025-06-01T10:00:00Z");
  });
});

describe("DISCLOSURE and checkDisclosure", () => {
  it("is the exact required sentence", () => {
    expect(DISCLOSURE).toBe(
      "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.",
    );
  });
  it("passes text carrying it exactly", () => {
    expect(checkDisclosure(`Some rationale.\n\n${DISCLOSURE}`).ok).toBe(true);
  });
  it("fails altered or missing disclosures", () => {
    expect(checkDisclosure("Some rationale.").ok).toBe(false);
    expect(checkDisclosure(DISCLOSURE.toLowerCase()).ok).toBe(false);
    expect(checkDisclosure(DISCLOSURE.replace("licensed", "qualified")).ok).toBe(false);
    expect(checkDisclosure(DISCLOSURE.slice(0, -1)).ok).toBe(false);
  });
});
