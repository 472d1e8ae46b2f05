"use server";
import { recordFeedback } from "../db/feedback";
import { FeedbackInputSchema } from "../core/me/suggestion";
import { defineAction } from "./safe-action";

/** Customers: helpful or not helpful (with an optional note) on one of their suggestions; sending again replaces it. */
export const giveFeedbackAction = defineAction({
  name: "give-feedback",
  roles: ["customer"],
  input: FeedbackInputSchema,
  revalidate: ["/me", ["/operator", "layout"]],
  async run({ actor, input }) {
    const f = await recordFeedback(actor, input);
    return {
      message: "Thanks, your feedback is saved.",
      data: { helpful: f.helpful, note: f.note },
      subjectId: actor.id,
      audit: { recommendation_id: input.recommendationId, helpful: f.helpful },
    };
  },
});
