/**
 * Requests the proxy answers itself with a 4xx before any route runs (issue 7, item 14), instead
 * of letting Next fail with a 500. Pure: the proxy loads it.
 */

/** Methods that change something: a browser sends Origin with them, and it must be ours. */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The path cannot be percent-decoded (`/api/users/%ZZ/profile`): Next would throw a URIError. */
export function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A state-changing request whose Origin header names another site (or "null"): a cross-site form
 * or server action call. Next refuses foreign-origin server actions with a 500; this makes it a
 * 403 for every route. Requests without Origin (curl, the ingest API's clients) pass: the
 * session cookie is SameSite=Lax, so a browser never sends it cross-site without one.
 */
export function foreignOrigin(method: string, headers: Headers): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
