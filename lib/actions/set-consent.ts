"use server";
import { z } from "zod";
import { setConsent } from "../db/consent";
import { defaultAsOf } from "../pipeline";
import { runUserNow } from "../jobs/pipeline";
import { ActionError, defineAction, formBoolean } from "./safe-action";


/**
 * Opt in or revoke. Revoking deletes everything derived from the user's data (lib/db/consent);
 * opting in recomputes the insights for the current as-of date, when there is one (on PostgreSQL as a
 * queued job, taken ahead of bulk work by this process; see runUserNow). Asking for the
 * state the user is already in changes nothing and recomputes nothing.
 */
export const setConsentAction = defineAction({
  name: "set-consent",
  roles: ["customer", "operator"],
  input: z.object({
    granted: formBoolean("Must be true or false"),
    /** Operators act for a customer; a customer always acts for themselves. */
    userId: z.string().trim().min(1, "Required").optional(),
  }),
  revalidate: ["/me", ["/operator", "layout"]],
  async run({ actor, input }) {
    const userId = actor.role === "customer" ? actor.id : input.userId;
    if (!userId) throw new ActionError("Invalid input (userId: Required)", { userId: "Required" });
    const change = await setConsent(actor, userId, input.granted);
    let recomputed = false;
    let asOf: string | null = null;
    if (change.granted && change.changed) {
      asOf = await defaultAsOf();
      if (asOf) recomputed = (await runUserNow(userId, asOf))?.status === "processed";
    }
    const message = !change.changed
      ? change.granted
        ? "You're already opted in."
        : "You're already opted out."
      : change.granted
        ? recomputed
          ? "Thanks, you're opted in. Your insights are up to date."
          : "Thanks, you're opted in. Your insights will appear after the next run."
        : "You've opted out. Your insights and recommendations were deleted.";
    return {
      message,
      data: { granted: change.granted, changed: change.changed, recomputed, asOf },
      subjectId: userId,
      audit: { granted: change.granted, changed: change.changed, recomputed },
    };
  },
});
