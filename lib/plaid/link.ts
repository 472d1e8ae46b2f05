/**
 * Plaid Link's server side: a link token for the signed-in customer (/link/token/create), and the
 * public token Link hands back exchanged for the Item's access token (/item/public_token/exchange),
 * which is stored encrypted, then the Item's first sync. Only for a consenting customer: connecting
 * a bank is processing their data.
 */
import "server-only";
import { CountryCode, Products, type PlaidApi } from "plaid";
import type { Actor } from "../db/actor";
import { plaidCustomerConsents, saveLinkedItem } from "../db/plaid-items";
import type { PlaidConfig } from "./config";
import { plaidClient } from "./client";
import { encryptToken } from "./token-crypto";
import { syncItem, type SyncOutcome } from "./sync";

/** The name Link shows the customer. */
const CLIENT_NAME = "SpendSense";

export class NoConsentError extends Error {
  constructor() {
    super("Opt in to insights first: connecting a bank shares its transactions with SpendSense.");
  }
}

async function requireConsent(actor: Actor, userId: string) {
  if (!(await plaidCustomerConsents(actor, userId))) throw new NoConsentError();
}

export async function createLinkToken(actor: Actor, userId: string, config: PlaidConfig, client: PlaidApi = plaidClient(config)): Promise<string> {
  await requireConsent(actor, userId);
  const r = await client.linkTokenCreate({
    user: { client_user_id: userId },
    client_name: CLIENT_NAME,
    products: [Products.Transactions],
    required_if_supported_products: [Products.Liabilities],
    country_codes: [CountryCode.Us],
    language: "en",
    ...(config.webhookUrl ? { webhook: config.webhookUrl } : {}),
  });
  return r.data.link_token;
}

export interface Institution {
  id: string | null;
  name: string | null;
}

export async function exchangePublicToken(
  actor: Actor,
  userId: string,
  publicToken: string,
  institution: Institution,
  config: PlaidConfig,
  client: PlaidApi = plaidClient(config),
): Promise<{ itemId: string; sync: SyncOutcome }> {
  await requireConsent(actor, userId);
  const { access_token: accessToken, item_id: itemId } = (await client.itemPublicTokenExchange({ public_token: publicToken })).data;
  await saveLinkedItem(actor, {
    itemId,
    userId,
    institutionId: institution.id,
    institutionName: institution.name,
    accessTokenEncrypted: encryptToken(accessToken, config.tokenKey, itemId),
  });
  return { itemId, sync: await syncItem(itemId, config, client) };
}
