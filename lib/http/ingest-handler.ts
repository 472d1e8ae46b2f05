/**
 * POST /api/ingest: an operator session or `Authorization: Bearer $INGEST_TOKEN`; a UTF-8 JSON body
 * (or the bundle's CSV files as multipart/form-data, one part per file: lib/ingest/csv.ts)
 * of at most INGEST_MAX_BYTES and INGEST_MAX_ITEMS elements; answers 200 with counts per entity,
 * 400 problem+json listing each bad field, 401, 413 or 415. Nothing is written unless the whole
 * bundle is valid. A Plaid /transactions/sync response is taken verbatim too, with ?user_id= naming
 * the stored customer it belongs to (lib/ingest/sync.ts). The ingest itself runs in a worker thread: this thread only reads the body.
 * On PostgreSQL the users the ingest changed are queued for the pipeline (workers take them); the
 * answer says how many (`recompute`). On SQLite nothing is recomputed here (it would run on the
 * request thread): the next `npm run pipeline` or CLI ingest does it.
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { ingestInWorker } from "../ingest/worker-client";
import { actorFromRequest } from "./session-token";
import { json, problem } from "./problem";
import { recomputeChanged, usesQueue } from "../jobs/pipeline";

/** Default largest accepted body: 25 MB (about 60,000 transactions); the CLI has no limit. */
export const DEFAULT_INGEST_MAX_BYTES = 25 * 1024 * 1024;
/**
 * Default largest number of elements (users, accounts, transactions, liabilities) in one body:
 * "bound the element count of a body", so that a small body of many tiny elements cannot keep a
 * worker busy for long. 200,000 is three times what a 25 MB body of real transactions holds.
 */
export const DEFAULT_INGEST_MAX_ITEMS = 200_000;

const positiveEnv = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
export const ingestMaxBytes = () => positiveEnv("INGEST_MAX_BYTES", DEFAULT_INGEST_MAX_BYTES);
export const ingestMaxItems = () => positiveEnv("INGEST_MAX_ITEMS", DEFAULT_INGEST_MAX_ITEMS);

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

/** A multipart/form-data Content-Type (CSV files, one part each), or null. */
const multipartType = (ct: string | null): string | null => (ct && /^multipart\/form-data\s*;/i.test(ct) ? ct : null);

/** Why a Content-Type is refused (415), or null: JSON (application/json or +json) in UTF-8 if a charset is named, or multipart/form-data. */
export function unsupportedMediaType(ct: string | null): string | null {
  if (!ct || multipartType(ct)) return null;
  const [type, ...params] = ct.split(";").map((p) => p.trim());
  if (!/^application\/(.+\+)?json$/i.test(type)) return "Send the bundle as application/json, or its CSV files as multipart/form-data.";
  for (const p of params) {
    const [k, v = ""] = p.split("=").map((x) => x.trim());
    const charset = v.replace(/^"(.*)"$/, "$1");
    if (k.toLowerCase() === "charset" && !/^utf-?8$/i.test(charset)) return `The bundle must be UTF-8; charset=${charset} is not accepted.`;
  }
  return null;
}

class TooLarge extends Error {}

async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  if (!req.body) return new Uint8Array(0);
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
  // One buffer of its own, so that it can move to the worker without a copy.
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

const tooLarge = (detail: string, extra: Record<string, number>) => problem({ title: "Payload Too Large", status: 413, detail, ...extra });

export async function handleIngest(req: Request): Promise<Response> {
  const who = await authorize(req);
  if (!who) {
    return problem(
      { title: "Unauthorized", status: 401, detail: "Send an operator session or Authorization: Bearer <INGEST_TOKEN>." },
      { "www-authenticate": 'Bearer realm="spendsense-ingest"' },
    );
  }
  const unsupported = unsupportedMediaType(req.headers.get("content-type"));
  if (unsupported) return problem({ title: "Unsupported Media Type", status: 415, detail: unsupported });
  const limit = ingestMaxBytes();
  let body: Uint8Array;
  try {
    body = await readLimited(req, limit);
  } catch (e) {
    if (e instanceof TooLarge) return tooLarge(`The body exceeds ${limit} bytes; use the CLI (npm run ingest) for large bundles.`, { limit_bytes: limit });
    throw e;
  }
  const maxItems = ingestMaxItems();
  const multipart = multipartType(req.headers.get("content-type"));
  // A /transactions/sync page names no user: ?user_id= says whose it is (lib/ingest/sync.ts).
  const syncUser = new URL(req.url).searchParams.get("user_id");
  const r = await ingestInWorker(body, { run: { source: who.source, actorId: who.actorId, startedAt: new Date() }, maxItems, multipart, syncUser });
  if (!r.ok && r.too_many_items) {
    return tooLarge(`The body holds more than ${maxItems} elements (users, accounts, transactions, liabilities); nothing was written. Send it in parts or use the CLI (npm run ingest).`, {
      limit_items: maxItems,
    });
  }
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
  const recompute = usesQueue() ? await recomputeChanged(r.changedUsers) : null;
  return json({ ok: true, counts: r.counts, seconds: Number(r.seconds.toFixed(3)), ...(recompute ? { recompute: { as_of: recompute.asOf, queued_users: recompute.users.length } } : {}) });
}
