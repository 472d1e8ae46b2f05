import { currentActor } from "@/lib/auth/session";
import { getProfile } from "@/lib/db/profiles";
import { readForActor } from "@/lib/http/actor-read";

export const dynamic = "force-dynamic";

/**
 * GET /api/users/{id}/profile: the DESIGN.md profile JSON. 401 signed out; 403 a customer asking
 * for someone else (whether or not that id exists); 404 an operator asking for an unknown customer.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return readForActor(await currentActor(), "Sign in to read a profile.", (actor) => getProfile(actor, id));
}
