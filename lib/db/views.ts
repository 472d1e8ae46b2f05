import "./server-only";
import { db } from "./client";
import { assertOperator, assertSelfOrOperator, NotFoundError, type Actor } from "./actor";
import { buildProfile } from "../profile";
import type { WindowId, WindowSignals } from "../core/signals/types";
import type { PersonaAssignment } from "../core/personas/types";
import type { DecisionTrace } from "../core/guardrails/trace";

export const PAGE_SIZE = 50;

/** Operators: customers with consent state, latest personas and pending review counts. */
export async function listUsers(actor: Actor, opts: { q?: string; persona?: string; page?: number } = {}) {
  assertOperator(actor);
  const p = db();
  const page = Math.max(1, opts.page ?? 1);
  const where = {
    role: "customer",
    ...(opts.q ? { OR: [{ name: { contains: opts.q } }, { email: { contains: opts.q.toLowerCase() } }, { id: { contains: opts.q } }] } : {}),
    ...(opts.persona ? { personas: { some: { primary: opts.persona === "none" ? null : opts.persona } } } : {}),
  };
  const [total, users] = await Promise.all([
    p.user.count({ where }),
    p.user.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, name: true, email: true, consentGranted: true,
        personas: { select: { window: true, asOf: true, primary: true }, orderBy: { asOf: "desc" }, take: 2 },
        _count: { select: { recommendations: { where: { status: "pending" } } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageSize: PAGE_SIZE,
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      consentGranted: u.consentGranted,
      persona30d: u.personas.find((x) => x.window === "30d")?.primary ?? null,
      persona180d: u.personas.find((x) => x.window === "180d")?.primary ?? null,
      pendingCount: u._count.recommendations,
    })),
  };
}

export interface UserDetail {
  user: { id: string; name: string; email: string; consentGranted: boolean; consentAt: string | null; ageBand: string | null; incomeTier: string | null; region: string | null };
  asOf: string | null;
  accounts: { id: string; type: string; subtype: string | null; name: string; mask: string | null; currentCents: number | null; limitCents: number | null; holderCategory: string | null }[];
  windows: Record<WindowId, { signals: WindowSignals | null; persona: { primary: string | null; overridden: boolean; assignment: PersonaAssignment | null } | null }>;
  recommendations: {
    id: string; window: string; kind: string; itemId: string; title: string; rationale: string; disclosure: string; status: string; rank: number; generator: string;
    trace: DecisionTrace | null; createdAt: string;
  }[];
  consentEvents: { granted: boolean; source: string; at: string }[];
  actions: { id: string; action: string; note: string | null; operatorId: string; recommendationId: string | null; before: unknown; after: unknown; at: string }[];
}

/**
 * One user's page: the operator sees everything (all recommendation statuses, traces, the
 * audit); the customer sees only their own data, approved recommendations, no operator notes.
 */
export async function getUserDetail(actor: Actor, userId: string, asOfWanted?: string): Promise<UserDetail> {
  assertSelfOrOperator(actor, userId);
  const operator = actor.role === "operator";
  const p = db();
  const user = await p.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, consentGranted: true, consentAt: true, ageBand: true, incomeTier: true, region: true },
  });
  if (!user || user.role !== "customer") throw new NotFoundError("no such customer");
  const latest = asOfWanted ?? (await p.signalSnapshot.findFirst({ where: { userId }, orderBy: { asOf: "desc" }, select: { asOf: true } }))?.asOf ?? null;
  const [accounts, snaps, personas, recs, events, actions] = await Promise.all([
    p.account.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, type: true, subtype: true, name: true, mask: true, currentCents: true, limitCents: true, holderCategory: true } }),
    latest ? p.signalSnapshot.findMany({ where: { userId, asOf: latest } }) : Promise.resolve([]),
    latest ? p.personaAssignment.findMany({ where: { userId, asOf: latest } }) : Promise.resolve([]),
    latest
      ? p.recommendation.findMany({ where: { userId, asOf: latest, ...(operator ? {} : { status: "approved" }) }, orderBy: [{ window: "asc" }, { kind: "asc" }, { rank: "asc" }] })
      : Promise.resolve([]),
    p.consentEvent.findMany({ where: { userId }, orderBy: { at: "desc" }, select: { granted: true, source: true, at: true } }),
    operator ? p.operatorAction.findMany({ where: { userId }, orderBy: { at: "desc" }, take: 100 }) : Promise.resolve([]),
  ]);
  const windows = {} as UserDetail["windows"];
  for (const w of ["30d", "180d"] as WindowId[]) {
    const s = snaps.find((x) => x.window === w);
    const pa = personas.find((x) => x.window === w);
    windows[w] = {
      signals: s ? (JSON.parse(s.dataJson) as WindowSignals) : null,
      persona: pa ? { primary: pa.primary, overridden: !!pa.overriddenBy, assignment: JSON.parse(pa.matchedJson) as PersonaAssignment } : null,
    };
  }
  return {
    user: { id: user.id, name: user.name, email: user.email, consentGranted: user.consentGranted, consentAt: user.consentAt?.toISOString() ?? null, ageBand: user.ageBand, incomeTier: user.incomeTier, region: user.region },
    asOf: latest,
    accounts,
    windows,
    recommendations: recs.map((r) => ({
      id: r.id, window: r.window, kind: r.kind, itemId: r.itemId, title: r.title, rationale: r.rationale, disclosure: r.disclosure, status: r.status, rank: r.rank,
      generator: r.generator, trace: operator ? (JSON.parse(r.traceJson) as DecisionTrace) : null, createdAt: r.createdAt.toISOString(),
    })),
    consentEvents: events.map((e) => ({ granted: e.granted, source: e.source, at: e.at.toISOString() })),
    actions: actions.map((a) => ({
      id: a.id, action: a.action, note: a.note, operatorId: a.operatorId, recommendationId: a.recommendationId,
      before: a.beforeJson ? JSON.parse(a.beforeJson) : null, after: a.afterJson ? JSON.parse(a.afterJson) : null, at: a.at.toISOString(),
    })),
  };
}

/** Operators: recommendations waiting for a decision (or with another status), oldest first. */
export async function reviewQueue(actor: Actor, opts: { status?: string; take?: number } = {}) {
  assertOperator(actor);
  const recs = await db().recommendation.findMany({
    where: { status: opts.status ?? "pending" },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }, { window: "asc" }, { rank: "asc" }],
    take: opts.take ?? 100,
    select: { id: true, userId: true, window: true, asOf: true, kind: true, title: true, rationale: true, status: true, generator: true, user: { select: { name: true } } },
  });
  return recs.map((r) => ({ ...r, userName: r.user.name }));
}

/** The DESIGN.md profile JSON (customers: approved recommendations, no traces). */
export async function getProfile(actor: Actor, userId: string, asOf?: string) {
  const d = await getUserDetail(actor, userId, asOf);
  return buildProfile({
    user_id: d.user.id,
    as_of: d.asOf,
    consent: { granted: d.user.consentGranted, at: d.user.consentAt },
    signals: { "30d": d.windows["30d"].signals ?? undefined, "180d": d.windows["180d"].signals ?? undefined },
    personas: {
      "30d": d.windows["30d"].persona ?? undefined,
      "180d": d.windows["180d"].persona ?? undefined,
    },
    recommendations: d.recommendations,
    includeTrace: actor.role === "operator",
  });
}
