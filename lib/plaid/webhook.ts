/**
 * Plaid's webhooks (POST /api/plaid/webhook). Each is verified before anything is read from it:
 * the Plaid-Verification header is a JWT signed ES256 by a key Plaid names by `kid`
 * (/webhook_verification_key/get); it must be recent (WEBHOOK_MAX_AGE_S) and carry the SHA-256 of
 * the body. An unverified call is refused (401). TRANSACTIONS / SYNC_UPDATES_AVAILABLE syncs its
 * Item; every other webhook is acknowledged and ignored.
 */
import "server-only";
import { createHash, createPublicKey, timingSafeEqual, verify, type KeyObject } from "node:crypto";
import type { PlaidApi } from "plaid";
import type { PlaidConfig } from "./config";
import { plaidClient } from "./client";
import { syncItem, type SyncOutcome } from "./sync";
import { WEBHOOK_MAX_AGE_S } from "./constants";


/** Verification keys by kid (Plaid rotates them rarely; an expired one is fetched again and refused). */
const keys = new Map<string, KeyObject>();

const b64url = (s: string) => Buffer.from(s, "base64url");

async function verificationKey(client: PlaidApi, kid: string): Promise<KeyObject | null> {
  const cached = keys.get(kid);
  if (cached) return cached;
  const { key } = (await client.webhookVerificationKeyGet({ key_id: kid })).data;
  if (key.expired_at != null || key.alg !== "ES256" || key.kty !== "EC" || key.crv !== "P-256") return null;
  const k = createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x, y: key.y }, format: "jwk" });
  keys.set(kid, k);
  return k;
}

/** Why a webhook is not Plaid's (a reason), or null when it is. */
export async function webhookProblem(body: string, jwt: string | null, client: PlaidApi, nowS = Date.now() / 1000): Promise<string | null> {
  if (!jwt) return "no Plaid-Verification header";
  const parts = jwt.split(".");
  if (parts.length !== 3) return "Plaid-Verification is not a JWT";
  let header: { alg?: unknown; kid?: unknown };
  let payload: { iat?: unknown; request_body_sha256?: unknown };
  try {
    header = JSON.parse(b64url(parts[0]).toString("utf8"));
    payload = JSON.parse(b64url(parts[1]).toString("utf8"));
  } catch {
    return "Plaid-Verification is not a JWT";
  }
  if (header.alg !== "ES256" || typeof header.kid !== "string") return "the JWT is not signed ES256 with a key id";
  const key = await verificationKey(client, header.kid).catch(() => null);
  if (!key) return "the signing key is unknown or expired";
  if (!verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), { key, dsaEncoding: "ieee-p1363" }, b64url(parts[2]))) return "the signature does not verify";
  if (typeof payload.iat !== "number" || nowS - payload.iat > WEBHOOK_MAX_AGE_S) return "the JWT is too old";
  const want = createHash("sha256").update(body, "utf8").digest();
  const given = typeof payload.request_body_sha256 === "string" ? Buffer.from(payload.request_body_sha256, "hex") : Buffer.alloc(0);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return "the body's hash does not match";
  return null;
}

export type WebhookOutcome = { status: 401; reason: string } | { status: 200; ignored: string } | { status: 200 | 503; sync: SyncOutcome };

export async function handleWebhook(body: string, jwt: string | null, config: PlaidConfig, client: PlaidApi = plaidClient(config)): Promise<WebhookOutcome> {
  const problem = await webhookProblem(body, jwt, client);
  if (problem) return { status: 401, reason: problem };
  let hook: { webhook_type?: unknown; webhook_code?: unknown; item_id?: unknown };
  try {
    hook = JSON.parse(body);
  } catch {
    return { status: 200, ignored: "not JSON" };
  }
  if (hook.webhook_type !== "TRANSACTIONS" || hook.webhook_code !== "SYNC_UPDATES_AVAILABLE" || typeof hook.item_id !== "string") {
    return { status: 200, ignored: `${String(hook.webhook_type)}/${String(hook.webhook_code)}` };
  }
  const sync = await syncItem(hook.item_id, config, client);
  // An error is answered 503 so that Plaid sends the webhook again; the cursor was not moved.
  return { status: sync.status === "error" ? 503 : 200, sync };
}
