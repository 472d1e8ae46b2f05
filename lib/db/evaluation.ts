/**
 * The evaluation's reads and writes: customers with consent and demographics, the stored results of
 * an as-of date, the pipeline's own load (for the timed re-run), labelled transactions' dates, and the
 * EvaluationRun rows (status, progress, metrics, artifacts). Operators (and the CLI as SYSTEM) only.
 */
import "server-only";
import { db } from "./client";
import { assertOperator, SYSTEM, type Actor } from "./actor";
import { pipelineStore } from "./pipeline-store";
import type { CoreUserData } from "../core/types";
import type { DecisionTrace } from "../core/guardrails/trace";
import type { PersonaAssignment } from "../core/personas/types";
import type { WindowId, WindowSignals } from "../core/signals/types";
import type { Demographics, EvalRecommendation, EvalWindowRecord } from "../eval/types";

export interface EvalCustomer {
  id: string;
  consent: { granted: boolean; at: string | null };
  demographics: Demographics;
}

/** Every customer, in id order, with consent state and demographics. */
export async function listEvalCustomers(actor: Actor): Promise<EvalCustomer[]> {
  assertOperator(actor);
  const users = await db().user.findMany({
    where: { role: "customer" },
    orderBy: { id: "asc" },
    select: { id: true, consentGranted: true, consentAt: true, ageBand: true, incomeTier: true, region: true },
  });
  return users.map((u) => ({
    id: u.id,
    consent: { granted: u.consentGranted, at: u.consentAt?.toISOString() ?? null },
    demographics: { age_band: u.ageBand, income_tier: u.incomeTier, region: u.region },
  }));
}

/** Of these users, those without a complete stored result (signals and persona of both windows) for asOf. */
export async function usersMissingResults(actor: Actor, asOf: string, userIds: string[], windows: readonly WindowId[]): Promise<string[]> {
  assertOperator(actor);
  const complete = new Map<string, number>();
  for (let i = 0; i < userIds.length; i += 500) {
    const ids = userIds.slice(i, i + 500);
    const [snaps, personas] = await Promise.all([
      db().signalSnapshot.findMany({ where: { asOf, userId: { in: ids } }, select: { userId: true, window: true } }),
      db().personaAssignment.findMany({ where: { asOf, userId: { in: ids } }, select: { userId: true, window: true } }),
    ]);
    const have = new Set(personas.map((p) => `${p.userId}\u0000${p.window}`));
    for (const s of snaps) if (have.has(`${s.userId}\u0000${s.window}`)) complete.set(s.userId, (complete.get(s.userId) ?? 0) + 1);
  }
  return userIds.filter((id) => (complete.get(id) ?? 0) < windows.length);
}

function parse<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** The stored signals, personas and recommendations (with traces) of these users for asOf. */
export async function loadStoredResults(actor: Actor, asOf: string, userIds: string[]): Promise<Map<string, Partial<Record<WindowId, EvalWindowRecord>>>> {
  assertOperator(actor);
  const p = db();
  const where = { asOf, userId: { in: userIds } };
  const [snaps, personas, recs, feedback] = await Promise.all([
    p.signalSnapshot.findMany({ where, select: { userId: true, window: true, dataJson: true } }),
    p.personaAssignment.findMany({ where, select: { userId: true, window: true, primary: true, matchedJson: true, overriddenBy: true } }),
    p.recommendation.findMany({ where, orderBy: [{ userId: "asc" }, { window: "asc" }, { kind: "asc" }, { rank: "asc" }] }),
    p.suggestionFeedback.findMany({ where: { userId: { in: userIds } }, select: { recommendationId: true, helpful: true } }),
  ]);
  const helpful = new Map(feedback.map((f) => [f.recommendationId, f.helpful]));
  const out = new Map<string, Partial<Record<WindowId, EvalWindowRecord>>>();
  const slot = (userId: string, w: string): EvalWindowRecord => {
    const m = out.get(userId) ?? out.set(userId, {}).get(userId)!;
    return (m[w as WindowId] ??= { signals: null, persona: null, recommendations: [] });
  };
  for (const s of snaps) slot(s.userId, s.window).signals = parse<WindowSignals>(s.dataJson);
  for (const pa of personas) {
    slot(pa.userId, pa.window).persona = { primary: pa.primary, overridden: pa.overriddenBy !== null, assignment: parse<PersonaAssignment>(pa.matchedJson) };
  }
  for (const r of recs) {
    slot(r.userId, r.window).recommendations.push({
      id: r.id, window: r.window as WindowId, kind: r.kind as EvalRecommendation["kind"], itemId: r.itemId, title: r.title, rationale: r.rationale,
      disclosure: r.disclosure, status: r.status, rank: r.rank, generator: r.generator, trace: parse<DecisionTrace>(r.traceJson),
      helpful: helpful.get(r.id) ?? null,
    });
  }
  return out;
}

/** The pipeline's own read of one user's rows (the timed re-run starts here). */
export async function loadPipelineInput(actor: Actor, userId: string, asOf: string): Promise<CoreUserData> {
  assertOperator(actor);
  return pipelineStore(SYSTEM).load(userId, asOf);
}

/** Dates of some of a user's transactions (the labelled ones), id -> YYYY-MM-DD. */
export async function transactionDates(actor: Actor, userId: string, ids: string[]): Promise<Record<string, string>> {
  assertOperator(actor);
  const out: Record<string, string> = {};
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db().transaction.findMany({ where: { userId, id: { in: ids.slice(i, i + 500) } }, select: { id: true, date: true } });
    for (const r of rows) out[r.id] = r.date;
  }
  return out;
}
