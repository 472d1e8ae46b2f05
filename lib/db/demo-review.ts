/**
 * The quick start's review pass: the demo operator approves about half of the pending suggestions
 * through the console's own code (decideRecommendation: the OperatorAction with before and after),
 * with the audit record the console's action writes, so a fresh demo shows both approved
 * suggestions on /me and a review queue with work in it.
 */
import "server-only";
import { db } from "./client";
import { assertSystem, NotFoundError, type Actor } from "./actor";
import { recordAudit } from "./audit";
import { decideRecommendation } from "./review";

/** The note on each decision, so the log says where it came from. */
const DEMO_REVIEW_NOTE = "Approved by the demo set-up (npm run demo)";

/**
 * Of each user's pending suggestions, in (window, kind, rank) order, every other one from the first
 * is approved: about half, and every customer with suggestions sees at least one. A trusted script
 * (the SYSTEM actor) names the operator it acts as; deterministic, no randomness.
 */
export async function approveHalfForDemo(actor: Actor, operatorEmail: string, now: Date = new Date()): Promise<{ approved: number; pending: number; users: number }> {
  assertSystem(actor);
  const op = await db().user.findUnique({ where: { email: operatorEmail.toLowerCase() }, select: { id: true, role: true } });
  if (!op || op.role !== "operator") throw new NotFoundError(`no operator ${operatorEmail}`);
  const operator: Actor = { id: op.id, role: "operator" };
  const pending = await db().recommendation.findMany({
    where: { status: "pending" },
    orderBy: [{ userId: "asc" }, { window: "asc" }, { kind: "asc" }, { rank: "asc" }, { id: "asc" }],
    select: { id: true, userId: true },
  });
  const seen = new Map<string, number>();
  let approved = 0;
  for (const r of pending) {
    const nth = seen.get(r.userId) ?? 0;
    seen.set(r.userId, nth + 1);
    if (nth % 2 !== 0) continue;
    const d = await decideRecommendation(operator, r.id, "approve", DEMO_REVIEW_NOTE, now);
    await recordAudit(operator, { type: "action:decide-recommendation", subjectId: d.userId, details: { ok: true, recommendation_id: d.id, status: d.status, source: "demo" }, at: now });
    approved++;
  }
  return { approved, pending: pending.length - approved, users: seen.size };
}
