import { describe, expect, it } from "vitest";
import { fastTransaction } from "./fast";
import { BundleTransactionSchema } from "../core/plaid";
import { transactionRow } from "../core/rows";
import { generateBundle } from "../generator";

/** Deterministic mutations that probe every field's edge. */
const MUTATIONS: Record<string, unknown[]> = {
  transaction_id: ["", " t1", "t1 ", 5, null, undefined, "x".repeat(201), "x".repeat(200)],
  account_id: ["", 7, null, undefined, " a"],
  date: ["2026-02-30", "2026-2-3", "2024-02-29", "2025-02-29", null, 20260101, "2026-12-31T00:00:00Z"],
  authorized_date: [null, undefined, "2026-13-01", "2026-01-01", ""],
  amount: [NaN, Infinity, "1.00", 20_000_000, 20_000_000.01, -20_000_000, 0, -0.004, null, undefined],
  iso_currency_code: [null, undefined, "usd", "USDX", "EUR", 840],
  name: ["", null, undefined, "x".repeat(500), "x".repeat(501), 3],
  merchant_name: [null, undefined, "", "x".repeat(201), 1],
  merchant_entity_id: [null, undefined, "", false],
  payment_channel: ["online", "in store", "other", "in_store", null, undefined],
  personal_finance_category: [null, undefined, {}, { primary: "A", detailed: "" }, { primary: "A", detailed: "A_B", confidence_level: null }, { primary: "A", detailed: "A_B", extra: 1 }, [], "FOOD"],
  pending: [true, false, "true", 0, null, undefined],
  pending_transaction_id: [null, undefined, "", 9],
  unknown_extra: [{ nested: true }, null],
};

describe("fastTransaction", () => {
  it("accepts exactly what zod accepts, with the same stored row, on generated data and every mutation", () => {
    const { bundle } = generateBundle({ users: 3, seed: 7, months: 3, asOf: "2026-11-01" });
    let compared = 0;
    let fastHits = 0;
    const check = (v: unknown) => {
      const fast = fastTransaction(v);
      const slow = BundleTransactionSchema.safeParse(v);
      if (fast) {
        fastHits++;
        expect(slow.success).toBe(true);
        if (slow.success) expect(transactionRow(fast, "u")).toEqual(transactionRow(slow.data, "u"));
      }
      compared++;
    };
    for (const t of bundle.transactions) check(t);
    const base = bundle.transactions[0] as Record<string, unknown>;
    for (const [field, values] of Object.entries(MUTATIONS)) {
      for (const value of values) {
        const m = { ...base };
        if (value === undefined) delete m[field];
        else m[field] = value;
        check(m);
      }
    }
    for (const v of [null, 3, "x", [], [base]]) check(v);
    expect(compared).toBeGreaterThan(bundle.transactions.length);
    expect(fastHits).toBeGreaterThanOrEqual(bundle.transactions.length); // every generated transaction takes the fast path
  });
});
