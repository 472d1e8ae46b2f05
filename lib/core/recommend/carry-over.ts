/**
 * Operator decisions survive re-runs (issue 10): when the pipeline produces the same catalog item
 * for the same user and window with the same facts as an item an operator already decided, the
 * decision carries over; when the facts changed, the item returns to the review queue with a diff.
 * "The same facts" = the same fact keys with the same displayed values ("68%", "$3,400"): what the
 * customer would read. Pure: the store applies the plan inside its transaction.
 */
import type { Fact } from "../shared/types";

/** Statuses that record an operator's decision (pending is not a decision). */
export const DECIDED_STATUSES = ["approved", "rejected", "flagged"] as const;
export type DecidedStatus = (typeof DECIDED_STATUSES)[number];

export interface PriorDecision {
  id: string;
  window: string;
  itemId: string;
  asOf: string;
  status: DecidedStatus;
  facts: Fact[];
}

export interface FactChange {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
}

export type CarryPlan =
  | { kind: "new" }
  | { kind: "carry"; from: PriorDecision }
  | { kind: "changed"; from: PriorDecision; changes: FactChange[] };

/** Canonical form of a fact list: what "the same facts" compares. */
export function factsSignature(facts: readonly Fact[]): string {
  return JSON.stringify([...facts].map((f) => [f.key, f.display]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** What changed between two fact lists, by key (added, removed, or a different displayed value). */
export function diffFacts(before: readonly Fact[], after: readonly Fact[]): FactChange[] {
  const prev = new Map(before.map((f) => [f.key, f]));
  const next = new Map(after.map((f) => [f.key, f]));
  const keys = [...new Set([...prev.keys(), ...next.keys()])].sort();
  const out: FactChange[] = [];
  for (const key of keys) {
    const b = prev.get(key);
    const a = next.get(key);
    if (b && a && b.display === a.display) continue;
    out.push({ key, label: (a ?? b)!.label, before: b?.display ?? null, after: a?.display ?? null });
  }
  return out;
}

/**
 * For one newly computed item: the latest prior decision on the same (window, item) decides.
 * `priors` may hold several as-of dates; the newest wins.
 */
export function planCarryOver(item: { window: string; itemId: string; facts: readonly Fact[] }, priors: readonly PriorDecision[]): CarryPlan {
  let from: PriorDecision | null = null;
  for (const p of priors) if (p.window === item.window && p.itemId === item.itemId && (!from || p.asOf > from.asOf)) from = p;
  if (!from) return { kind: "new" };
  const changes = diffFacts(from.facts, item.facts);
  return changes.length === 0 ? { kind: "carry", from } : { kind: "changed", from, changes };
}
