/**
 * How every stage compares a value with a rule's threshold (persona rules, notable signal tags,
 * offer eligibility): one function, so a boundary means the same thing everywhere.
 */

export type Comparator = ">=" | ">" | "<" | "<=" | "==";

/**
 * Ratios are compared after rounding to this many decimals, so floating-point noise in the
 * engine's division (0.49999999999 for 2,500/5,000) cannot flip a boundary. 0.499 stays 0.499.
 */
export const RATIO_COMPARE_DECIMALS = 6;

const SCALE = 10 ** RATIO_COMPARE_DECIMALS;

/** Rounds a ratio to RATIO_COMPARE_DECIMALS decimals (removes float noise, keeps 0.499 as 0.499). */
export function normalizeRatio(v: number): number {
  return Math.round(v * SCALE) / SCALE;
}

/**
 * value <comparator> threshold, with ratios compared at RATIO_COMPARE_DECIMALS. A null or
 * non-finite value never meets a comparison.
 */
export function compare(value: number | null | undefined, comparator: Comparator, threshold: number): boolean {
  if (value === null || value === undefined || !Number.isFinite(value)) return false;
  const v = normalizeRatio(value);
  const t = normalizeRatio(threshold);
  switch (comparator) {
    case ">=":
      return v >= t;
    case ">":
      return v > t;
    case "<":
      return v < t;
    case "<=":
      return v <= t;
    case "==":
      return v === t;
  }
}
