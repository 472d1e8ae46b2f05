import { currentActor } from "@/lib/auth";
import { getProfile } from "@/lib/db/profiles";
import { ForbiddenError, NotFoundError } from "@/lib/db/actor";
import { json, problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/users/{id}/profile: the DESIGN.md profile JSON. 401 signed out; 403 a customer asking
 * for someone else (whether or not that id exists); 404 an operator asking for an unknown customer.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return problem({ title: "Unauthorized", status: 401, detail: "Sign in to read a profile." }, NO_STORE);
  const { id } = await ctx.params;
  try {
    const res = json(await getProfile(actor, id));
    res.headers.set("cache-control", "no-store");
    return res;
  } catch (e) {
    if (e instanceof ForbiddenError) return problem({ title: "Forbidden", status: 403, detail: e.message }, NO_STORE);
    if (e instanceof NotFoundError) return problem({ title: "Not Found", status: 404, detail: e.message }, NO_STORE);
    throw e;
  }
}
