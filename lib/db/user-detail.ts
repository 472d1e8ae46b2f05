/** Operators: everything about one customer, for the console's user page and the profile JSON. */
import "server-only";
import { db } from "./client";
import { assertOperator, NotFoundError, type Actor } from "./actor";
import { latestAsOf } from "./as-of";
import { WINDOW_IDS, type WindowSignals } from "../core/signals/types";
import type { PersonaAssignment } from "../core/personas/types";
import type { DecisionTrace } from "../core/guardrails/trace";
import type { UserDetail } from "../types/views";

const parse = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);

export async function getUserDetail(actor: Actor, userId: string, asOfWanted?: string): Promise<UserDetail> {
  assertOperator(actor);
  const p = db();
  const user = await p.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, consentGranted: true, consentAt: true, ageBand: true, incomeTier: true, region: true },
  });
  if (!user || user.role !== "customer") throw new NotFoundError("no such customer");
  const asOf = asOfWanted ?? (await latestAsOf(actor, userId));
  const [accounts, snaps, personas, recs, events, actions] = await Promise.all([
    p.account.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, type: true, subtype: true, name: true, mask: true, currentCents: true, limitCents: true, holderCategory: true } }),
    asOf ? p.signalSnapshot.findMany({ where: { userId, asOf }, select: { window: true, dataJson: true } }) : [],
    asOf ? p.personaAssignment.findMany({ where: { userId, asOf }, select: { window: true, primary: true, overriddenBy: true, matchedJson: true } }) : [],
    asOf
      ? p.recommendation.findMany({
          where: { userId, asOf },
          orderBy: [{ window: "asc" }, { kind: "asc" }, { rank: "asc" }],
          // Not the trace: the page loads one when the operator opens it (getRecommendationTrace).
          select: { id: true, window: true, kind: true, itemId: true, title: true, rationale: true, disclosure: true, status: true, rank: true, generator: true, createdAt: true },
        })
      : [],
    p.consentEvent.findMany({ where: { userId }, orderBy: { at: "desc" }, select: { granted: true, source: true, at: true } }),
    p.operatorAction.findMany({ where: { userId }, orderBy: { at: "desc" }, take: 100, include: { operator: { select: { name: true } } } }),
  ]);
  const windows = {} as UserDetail["windows"];
  for (const w of WINDOW_IDS) {
    const s = snaps.find((x) => x.window === w);
    const pa = personas.find((x) => x.window === w);
    windows[w] = {
      signals: s ? parse<WindowSignals>(s.dataJson) : null,
      persona: pa ? { primary: pa.primary, overridden: !!pa.overriddenBy, assignment: parse<PersonaAssignment>(pa.matchedJson) } : null,
    };
  }
  return {
    user: { id: user.id, name: user.name, email: user.email, consentGranted: user.consentGranted, consentAt: user.consentAt?.toISOString() ?? null, ageBand: user.ageBand, incomeTier: user.incomeTier, region: user.region },
    asOf,
    accounts,
    windows,
    recommendations: recs.map((r) => ({
      id: r.id, window: r.window, kind: r.kind, itemId: r.itemId, title: r.title, rationale: r.rationale, disclosure: r.disclosure, status: r.status, rank: r.rank,
      generator: r.generator, createdAt: r.createdAt.toISOString(),
    })),
    consentEvents: events.map((e) => ({ granted: e.granted, source: e.source, at: e.at.toISOString() })),
    actions: actions.map((a) => ({
      id: a.id, action: a.action, note: a.note, operatorId: a.operatorId, operatorName: a.operator.name, recommendationId: a.recommendationId,
      before: parse(a.beforeJson), after: parse(a.afterJson), at: a.at.toISOString(),
    })),
  };
}

/** Operators: one recommendation's decision trace, with the customer's account names by id (the trace's signal paths name accounts by id). */
export async function getRecommendationTrace(actor: Actor, recommendationId: string): Promise<{ trace: DecisionTrace | null; accounts: Record<string, string> }> {
  assertOperator(actor);
  const r = await db().recommendation.findUnique({ where: { id: recommendationId }, select: { traceJson: true, userId: true } });
  if (!r) throw new NotFoundError("no such recommendation");
  const accounts = await db().account.findMany({ where: { userId: r.userId }, select: { id: true, name: true, mask: true } });
  return { trace: parse<DecisionTrace>(r.traceJson), accounts: Object.fromEntries(accounts.map((a) => [a.id, a.mask ? `${a.name} ••${a.mask}` : a.name])) };
}

/** Operators: the decision traces of a customer's recommendations at an as-of, by recommendation id (the profile JSON). */
export async function recommendationTraces(actor: Actor, userId: string, asOf: string): Promise<Map<string, DecisionTrace | null>> {
  assertOperator(actor);
  const rows = await db().recommendation.findMany({ where: { userId, asOf }, select: { id: true, traceJson: true } });
  return new Map(rows.map((r) => [r.id, parse<DecisionTrace>(r.traceJson)]));
}
