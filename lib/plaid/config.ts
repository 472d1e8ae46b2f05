/**
 * Whether the live Plaid connection is on, and its settings. Off unless PLAID_CLIENT_ID,
 * PLAID_SECRET and PLAID_ENV are all set: then nothing of it shows (no button, no script, no CSP
 * entry, the webhook route answers 404). Set, it refuses to start without a valid PLAID_TOKEN_KEY
 * (the access tokens are stored only encrypted with it).
 */

/** Plaid's hosts by PLAID_ENV (the `plaid` package's PlaidEnvironments). */
export const PLAID_HOSTS = { sandbox: "https://sandbox.plaid.com", production: "https://production.plaid.com" } as const;
export type PlaidEnv = keyof typeof PLAID_HOSTS;
/** "AES-256-GCM, key from an env var, 32 bytes base64". */
export const TOKEN_KEY_BYTES = 32;

export interface PlaidConfig {
  clientId: string;
  secret: string;
  env: PlaidEnv;
  /** Plaid's API host; PLAID_BASE_URL replaces it (a proxy, or the tests' local server). */
  basePath: string;
  /** PLAID_TOKEN_KEY, decoded */
  tokenKey: Buffer;
  /** PLAID_WEBHOOK_URL: where Plaid sends webhooks (given to /link/token/create), unset = none */
  webhookUrl: string | undefined;
}

export type PlaidFeature = { on: true; config: PlaidConfig } | { on: false; reason: string | null };

type Env = Record<string, string | undefined>;

/** Off (reason null) without the three variables; off with a reason when they are set but unusable. */
export function plaidFeature(env: Env = process.env): PlaidFeature {
  const { PLAID_CLIENT_ID: clientId, PLAID_SECRET: secret, PLAID_ENV: plaidEnv } = env;
  if (!clientId || !secret || !plaidEnv) return { on: false, reason: null };
  if (!(plaidEnv in PLAID_HOSTS)) return { on: false, reason: `PLAID_ENV must be one of ${Object.keys(PLAID_HOSTS).join(", ")}` };
  const key = Buffer.from(env.PLAID_TOKEN_KEY ?? "", "base64");
  if (key.length !== TOKEN_KEY_BYTES || key.toString("base64") !== (env.PLAID_TOKEN_KEY ?? "").trim()) {
    return { on: false, reason: `PLAID_TOKEN_KEY must be ${TOKEN_KEY_BYTES} random bytes in base64 (openssl rand -base64 32): access tokens are stored only encrypted` };
  }
  const e = plaidEnv as PlaidEnv;
  return { on: true, config: { clientId, secret, env: e, basePath: env.PLAID_BASE_URL || PLAID_HOSTS[e], tokenKey: key, webhookUrl: env.PLAID_WEBHOOK_URL || undefined } };
}

let warned = false;
/** The feature's settings, or null when it is off; a misconfiguration is logged once and keeps it off. */
export function plaidConfig(env: Env = process.env): PlaidConfig | null {
  const f = plaidFeature(env);
  if (f.on) return f.config;
  if (f.reason && !warned) {
    warned = true;
    console.error(`Plaid connection disabled: ${f.reason}`);
  }
  return null;
}
