"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setCustomerDisabled } from "../db/user-status";
import { failure, formObject, parseInput, requireActor, type ActionResult } from "./guard";

const Input = z.object({
  userId: z.string().trim().min(1, "Required"),
  disabled: z.enum(["true", "false"], { error: "Must be true or false" }).transform((v) => v === "true"),
  note: z.string().trim().max(1000, "At most 1000 characters").optional().transform((s) => s || undefined),
});

/** Operators: disable a customer's account (ending all their sessions at once) or enable it again. */
export async function setCustomerDisabledAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor(["operator"]);
    const input = parseInput(Input, formObject(formData));
    const r = await setCustomerDisabled(actor, input.userId, input.disabled, input.note);
    revalidatePath("/operator", "layout");
    const state = input.disabled ? "disabled; their sessions have ended" : "enabled";
    return { ok: true, message: r.changed ? `Account ${state}.` : `The account was already ${input.disabled ? "disabled" : "enabled"}.` };
  } catch (e) {
    return failure(e);
  }
}
