"use server";
import { z } from "zod";
import { decideRecommendation } from "../db/review";
import { defineAction } from "./safe-action";

/** Operators: approve, reject or flag one recommendation (with an optional note). */
export const decideRecommendationAction = defineAction({
  name: "decide-recommendation",
  roles: ["operator"],
  input: z.object({
    recommendationId: z.string().trim().min(1, "Required"),
    decision: z.enum(["approve", "reject", "flag"], { error: "Choose approve, reject or flag" }),
    note: z.string().trim().max(1000, "At most 1000 characters").optional().transform((s) => s || undefined),
  }),
  revalidate: [["/operator", "layout"], "/me"],
  async run({ actor, input }) {
    const r = await decideRecommendation(actor, input.recommendationId, input.decision, input.note);
    return { message: `Marked ${r.status}.`, data: { status: r.status }, subjectId: r.userId, audit: { recommendation_id: r.id, status: r.status } };
  },
});
