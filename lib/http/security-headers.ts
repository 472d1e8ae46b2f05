/**
 * Security headers of every page and API answer, set by proxy.ts (issue 7, item 13). Pure: no
 * Node-only imports (the proxy loads it).
 *
 * Scripts: a fresh nonce per request plus 'strict-dynamic' (Next puts the nonce on its own
 * scripts when it reads this header on the request; every page is rendered per request). Styles:
 * 'self' plus 'unsafe-inline', because React renders style attributes (charts, Radix) and Radix
 * injects <style> elements without a nonce; a style cannot run code.
 */

/** One year, the value HSTS preload lists ask for. */
export const HSTS_MAX_AGE_S = 31_536_000;

export interface HeaderOptions {
  nonce: string;
  /** served over https: HSTS, upgrade-insecure-requests */
  https: boolean;
  /** `next dev`: React's dev build needs eval for its error overlays */
  dev: boolean;
  /**
   * Plaid's API host when the Plaid connection is configured (lib/plaid/config.ts): Plaid Link's
   * script and frame come from PLAID_LINK_ORIGIN and talk to that host. Unset: nothing of Plaid's.
   */
  plaidHost?: string | null;
}

/** Where Plaid Link's script and iframe are served from. */
export const PLAID_LINK_ORIGIN = "https://cdn.plaid.com";

export function contentSecurityPolicy({ nonce, https, dev, plaidHost }: HeaderOptions): string {
  const plaid = plaidHost ? ` ${PLAID_LINK_ORIGIN}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${plaid}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${plaidHost ? ` ${plaidHost}` : ""}`,
    ...(plaidHost ? [`frame-src ${PLAID_LINK_ORIGIN}`] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(opts: HeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(opts),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    ...(opts.https ? { "strict-transport-security": `max-age=${HSTS_MAX_AGE_S}; includeSubDomains` } : {}),
  };
}

/**
 * The same headers for routes the proxy does not run on (POST /api/ingest: a proxy buffers request
 * bodies and cuts them at 10 MB, below INGEST_MAX_BYTES). They answer JSON only, so the policy
 * allows nothing; next.config.ts sets them when the app is built.
 */
export function staticApiHeaders(https: boolean): { key: string; value: string }[] {
  const h: Record<string, string> = {
    ...securityHeaders({ nonce: "", https, dev: false }),
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  };
  return Object.entries(h).map(([key, value]) => ({ key, value }));
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
