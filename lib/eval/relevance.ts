/**
 * Relevance of one recommendation to its user, from its trace, the catalog's tags and the user's
 * signals. Relevant = (1) the persona tag that earned the item its place (trace.persona.item_persona)
 * is one of the user's personas, or "general"; and (2) each of the item's signal tags holds: the user
 * has what the tag is about (the recommender's own rule, TAG_SUBJECTS in lib/core/recommend/relevance.ts: a
 * utilization explainer needs a card with a known utilization, a free-trial guide a subscription, an overdraft
 * guide an overdraft fee). A user with no persona only gets general items, so (2)
 * is what keeps their items about things they have. Stricter, reported beside it: every signal tag
 * is notable for the user by the recommender's own rule (TAG_DEFINITIONS[tag].active).
 */
import { type Catalog, type OfferKind, type SignalTag } from "../core/recommend";
import { tagMisses } from "../core/recommend/relevance";
import { TAG_DEFINITIONS } from "../core/recommend/tags";
import type { WindowSignals } from "../core/signals";
import type { EvalRecommendation } from "./types";

export interface CatalogEntry {
  persona_tags: readonly string[];
  signal_tags: readonly SignalTag[];
  offer_kind: OfferKind | null;
  /** Offer eligibility reads a minimum monthly income (for the fairness sentences). */
  income_gated: boolean;
}
export type CatalogIndex = Map<string, CatalogEntry>;

export function catalogIndex(c: Catalog): CatalogIndex {
  const out: CatalogIndex = new Map();
  for (const e of c.education) out.set(e.id, { persona_tags: e.persona_tags, signal_tags: e.signal_tags, offer_kind: null, income_gated: false });
  for (const o of c.offers) {
    out.set(o.id, {
      persona_tags: o.persona_tags,
      signal_tags: o.signal_tags,
      offer_kind: o.kind,
      income_gated: o.eligibility.min_monthly_income_cents !== undefined,
    });
  }
  return out;
}

/** What fairness needs of the catalog: offer kinds, which read income, and whom each kind is for. */
export function offerFacts(c: Catalog) {
  const offerPersonas: Record<string, string[]> = {};
  for (const o of c.offers) offerPersonas[o.kind] = [...new Set([...(offerPersonas[o.kind] ?? []), ...o.persona_tags])];
  return {
    offerKinds: Object.keys(offerPersonas).sort(),
    incomeGatedKinds: new Set(c.offers.filter((o) => o.eligibility.min_monthly_income_cents !== undefined).map((o) => o.kind)),
    offerPersonas,
  };
}

export interface RelevanceResult {
  relevant: boolean;
  misses: string[];
  all_tags_notable: boolean;
}

export function relevance(
  r: Pick<EvalRecommendation, "itemId" | "trace">,
  w: WindowSignals,
  personas: { primary: string | null; matched: readonly string[] },
  item: CatalogEntry | undefined,
): RelevanceResult {
  const misses: string[] = [];
  const tag = r.trace?.persona.item_persona ?? null;
  const mine = new Set([...personas.matched, ...(personas.primary ? [personas.primary] : [])]);
  if (tag !== "general" && !(tag !== null && mine.has(tag))) {
    misses.push(`persona tag "${tag ?? "none"}" is not one of the user's personas (${[...mine].join(", ") || "none"})`);
  }
  if (!item) return { relevant: false, misses: [...misses, `item "${r.itemId}" is not in the catalog`], all_tags_notable: false };
  misses.push(...tagMisses(item.signal_tags, w));
  return { relevant: misses.length === 0, misses, all_tags_notable: item.signal_tags.every((t) => TAG_DEFINITIONS[t].active(w)) };
}
