"use server";
import { z } from "zod";
import { setCustomerDisabled } from "../db/user-status";
import { defineAction, formBoolean } from "./safe-action";

const Input = z.object({
  userId: z.string().trim().min(1, "Required"),
  disabled: formBoolean("Must be true or false"),
  note: z.string().trim().max(1000, "At most 1000 characters").optional().transform((s) => s || undefined),
});

/** Operators: disable a customer's account (ending all their sessions at once) or enable it again. */
export const setCustomerDisabledAction = defineAction({
  name: "set-customer-disabled",
  roles: ["operator"],
  input: Input,
  revalidate: [["/operator", "layout"]],
  run: async ({ actor, input }) => {
    const r = await setCustomerDisabled(actor, input.userId, input.disabled, input.note);
    const state = input.disabled ? "disabled; their sessions have ended" : "enabled";
    return {
      message: r.changed ? `Account ${state}.` : `The account was already ${input.disabled ? "disabled" : "enabled"}.`,
      subjectId: input.userId,
      audit: { disabled: input.disabled, changed: r.changed },
    };
  },
});
