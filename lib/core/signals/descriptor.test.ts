import { describe, expect, it } from "vitest";
import { MerchantResolver, merchantKey, normalizeDescriptor, reduceDescriptor } from "./descriptor";

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
    expect(normalizeDescriptor("ACME CORP PAYROLL PPD ID: 1234567890")).toBe("acme");
    expect(normalizeDescriptor("ACH DEPOSIT ACME CORP PAYROLL PPD ID: 1234567890")).toBe("acme");
    expect(normalizeDescriptor("ACME CORP DIRECT DEP")).toBe("acme");
    expect(normalizeDescriptor("DIRECT DEPOSIT ACME CORP")).toBe("acme");
    expect(normalizeDescriptor("ACME CORP DES:PAYROLL ID:XXXX INDN:DOE JOHN CO ID:123 PPD")).toBe("acme");
  });

  it("keeps & (AT&T) and never returns an empty key", () => {
    expect(normalizeDescriptor("AT&T")).toBe("at&t");
    expect(normalizeDescriptor("12345")).toBe("12345");
  });
});

describe("reduceDescriptor (the memo key)", () => {
  it("drops the words that carry digits, keeps separators, dates and digit-free strings", () => {
    expect(reduceDescriptor("AMZN Mktp US*F3X862NBM")).toBe("AMZN Mktp US*");
    expect(reduceDescriptor("AMZN Mktp US*5XQ9CRV03")).toBe("AMZN Mktp US*");
    expect(reduceDescriptor("SQ *BLUE BOTTLE 1234")).toBe("SQ *BLUE BOTTLE ");
    expect(reduceDescriptor("PURCHASE AUTHORIZED ON 01/02 NETFLIX")).toBe("PURCHASE AUTHORIZED ON 01/02 NETFLIX");
    const netflix = "NETFLIX.COM";
    expect(reduceDescriptor(netflix)).toBe(netflix);
  });

  it("rows that differ only in their reference codes share one key", () => {
    expect(normalizeDescriptor("Online Transfer to SAV ...4321 transaction#: 12345678901")).toBe("transfer to sav transaction");
    expect(normalizeDescriptor("Online Transfer to SAV ...4321 transaction#: 99999999999")).toBe("transfer to sav transaction");
    // All words carry digits: the digits are stripped from the words instead.
    expect(normalizeDescriptor("7-ELEVEN 12345")).toBe("eleven");
    expect(normalizeDescriptor("PURCHASE AUTHORIZED ON 01/02 NETFLIX")).toBe("netflix");
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
      // The same variant seen with a merchant_name elsewhere: "HBO Max" is Max.
      { merchant_entity_id: null, merchant_name: "Max", name: "HBO Max" },
      { merchant_entity_id: null, merchant_name: null, name: "HBO Max" },
      { merchant_entity_id: "ENT_OTHER", merchant_name: null, name: "SOMETHING ELSE" },
      // Starting with a merchant's name is not enough: Uber One is not an Uber ride.
      { merchant_entity_id: null, merchant_name: "Uber", name: "UBER *TRIP" },
      { merchant_entity_id: null, merchant_name: null, name: "UBER *ONE MEMBERSHIP" },
    ];
    for (const t of rows) r.learn(t);
    expect(rows.map((t) => r.key(t))).toEqual(["netflix", "netflix", "netflix", "max", "max", "ent:ENT_OTHER", "uber", "uber one membership"]);
  });
});
