import { currentActor } from "@/lib/auth/session";
import { getRecommendationTrace } from "@/lib/db/user-detail";
import { readForActor } from "@/lib/http/actor-read";

export const dynamic = "force-dynamic";

/**
 * GET /api/operator/recommendations/{id}/trace: one recommendation's decision trace (operators
 * only; the user page fetches it when its "Decision trace" is opened). 401 signed out, 403 a
 * customer, 404 an unknown recommendation. Body: `{ trace, accounts }` (trace null for a row stored
 * without one; accounts: the customer's account names by id, for the trace's signal paths).
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return readForActor(await currentActor(), "Sign in to read a decision trace.", (actor) => getRecommendationTrace(actor, id));
}
