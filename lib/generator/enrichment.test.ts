import { describe, expect, it } from "vitest";
import { generateBundle } from "./index";
import { PARTIAL_ENRICHMENT_DROP_RATE } from "./enrichment";
import { validateOptions } from "./options";

const opts = { users: 20, seed: 7, months: 6, asOf: "2026-11-01" } as const;
const stripped = (t: { personal_finance_category?: unknown; merchant_name?: unknown; merchant_entity_id?: unknown }) =>
  t.personal_finance_category === null && t.merchant_name === null && t.merchant_entity_id === null;

describe("generate --enrichment", () => {
  const full = generateBundle({ ...opts });
  const partial = generateBundle({ ...opts, enrichment: "partial" });
  const none = generateBundle({ ...opts, enrichment: "none" });

  it("keeps the transactions (ids, dates, amounts, descriptors) and the labels at every level", () => {
    const core = (b: typeof full) => b.bundle.transactions.map((t) => [t.transaction_id, t.account_id, t.date, t.amount, t.name, t.pending]);
    expect(core(partial)).toEqual(core(full));
    expect(core(none)).toEqual(core(full));
    expect(partial.labels).toEqual(full.labels);
    expect(none.labels).toEqual(full.labels);
    expect(none.bundle.accounts).toEqual(full.bundle.accounts);
  });

  it("none drops personal_finance_category and merchant_name from every row", () => {
    expect(none.bundle.transactions.every(stripped)).toBe(true);
    expect(full.bundle.transactions.filter(stripped).length).toBeLessThan(full.bundle.transactions.length * 0.05);
  });

  it("partial drops them from about a third of the rows, seeded (the same rows every time)", () => {
    const txs = partial.bundle.transactions;
    const share = txs.filter(stripped).length / txs.length;
    expect(share).toBeGreaterThan(PARTIAL_ENRICHMENT_DROP_RATE - 0.04);
    expect(share).toBeLessThan(PARTIAL_ENRICHMENT_DROP_RATE + 0.06);
    expect(generateBundle({ ...opts, enrichment: "partial" }).bundle).toEqual(partial.bundle);
  });

  it("refuses an unknown level, naming the option", () => {
    expect(() => validateOptions({ ...opts, enrichment: "some" as never })).toThrow("--enrichment must be full, partial or none");
  });
});
