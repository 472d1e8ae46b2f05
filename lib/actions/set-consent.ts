"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setConsent } from "../db/consent";
import { ConsentRevoked, defaultAsOf, runPipelineForUser } from "../pipeline";
import { failure, parseInput, requireActor, type ActionResult } from "./guard";

const Input = z.object({
  granted: z.boolean({ error: "Must be true or false" }),
  /** Operators act for a customer; a customer always acts for themselves. */
  userId: z.string().trim().min(1, "Required").optional(),
});

export type ConsentOutcome = { granted: boolean; recomputed: boolean; asOf: string | null };

/**
 * Opt in or revoke. Revoking deletes everything derived from the user's data (lib/db/consent);
 * opting in recomputes the insights for the current as-of date, when there is one.
 */
export async function setConsentAction(raw: unknown): Promise<ActionResult<ConsentOutcome>> {
  try {
    const actor = await requireActor(["customer", "operator"]);
    const input = parseInput(Input, raw);
    const userId = actor.role === "customer" ? actor.id : input.userId;
    if (!userId) return { ok: false, error: "Invalid input (userId: Required)", fieldErrors: { userId: "Required" } };
    const change = await setConsent(actor, userId, input.granted);
    let recomputed = false;
    let asOf: string | null = null;
    if (change.granted) {
      asOf = await defaultAsOf();
      if (asOf) {
        try {
          recomputed = (await runPipelineForUser(userId, asOf)).status === "processed";
        } catch (e) {
          if (!(e instanceof ConsentRevoked)) throw e;
        }
      }
    }
    revalidatePath("/me");
    revalidatePath("/operator", "layout");
    const message = change.granted
      ? recomputed
        ? "Thanks, you're opted in. Your insights are up to date."
        : "Thanks, you're opted in. Your insights will appear after the next run."
      : "You've opted out. Your insights and recommendations were deleted.";
    return { ok: true, message, data: { granted: change.granted, recomputed, asOf } };
  } catch (e) {
    return failure(e);
  }
}
