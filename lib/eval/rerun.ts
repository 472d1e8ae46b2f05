/**
 * Per-user pipeline time when results already exist: the evaluation re-runs, in memory, what the
 * pipeline does for one user before its write (load the rows, signals, personas, recommendations
 * with guardrails and traces, phrasing through the AI layer) and times it. The exclusions it sees
 * (ineligible offers, rejected drafts) feed the guardrail counts: the pipeline stores only what it shows.
 */
import { computeUser, phraseDrafts } from "../pipeline";
import { WINDOW_IDS } from "../core/signals";
import { loadPipelineInput } from "../db/evaluation";
import type { Actor } from "../db/actor";
import type { Rerun } from "./types";

export async function timedRerun(actor: Actor, userId: string, asOf: string): Promise<Rerun> {
  const t0 = performance.now();
  const data = await loadPipelineInput(actor, userId, asOf);
  const now = new Date().toISOString();
  const c = computeUser(data, asOf, now);
  await phraseDrafts(WINDOW_IDS.flatMap((w) => c.recommendations[w].drafts), now);
  const ms = performance.now() - t0;
  return { ms, excluded: { "30d": c.recommendations["30d"].excluded, "180d": c.recommendations["180d"].excluded } };
}
