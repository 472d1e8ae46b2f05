/**
 * Relevance of one recommendation to its user, from its trace, the catalog's tags and the user's
 * signals. Relevant = (1) the persona tag that earned the item its place (trace.persona.item_persona)
 * is one of the user's personas, or "general"; and (2) each of the item's signal tags holds: the user
 * has what the tag is about (TAG_SUBJECTS: a utilization explainer needs a card with a limit, a
 * free-trial guide needs a subscription). A user with no persona only gets general items, so (2)
 * is what keeps their items about things they have. Stricter, reported beside it: every signal tag
 * is notable for the user by the recommender's own rule (TAG_DEFINITIONS[tag].active).
 */
import { type Catalog, type OfferKind, type SignalTag } from "../core/recommend";
import { TAG_DEFINITIONS } from "../core/recommend/tags";
import type { WindowSignals } from "../core/signals";
import type { EvalRecommendation } from "./types";

const hasCard = (w: WindowSignals) => w.credit.card_count > 0;
const hasSubscription = (w: WindowSignals) => w.subscriptions.recurring_merchant_count > 0;
// The income evidence lists the checking accounts read for the cash-flow buffer.
const hasChecking = (w: WindowSignals) => w.income.evidence.account_ids.length > 0 || w.fees.overdraft_fee_count > 0;
const hasIncome = (w: WindowSignals) => w.income.paycheck_count > 0;

/** What each signal tag is about, and whether the user has it. */
export const TAG_SUBJECTS: Record<SignalTag, { about: string; has: (w: WindowSignals) => boolean }> = {
  "credit.utilization": { about: "a credit card with a reported limit", has: (w) => w.credit.cards.some((c) => c.utilization !== null) },
  "credit.interest": { about: "a credit card", has: hasCard },
  "credit.minimum_payment": { about: "a credit card carrying a balance", has: (w) => w.credit.cards.some((c) => (c.balance_cents ?? 0) > 0) },
  "credit.overdue": { about: "a credit card", has: hasCard },
  "subscriptions.count": { about: "a subscription", has: hasSubscription },
  "subscriptions.spend": { about: "a subscription", has: hasSubscription },
  "subscriptions.share": { about: "a subscription", has: hasSubscription },
  "savings.growth": { about: "a savings account", has: (w) => w.savings.has_savings_account },
  "savings.inflow": { about: "a savings account", has: (w) => w.savings.has_savings_account },
  "savings.emergency_fund": { about: "monthly expenses", has: (w) => w.savings.avg_monthly_expenses_cents > 0 },
  "income.variability": { about: "income deposits", has: hasIncome },
  "income.pay_gap": { about: "income deposits", has: hasIncome },
  "income.buffer": { about: "a checking account", has: hasChecking },
  "fees.overdraft": { about: "a checking account", has: hasChecking },
};

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
  for (const t of item.signal_tags) {
    const s = TAG_SUBJECTS[t];
    if (!s.has(w)) misses.push(`${t} is about ${s.about}, which the user does not have`);
  }
  return { relevant: misses.length === 0, misses, all_tags_notable: item.signal_tags.every((t) => TAG_DEFINITIONS[t].active(w)) };
}
