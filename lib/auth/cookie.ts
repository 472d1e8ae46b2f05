/**
 * Where the session lives in the browser. next-auth names its cookie after whether the app is
 * served over https (NEXTAUTH_URL): `__Secure-next-auth.session-token` with the Secure flag, else
 * `next-auth.session-token`. The proxy, the session check and the sign-out route all read it here.
 * No database or Node-only imports: the proxy loads this module.
 */

/** The app's public URL is https: session cookie Secure, HSTS sent. */
export function servedOverHttps(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return servedOverHttps() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The session token from a cookie jar, joining next-auth's chunks (name.0, name.1, ...) of a large token. */
export function sessionTokenFrom(jar: { get(name: string): string | undefined }): string | null {
  const name = sessionCookieName();
  const whole = jar.get(name);
  if (whole) return whole;
  let token = "";
  for (let i = 0; jar.get(`${name}.${i}`) !== undefined; i++) token += jar.get(`${name}.${i}`);
  return token || null;
}

/** Every cookie name a session may occupy in `names` (the token and its chunks), to clear them. */
export function sessionCookieNames(names: Iterable<string>): string[] {
  const name = sessionCookieName();
  return [...names].filter((n) => n === name || (n.startsWith(`${name}.`) && /^\d+$/.test(n.slice(name.length + 1))));
}

/** Cookie header to a map (later duplicates win; values percent-decoded when they can be). */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const raw = part.slice(i + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // a malformed escape stays as sent; such a token then fails to decode
    }
    out.set(part.slice(0, i).trim(), value);
  }
  return out;
}
