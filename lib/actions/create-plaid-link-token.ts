"use server";
import { z } from "zod";
import { createLinkToken } from "../plaid/link";
import { asCustomer, plaidSettings } from "./plaid-support";
import { defineAction } from "./safe-action";

/** A Plaid Link token for the signed-in customer (/link/token/create). Takes no input. */
export const createPlaidLinkTokenAction = defineAction({
  name: "create-plaid-link-token",
  roles: ["customer"],
  input: z.strictObject({}),
  async run({ actor }) {
    const linkToken = await asCustomer(() => createLinkToken(actor, actor.id, plaidSettings()));
    return { message: "Opening Plaid…", data: { linkToken }, subjectId: actor.id };
  },
});
