"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideRecommendation } from "../db/review";
import { failure, formObject, parseInput, requireActor, type ActionResult } from "./guard";

const Input = z.object({
  recommendationId: z.string().trim().min(1, "Required"),
  decision: z.enum(["approve", "reject", "flag"], { error: "Choose approve, reject or flag" }),
  note: z.string().trim().max(1000, "At most 1000 characters").optional().transform((s) => s || undefined),
});

/** Operators: approve, reject or flag one recommendation (with an optional note). */
export async function decideRecommendationAction(_prev: ActionResult<{ status: string }> | null, formData: FormData): Promise<ActionResult<{ status: string }>> {
  try {
    const actor = await requireActor(["operator"]);
    const input = parseInput(Input, formObject(formData));
    const r = await decideRecommendation(actor, input.recommendationId, input.decision, input.note);
    revalidatePath("/operator", "layout");
    revalidatePath("/me");
    return { ok: true, message: `Marked ${r.status}.`, data: { status: r.status } };
  } catch (e) {
    return failure(e);
  }
}
