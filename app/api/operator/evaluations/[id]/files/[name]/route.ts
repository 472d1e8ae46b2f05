import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { currentActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/db/actor";
import { evaluationFile } from "@/lib/eval/downloads";
import { problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/operator/evaluations/{id|latest}/files/{name}: a file of an evaluation run (report,
 * metrics, Parquet) as a download. Operators only: 401 signed out, 403 a customer, 404 unknown run or file.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; name: string }> }) {
  const actor = await currentActor();
  if (!actor) return problem({ title: "Unauthorized", status: 401, detail: "Sign in as an operator to download evaluation files." }, NO_STORE);
  const { id, name } = await ctx.params;
  try {
    const f = await evaluationFile(actor, id, name);
    const body = Readable.toWeb(createReadStream(f.path)) as ReadableStream;
    return new Response(body, {
      headers: { ...NO_STORE, "content-type": f.content_type, "content-length": String(f.bytes), "content-disposition": `attachment; filename="${f.name}"` },
    });
  } catch (e) {
    if (e instanceof ForbiddenError) return problem({ title: "Forbidden", status: 403, detail: e.message }, NO_STORE);
    if (e instanceof NotFoundError) return problem({ title: "Not Found", status: 404, detail: e.message }, NO_STORE);
    throw e;
  }
}
