/**
 * `--enrichment full|partial|none`: how much of Plaid's enrichment the feed keeps. "full" is the generator's
 * usual feed; "partial" drops personal_finance_category and merchant_name (with merchant_entity_id, which only
 * an enriched row carries) from about a third of the transactions; "none" from all of them, as a raw bank feed
 * that no one enriched. The drop draws from its own seeded stream per user, after everything else is drawn, so
 * the transactions (ids, dates, amounts, descriptors) and the labels are the same at every level.
 */
import type { BundleTransaction } from "../core/plaid";
import { Rng, hashSeed } from "./rng";

export const ENRICHMENT_LEVELS = ["full", "partial", "none"] as const;
export type Enrichment = (typeof ENRICHMENT_LEVELS)[number];

/** issue 11: "partial drops personal_finance_category and merchant_name from about a third of transactions". */
export const PARTIAL_ENRICHMENT_DROP_RATE = 1 / 3;

export function isEnrichment(v: string): v is Enrichment {
  return (ENRICHMENT_LEVELS as readonly string[]).includes(v);
}

/** Drops the enrichment of `txs` (one user's, in place) as `level` says. */
export function dropEnrichment(seed: number, userIndex: number, txs: BundleTransaction[], level: Enrichment): void {
  if (level === "full") return;
  const rng = new Rng(hashSeed(seed, userIndex, "enrichment"));
  for (const t of txs) {
    if (level === "partial" && !rng.chance(PARTIAL_ENRICHMENT_DROP_RATE)) continue;
    t.personal_finance_category = null;
    t.merchant_name = null;
    t.merchant_entity_id = null;
  }
}
