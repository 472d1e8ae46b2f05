/**
 * GET /api/users/{id}/recommendations/stream: the user's approved recommendations with their
 * explanations streamed as newline-delimited JSON (events: lib/ai/stream.ts, docs/ai.md). The user
 * themself or an operator: 401 signed out, 403 another customer, 404 an unknown customer.
 */
import { currentActor } from "@/lib/auth/session";
import { streamRecommendations } from "@/lib/ai/stream";
import { ForbiddenError, NotFoundError } from "@/lib/db/actor";
import { problem } from "@/lib/http/problem";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return problem({ title: "Unauthorized", status: 401, detail: "Sign in to read recommendations." }, NO_STORE);
  const { id } = await ctx.params;
  try {
    // Authorizes and loads before the response starts, so a 403/404 is a status, not a broken stream.
    const body = await streamRecommendations(actor, id, { abortSignal: req.signal });
    return new Response(body, {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", ...NO_STORE, "x-content-type-options": "nosniff" },
    });
  } catch (e) {
    if (e instanceof ForbiddenError) return problem({ title: "Forbidden", status: 403, detail: e.message }, NO_STORE);
    if (e instanceof NotFoundError) return problem({ title: "Not Found", status: 404, detail: e.message }, NO_STORE);
    throw e;
  }
}
