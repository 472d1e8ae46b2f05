/**
 * What the explanation stream reads: one user's approved recommendations of their latest as-of
 * date, with the facts of each (stored inside the decision trace, which getUserDetail hides from
 * customers). The facts are read here only to check model text; they are not sent to the client.
 */
import "../db/server-only";
import { assertSelfOrOperator, NotFoundError, type Actor } from "../db/actor";
import { db } from "../db/client";
import type { DecisionTrace } from "../core/guardrails/trace";
import type { Fact, RecommendationKind } from "../core/shared/types";

export interface StreamableRecommendation {
  id: string;
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
  // The same as-of date the user's page shows (getUserDetail: the latest signal snapshot).
  const latest = await p.signalSnapshot.findFirst({ where: { userId }, orderBy: { asOf: "desc" }, select: { asOf: true } });
  if (!latest) return [];
  const recs = await p.recommendation.findMany({
    where: { userId, asOf: latest.asOf, status: "approved" },
    orderBy: [{ window: "asc" }, { kind: "asc" }, { rank: "asc" }],
    select: { id: true, kind: true, title: true, rationale: true, traceJson: true },
  });
  return recs.map((r) => {
    let facts: Fact[] = [];
    try {
      facts = (JSON.parse(r.traceJson) as Partial<DecisionTrace>).facts ?? [];
    } catch {
      facts = [];
    }
    return { id: r.id, kind: r.kind === "offer" ? "offer" : "education", title: r.title, rationale: r.rationale, facts };
  });
}
