"use server";
import { z } from "zod";
import { BULK_DECISION_MAX, BULK_STATUSES, ReviewFilterSchema } from "../core/console/review-query";
import { decideMatching } from "../db/review-bulk";
import { ActionError, defineAction } from "./safe-action";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Operators: approve or reject every item a review-queue filter matches (the queue's "select all
 * matching", and a customer's whole pending set from their page). `count` and `viewedAt` are what
 * the confirmation showed: if the filter matches another set now, nothing changes.
 */
export const decideMatchingAction = defineAction({
  name: "decide-matching",
  roles: ["operator"],
  input: ReviewFilterSchema.extend({
    status: z.enum(BULK_STATUSES, { error: "Only pending or flagged items can be decided together" }),
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject" }),
    count: z.coerce.number({ error: "Required" }).int("Must be a whole number").min(1, "Nothing to decide").max(BULK_DECISION_MAX, `At most ${BULK_DECISION_MAX} at once`),
    viewedAt: z.iso.datetime({ error: "Must be the time the list was shown" }).transform((s) => new Date(s)),
  }),
  revalidate: [["/operator", "layout"], "/me"],
  async run({ actor, input }) {
    const { decision, count, viewedAt, ...filter } = input;
    const r = await decideMatching(actor, filter, decision, { count, viewedAt });
    if (!r.ok && r.reason === "too_many") throw new ActionError(`More than ${BULK_DECISION_MAX} items match; narrow the filter (a persona, kind, window or customer) and try again. Nothing was changed.`);
    if (!r.ok) {
      throw new ActionError(`The list changed since you saw it: ${plural(r.matching, "item matches", "items match")} now, not ${count}, or some were updated. Nothing was changed; look at the list again and confirm.`);
    }
    return {
      message: `${plural(r.changed, "recommendation", "recommendations")} ${r.status} for ${plural(r.users, "customer", "customers")}.`,
      data: { changed: r.changed },
      subjectId: filter.user ?? null,
      audit: { decision, changed: r.changed, users: r.users, status: filter.status, kind: filter.kind ?? null, window: filter.window ?? null, persona: filter.persona ?? null, user: filter.user ?? null },
    };
  },
});
