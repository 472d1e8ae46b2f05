/**
 * POST /api/ingest: an operator session or `Authorization: Bearer $INGEST_TOKEN`; a body of at
 * most INGEST_MAX_BYTES; answers 200 with counts per entity, 400 problem+json listing each bad
 * field, 401, 413 or 415. Nothing is written unless the whole bundle is valid.
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { ingestText } from "../ingest";
import { actorFromRequest } from "./session-token";
import { json, problem } from "./problem";
import { recordIngestRun } from "../db/ingest-runs";

/** Default largest accepted body: 25 MB (about 60,000 transactions); the CLI has no limit. */
export const DEFAULT_INGEST_MAX_BYTES = 25 * 1024 * 1024;

export function ingestMaxBytes(): number {
  const v = Number(process.env.INGEST_MAX_BYTES);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_INGEST_MAX_BYTES;
}

function tokenMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

async function authorize(req: Request): Promise<{ actorId: string | null; source: string } | null> {
  const auth = req.headers.get("authorization");
  const expected = process.env.INGEST_TOKEN;
  if (auth?.startsWith("Bearer ")) {
    return expected && tokenMatches(auth.slice(7).trim(), expected) ? { actorId: null, source: "api:token" } : null;
  }
  const actor = await actorFromRequest(req);
  return actor?.role === "operator" ? { actorId: actor.id, source: "api:operator" } : null;
}

class TooLarge extends Error {}

async function readLimited(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

export async function handleIngest(req: Request): Promise<Response> {
  const who = await authorize(req);
  if (!who) {
    return problem(
      { title: "Unauthorized", status: 401, detail: "Send an operator session or Authorization: Bearer <INGEST_TOKEN>." },
      { "www-authenticate": 'Bearer realm="spendsense-ingest"' },
    );
  }
  const ct = req.headers.get("content-type") ?? "";
  if (ct && !/^application\/(.+\+)?json\b/i.test(ct)) {
    return problem({ title: "Unsupported Media Type", status: 415, detail: "Send the bundle as application/json." });
  }
  const limit = ingestMaxBytes();
  let text: string;
  try {
    text = await readLimited(req, limit);
  } catch (e) {
    if (e instanceof TooLarge)
      return problem({ title: "Payload Too Large", status: 413, detail: `The body exceeds ${limit} bytes; use the CLI (npm run ingest) for large bundles.`, limit_bytes: limit });
    throw e;
  }
  const startedAt = new Date();
  const r = await ingestText(text);
  if (!r.ok) {
    return problem({
      type: "https://spendsense.local/problems/invalid-bundle",
      title: "Invalid bundle",
      status: 400,
      detail: `${r.error_count} problem(s) found; nothing was written.`,
      error_count: r.error_count,
      errors: r.errors,
    });
  }
  await recordIngestRun({ source: who.source, actorId: who.actorId, counts: r.counts, startedAt });
  return json({ ok: true, counts: r.counts, seconds: Number(r.seconds.toFixed(3)) });
}
