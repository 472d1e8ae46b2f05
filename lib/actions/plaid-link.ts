"use server";
import { z } from "zod";
import { plaidConfig } from "../plaid/config";
import { NoConsentError, createLinkToken, exchangePublicToken } from "../plaid/link";
import { ActionError, defineAction } from "./safe-action";

const NOT_CONFIGURED = "Connecting a bank is not available here.";

function config() {
  const c = plaidConfig();
  if (!c) throw new ActionError(NOT_CONFIGURED);
  return c;
}

/** Plaid's refusals of consent become the customer's message; anything else is the wrapper's. */
async function asCustomer<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof NoConsentError) throw new ActionError(e.message);
    throw e;
  }
}

/** A Plaid Link token for the signed-in customer (/link/token/create). Takes no input. */
export const createPlaidLinkTokenAction = defineAction({
  name: "create-plaid-link-token",
  roles: ["customer"],
  input: z.strictObject({}),
  async run({ actor }) {
    const linkToken = await asCustomer(() => createLinkToken(actor, actor.id, config()));
    return { message: "Opening Plaid…", data: { linkToken }, subjectId: actor.id };
  },
});

const optionalText = z.string().trim().max(200).nullish();

/** Link's public token exchanged for the Item (stored with its token encrypted), then its first sync. */
export const exchangePlaidTokenAction = defineAction({
  name: "exchange-plaid-token",
  roles: ["customer"],
  input: z.object({ publicToken: z.string().trim().min(1, "Required").max(200), institutionId: optionalText, institutionName: optionalText }),
  revalidate: ["/me"],
  async run({ actor, input }) {
    const r = await asCustomer(() =>
      exchangePublicToken(actor, actor.id, input.publicToken, { id: input.institutionId ?? null, name: input.institutionName ?? null }, config()),
    );
    const message =
      r.sync.status === "synced"
        ? `Connected. ${r.sync.added} new transaction(s) so far; more arrive as your bank sends them.`
        : "Connected. Your transactions will arrive shortly.";
    return { message, subjectId: actor.id, audit: { itemId: r.itemId, sync: r.sync.status } };
  },
});
