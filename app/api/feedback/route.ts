/**
 * POST /api/feedback: a customer's verdict on one of their suggestions, as JSON
 * {recommendationId, helpful, note?} (the same lib/db function as giveFeedbackAction). 401 signed
 * out; 403 an operator (feedback is the customer's own word); 400 a bad body (problem+json naming
 * each field); 404 a suggestion that is not theirs or not shown to them.
 */
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/db/actor";
import { recordFeedback } from "@/lib/db/feedback";
import { recordAudit } from "@/lib/db/audit";
import { FeedbackInputSchema } from "@/lib/core/me/suggestion";
import { json, problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function POST(req: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return problem({ title: "Unauthorized", status: 401, detail: "Sign in to give feedback." }, NO_STORE);
  if (actor.role !== "customer") return problem({ title: "Forbidden", status: 403, detail: "Feedback is given by the customer the suggestion was for." }, NO_STORE);
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return problem({ title: "Bad Request", status: 400, detail: "Send the feedback as JSON.", errors: [{ field: "(body)", message: "must be JSON" }] }, NO_STORE);
  }
  const parsed = FeedbackInputSchema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
    return problem({ title: "Bad Request", status: 400, detail: errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors }, NO_STORE);
  }
  try {
    const f = await recordFeedback(actor, parsed.data);
    await recordAudit(actor, { type: "api:feedback", subjectId: actor.id, details: { ok: true, recommendation_id: parsed.data.recommendationId, helpful: f.helpful } });
    const res = json(f);
    res.headers.set("cache-control", "no-store");
    return res;
  } catch (e) {
    if (e instanceof NotFoundError) return problem({ title: "Not Found", status: 404, detail: e.message }, NO_STORE);
    throw e;
  }
}
