import { describe, expect, it } from "vitest";
import { compare, normalizeRatio } from "./compare";

describe("compare", () => {
  it("null and NaN never meet a comparison", () => {
    for (const c of [">=", ">", "<", "<=", "=="] as const) {
      expect(compare(null, c, 1)).toBe(false);
      expect(compare(Number.NaN, c, 1)).toBe(false);
    }
  });
  it("float noise does not flip a boundary, a real difference does", () => {
    expect(compare(2_500 / 5_000 - 1e-12, ">=", 0.5)).toBe(true);
    expect(compare(0.499, ">=", 0.5)).toBe(false);
    expect(compare(0.3, "<", 0.3)).toBe(false);
    expect(normalizeRatio(0.1 + 0.2)).toBe(0.3);
  });
});
