/**
 * The pipeline for one user: consent gate -> load rows -> signals (both windows) -> personas ->
 * recommendations with guardrails and traces -> stored in one database transaction.
 * Operator decisions survive re-runs: an approved, rejected or flagged recommendation is never
 * rewritten; pending ones are refreshed; pending ones no longer recommended are removed.
 */
import "server-only";
import { createHash } from "node:crypto";
import { pipelineStore } from "./db/pipeline-store";
import { ConsentRevoked } from "./db/pipeline-plan";
import { SYSTEM } from "./db/actor";
import { latestAsOf } from "./db/as-of";
import { computeSignals } from "./core/signals";
import { WINDOW_IDS, type WindowId, type WindowSignals } from "./core/signals/types";
import { assignPersonas } from "./core/personas";
import type { PersonaAssignment } from "./core/personas/types";
import { recommendWithTrace } from "./core/recommend";
import type { RecommendationResult } from "./core/recommend/types";
import { canProcess } from "./core/guardrails";
import { getCatalog } from "./content";
import { phraseBatch, applyPhrasing } from "./ai/phrase";
import type { RecommendationDraft } from "./core/recommend/types";

/** Env switch for demos: new recommendations start approved instead of waiting for review. */
export const autoApprove = () => process.env.AUTO_APPROVE_RECOMMENDATIONS === "1";

export interface PipelineOutcome {
  user_id: string;
  status: "processed" | "skipped";
  reason?: string;
  windows?: Record<WindowId, { primary: string | null; recommendations: number }>;
  timings_ms?: { load: number; compute: number; store: number };
}

export interface ComputedUser {
  signals: Record<WindowId, WindowSignals>;
  personas: Record<WindowId, PersonaAssignment>;
  recommendations: Record<WindowId, RecommendationResult>;
}

/** Pure part: what the pipeline computes for one user's data (no database). */
export function computeUser(data: Parameters<typeof computeSignals>[0], asOf: string, now: string): ComputedUser {
  const sig = computeSignals(data, asOf);
  const held = data.accounts.map((a) => ({ account_id: a.account_id, type: a.type, subtype: a.subtype }));
  const catalog = getCatalog();
  const out = { signals: {}, personas: {}, recommendations: {} } as ComputedUser;
  for (const w of WINDOW_IDS) {
    const window = sig.windows[w];
    const personas = assignPersonas(window);
    out.signals[w] = window;
    out.personas[w] = personas;
    out.recommendations[w] = recommendWithTrace({ user_id: data.user_id, window, personas, accounts: held, catalog, now });
  }
  return out;
}

/**
 * opts.signalsOnly: compute and store the signals of both windows and stop (personas and
 * recommendations stay as they were); the profile shows the new signals at once.
 */
export async function runPipelineForUser(userId: string, asOf: string, opts: { now?: Date; signalsOnly?: boolean } = {}): Promise<PipelineOutcome> {
  // The pipeline is a system process: whoever asked for it was authorized by its caller (a CLI, a job, the consent action).
  const store = pipelineStore(SYSTEM);
  const nowDate = opts.now ?? new Date();
  const now = nowDate.toISOString();
  const t0 = performance.now();
  const user = await store.consent(userId);
  if (!user || user.role !== "customer") return { user_id: userId, status: "skipped", reason: "no such customer" };
  // consent_at is set by every consent event; without one there is no consent record at all.
  const consent = canProcess(user.at ? { granted: user.granted, at: user.at } : null);
  if (!consent.allowed) return { user_id: userId, status: "skipped", reason: consent.code };
  const data = await store.load(userId, asOf);
  const t1 = performance.now();
  if (opts.signalsOnly) {
    const sig = computeSignals(data, asOf);
    const t2s = performance.now();
    await store.storeSignals({ userId, asOf, now: nowDate, snapshots: WINDOW_IDS.map((w) => ({ userId, window: w, asOf, dataJson: JSON.stringify(sig.windows[w]) })) });
    return { user_id: userId, status: "processed", timings_ms: { load: t1 - t0, compute: t2s - t1, store: performance.now() - t2s } };
  }
  const c = computeUser(data, asOf, now);
  // Text goes through the AI SDK: OpenAI when OPENAI_API_KEY is set, else the local provider that
  // renders the grounded template. Output that fails a check falls back to the template (traced).
  const all = WINDOW_IDS.flatMap((w) => c.recommendations[w].drafts);
  const phrased = await phraseDrafts(all, now);
  let k = 0;
  for (const w of WINDOW_IDS) c.recommendations[w].drafts = phrased.slice(k, (k += c.recommendations[w].drafts.length));
  const t2 = performance.now();
  const status = autoApprove() ? "approved" : "pending";
  await store.store({
    userId,
    asOf,
    now: nowDate,
    snapshots: WINDOW_IDS.map((w) => ({ userId, window: w, asOf, dataJson: JSON.stringify(c.signals[w]) })),
    personas: WINDOW_IDS.map((w) => ({ userId, window: w, asOf, primary: c.personas[w].primary, matchedJson: JSON.stringify(c.personas[w]) })),
    recommendations: WINDOW_IDS.flatMap((w) =>
      c.recommendations[w].drafts.map((d) => ({
        id: recommendationId(userId, w, asOf, d.item_id), userId, window: w, asOf, itemId: d.item_id, status, kind: d.kind, title: d.title,
        rationale: d.rationale, disclosure: d.disclosure, rank: d.rank, generator: d.trace.generator ?? "template", traceJson: JSON.stringify(d.trace),
        facts: d.trace.facts,
      })),
    ),
  });
  const t3 = performance.now();
  return {
    user_id: userId,
    status: "processed",
    windows: Object.fromEntries(WINDOW_IDS.map((w) => [w, { primary: c.personas[w].primary, recommendations: c.recommendations[w].drafts.length }])) as PipelineOutcome["windows"],
    timings_ms: { load: t1 - t0, compute: t2 - t1, store: t3 - t2 },
  };
}

/** Stable id of a recommendation: the same user, window, as-of and item always get the same id. */
export function recommendationId(userId: string, window: string, asOf: string, itemId: string): string {
  return "rec_" + createHash("sha256").update(`${userId}\u0000${window}\u0000${asOf}\u0000${itemId}`).digest("base64url").slice(0, 22);
}

/** Phrases a user's drafts through the AI layer in one model call; the eligible set is the user's offers. */
export async function phraseDrafts(drafts: RecommendationDraft[], now: string): Promise<RecommendationDraft[]> {
  const eligibleTitles = drafts.filter((x) => x.kind === "offer").map((x) => x.title);
  const results = await phraseBatch({ drafts, eligibleTitles });
  return drafts.map((d, i) => applyPhrasing(d, results[i], now));
}

export { ConsentRevoked };

/** Every consenting customer (or one), in id order. */
export async function runPipeline(asOf: string, opts: { userId?: string; now?: Date; signalsOnly?: boolean; onUser?: (o: PipelineOutcome) => void } = {}): Promise<PipelineOutcome[]> {
  const ids = await pipelineStore(SYSTEM).customerIds(opts.userId);
  const out: PipelineOutcome[] = [];
  for (const id of ids) {
    let o: PipelineOutcome;
    try {
      o = await runPipelineForUser(id, asOf, opts);
    } catch (e) {
      if (!(e instanceof ConsentRevoked)) throw e;
      o = { user_id: id, status: "skipped", reason: "CONSENT_REVOKED" };
    }
    opts.onUser?.(o);
    out.push(o);
  }
  return out;
}

/** The as-of date the app uses when none is given: AS_OF, else the latest date the pipeline ran for. */
export async function defaultAsOf(): Promise<string | null> {
  return process.env.AS_OF || (await latestAsOf(SYSTEM));
}
