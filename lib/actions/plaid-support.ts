import "server-only";
import { plaidConfig, type PlaidConfig } from "../plaid/config";
import { NoConsentError } from "../plaid/link";
import { ActionError } from "./safe-action";

const NOT_CONFIGURED = "Connecting a bank is not available here.";

/** The Plaid settings, or the customer's message that connecting a bank is not offered here. */
export function plaidSettings(): PlaidConfig {
  const c = plaidConfig();
  if (!c) throw new ActionError(NOT_CONFIGURED);
  return c;
}

/** Refusals for want of consent become the customer's message; anything else is the wrapper's. */
export async function asCustomer<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof NoConsentError) throw new ActionError(e.message);
    throw e;
  }
}
