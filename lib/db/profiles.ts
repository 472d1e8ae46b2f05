/**
 * The profile JSON of DESIGN.md for one user: operators (and the system) get every recommendation
 * with its trace; a customer gets their own approved recommendations without traces.
 */
import "server-only";
import { assertSelfOrOperator, type Actor } from "./actor";
import { getUserDetail, recommendationTraces } from "./user-detail";
import { getCustomerView } from "./customer-view";
import { buildProfile } from "../core/profile-json";

export async function getProfile(actor: Actor, userId: string, asOf?: string) {
  assertSelfOrOperator(actor, userId);
  if (actor.role === "customer") {
    const v = await getCustomerView(actor, userId, asOf);
    return buildProfile({
      user_id: v.user.id,
      as_of: v.asOf,
      consent: { granted: v.user.consentGranted, at: v.user.consentAt },
      signals: { "30d": v.windows["30d"].signals ?? undefined, "180d": v.windows["180d"].signals ?? undefined },
      personas: {},
      recommendations: v.recommendations.map((r, rank) => ({ ...r, status: "approved", rank, trace: null })),
      includeTrace: false,
    });
  }
  const d = await getUserDetail(actor, userId, asOf);
  const traces = d.asOf ? await recommendationTraces(actor, userId, d.asOf) : new Map();
  return buildProfile({
    user_id: d.user.id,
    as_of: d.asOf,
    consent: { granted: d.user.consentGranted, at: d.user.consentAt },
    signals: { "30d": d.windows["30d"].signals ?? undefined, "180d": d.windows["180d"].signals ?? undefined },
    personas: { "30d": d.windows["30d"].persona ?? undefined, "180d": d.windows["180d"].persona ?? undefined },
    recommendations: d.recommendations.map((r) => ({ ...r, trace: traces.get(r.id) ?? null })),
    includeTrace: true,
  });
}
