/**
 * What the explanation stream reads: one user's approved recommendations of their latest as-of
 * date, with the facts of each (stored inside the decision trace, which the customer's view leaves
 * out). The facts are read here only to check model text; they are not sent to the client.
 */
import "server-only";
import { assertSelfOrOperator, NotFoundError, type Actor } from "./actor";
import { db } from "./client";
import { latestAsOf } from "./as-of";
import type { DecisionTrace } from "../core/guardrails/trace";
import type { Fact, RecommendationKind } from "../core/shared/types";

export interface StreamableRecommendation {
  id: string;
  /** The catalog item (the chat reads its text). */
  itemId: string;
  kind: RecommendationKind;
  title: string;
  /** The stored (template or approved) rationale: the fallback text. */
  rationale: string;
  facts: Fact[];
}

/** 403 unless the actor is the user or an operator; 404 for an unknown or non-customer user. */
export async function approvedRecommendationsWithFacts(actor: Actor, userId: string): Promise<StreamableRecommendation[]> {
  assertSelfOrOperator(actor, userId);
  const p = db();
  const user = await p.user.findUnique({ where: { id: userId }, select: { role: true, consentGranted: true } });
  if (!user || user.role !== "customer") throw new NotFoundError("no such customer");
  if (!user.consentGranted) return [];
  // The same as-of date the user's page shows: the latest the pipeline stored for them.
  const asOf = await latestAsOf(actor, userId);
  if (!asOf) return [];
  const recs = await p.recommendation.findMany({
    where: { userId, asOf, status: "approved" },
    orderBy: [{ window: "asc" }, { kind: "asc" }, { rank: "asc" }],
    select: { id: true, itemId: true, kind: true, title: true, rationale: true, traceJson: true },
  });
  return recs.map((r) => {
    let facts: Fact[] = [];
    try {
      facts = (JSON.parse(r.traceJson) as Partial<DecisionTrace>).facts ?? [];
    } catch {
      facts = [];
    }
    return { id: r.id, itemId: r.itemId, kind: r.kind === "offer" ? "offer" : "education", title: r.title, rationale: r.rationale, facts };
  });
}
