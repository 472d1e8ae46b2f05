/** The `plaid` package's client for a configuration (basePath: Plaid's host, or PLAID_BASE_URL). */
import "server-only";
import { Configuration, PlaidApi } from "plaid";
import type { PlaidConfig } from "./config";

/** Plaid's own API version header: the response shapes this code reads. */
const PLAID_API_VERSION = "2020-09-14";

export function plaidClient(config: PlaidConfig): PlaidApi {
  return new PlaidApi(
    new Configuration({
      basePath: config.basePath,
      baseOptions: { headers: { "PLAID-CLIENT-ID": config.clientId, "PLAID-SECRET": config.secret, "Plaid-Version": PLAID_API_VERSION } },
    }),
  );
}

/** Plaid's error_code of a failed call (an axios error with Plaid's error body), or null. */
export function plaidErrorCode(e: unknown): string | null {
  const code = (e as { response?: { data?: { error_code?: unknown } } })?.response?.data?.error_code;
  return typeof code === "string" ? code : null;
}
