import { plaidConfig } from "@/lib/plaid/config";
import { handleWebhook } from "@/lib/plaid/webhook";
import { json, problem } from "@/lib/http/problem";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Plaid's webhooks are small JSON objects; anything larger is not one. */
const WEBHOOK_MAX_BYTES = 64 * 1024;

/**
 * POST /api/plaid/webhook: Plaid's webhooks, verified (lib/plaid/webhook.ts). 404 when the Plaid
 * connection is not configured, 401 unverified, 413 too large, 200 handled or ignored, 503 when the
 * sync failed (Plaid sends it again).
 */
export async function POST(req: Request): Promise<Response> {
  const config = plaidConfig();
  if (!config) return problem({ title: "Not Found", status: 404, detail: "The Plaid connection is not configured." });
  if (Number(req.headers.get("content-length")) > WEBHOOK_MAX_BYTES) return problem({ title: "Payload Too Large", status: 413 });
  const body = await req.text();
  if (Buffer.byteLength(body) > WEBHOOK_MAX_BYTES) return problem({ title: "Payload Too Large", status: 413 });
  const out = await handleWebhook(body, req.headers.get("plaid-verification"), config);
  if (out.status === 401) return problem({ title: "Unauthorized", status: 401, detail: `Not a verified Plaid webhook: ${out.reason}.` });
  return json("ignored" in out ? { ok: true, ignored: out.ignored } : { ok: out.status === 200, sync: out.sync.status }, out.status);
}
