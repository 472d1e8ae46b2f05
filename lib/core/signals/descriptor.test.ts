import { describe, expect, it } from "vitest";
import { MerchantResolver, merchantKey, normalizeDescriptor } from "./descriptor";

describe("normalizeDescriptor", () => {
  it("maps the many spellings of Netflix to one key", () => {
    for (const n of ["NETFLIX.COM 866-579-7172 CA", "Netflix.com", "NETFLIX INC", "Netflix", "PAYPAL *NETFLIX", "netflix.com/bill"]) {
      expect(normalizeDescriptor(n), n).toBe("netflix");
    }
  });

  it("strips processor prefixes, store numbers, reference codes and state codes", () => {
    expect(normalizeDescriptor("SQ *BLUE BOTTLE COFFEE #123")).toBe("blue bottle coffee");
    expect(normalizeDescriptor("TST* JOE'S PIZZA 0042")).toBe("joes pizza");
    expect(normalizeDescriptor("PLANET FITNESS #0423 BOSTON MA")).toBe("planet fitness boston");
    expect(normalizeDescriptor("AMZN Mktp US*2K3L45")).toBe("amazon");
    expect(normalizeDescriptor("Spotify USA")).toBe("spotify");
  });

  it("drops ACH addenda (PPD ID, DES:, INDN:)", () => {
    expect(normalizeDescriptor("ACME CORP PAYROLL PPD ID: 1234567890")).toBe("acme payroll");
    expect(normalizeDescriptor("ACME CORP DES:PAYROLL ID:XXXX INDN:DOE JOHN CO ID:123 PPD")).toBe("acme");
  });

  it("keeps & (AT&T) and never returns an empty key", () => {
    expect(normalizeDescriptor("AT&T")).toBe("at&t");
    expect(normalizeDescriptor("12345")).toBe("12345");
  });
});

describe("merchant identity", () => {
  it("merchantKey: entity id, else merchant_name, else descriptor", () => {
    expect(merchantKey({ merchant_entity_id: "E1", merchant_name: "Netflix", name: "x" })).toBe("ent:E1");
    expect(merchantKey({ merchant_entity_id: null, merchant_name: "Netflix", name: "x" })).toBe("netflix");
    expect(merchantKey({ merchant_entity_id: null, merchant_name: null, name: "NETFLIX.COM 866-579-7172 CA" })).toBe("netflix");
  });

  it("MerchantResolver joins descriptor-only rows and entity-only rows to the merchant_name of another row", () => {
    const r = new MerchantResolver();
    const rows = [
      { merchant_entity_id: "ENT_NFLX", merchant_name: "Netflix", name: "Netflix.com" },
      { merchant_entity_id: null, merchant_name: null, name: "NETFLIX.COM 866-579-7172 CA" },
      { merchant_entity_id: "ENT_NFLX", merchant_name: null, name: "NFLX DIGITAL" },
      { merchant_entity_id: null, merchant_name: "Spotify", name: "Spotify" },
      { merchant_entity_id: null, merchant_name: null, name: "SPOTIFY P0C1D2E3 STOCKHOLM" },
      { merchant_entity_id: "ENT_OTHER", merchant_name: null, name: "SOMETHING ELSE" },
    ];
    for (const t of rows) r.learn(t);
    expect(rows.map((t) => r.key(t))).toEqual(["netflix", "netflix", "netflix", "spotify", "spotify", "ent:ENT_OTHER"]);
  });
});
