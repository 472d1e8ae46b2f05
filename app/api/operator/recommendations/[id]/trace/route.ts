import { currentActor } from "@/lib/auth/session";
import { getRecommendationTrace } from "@/lib/db/user-detail";
import { ForbiddenError, NotFoundError } from "@/lib/db/actor";
import { json, problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/operator/recommendations/{id}/trace: one recommendation's decision trace (operators
 * only; the user page fetches it when its "Decision trace" is opened). 401 signed out, 403 a
 * customer, 404 an unknown recommendation. Body: `{ trace, accounts }` (trace null for a row stored
 * without one; accounts: the customer's account names by id, for the trace's signal paths).
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return problem({ title: "Unauthorized", status: 401, detail: "Sign in to read a decision trace." }, NO_STORE);
  const { id } = await ctx.params;
  try {
    const res = json(await getRecommendationTrace(actor, id));
    res.headers.set("cache-control", "no-store");
    return res;
  } catch (e) {
    if (e instanceof ForbiddenError) return problem({ title: "Forbidden", status: 403, detail: e.message }, NO_STORE);
    if (e instanceof NotFoundError) return problem({ title: "Not Found", status: 404, detail: e.message }, NO_STORE);
    throw e;
  }
}
