"use server";
import { z } from "zod";
import { exchangePublicToken } from "../plaid/link";
import { asCustomer, plaidSettings } from "./plaid-support";
import { defineAction } from "./safe-action";

const optionalText = z.string().trim().max(200).nullish();

/** Link's public token exchanged for the Item (stored with its token encrypted), then its first sync. */
export const exchangePlaidTokenAction = defineAction({
  name: "exchange-plaid-token",
  roles: ["customer"],
  input: z.object({ publicToken: z.string().trim().min(1, "Required").max(200), institutionId: optionalText, institutionName: optionalText }),
  revalidate: ["/me"],
  async run({ actor, input }) {
    const r = await asCustomer(() =>
      exchangePublicToken(actor, actor.id, input.publicToken, { id: input.institutionId ?? null, name: input.institutionName ?? null }, plaidSettings()),
    );
    const message =
      r.sync.status === "synced"
        ? `Connected. ${r.sync.added} new transaction(s) so far; more arrive as your bank sends them.`
        : "Connected. Your transactions will arrive shortly.";
    return { message, subjectId: actor.id, audit: { itemId: r.itemId, sync: r.sync.status } };
  },
});
