"use server";
import { z } from "zod";
import { PERSONA_IDS } from "../core/personas/constants";
import { overridePersona } from "../db/review";
import { defineAction } from "./safe-action";

/** Operators: set (or clear) the primary persona of a user's window, with a required note. */
export const overridePersonaAction = defineAction({
  name: "override-persona",
  roles: ["operator"],
  input: z.object({
    userId: z.string().trim().min(1, "Required"),
    window: z.enum(["30d", "180d"], { error: "Must be 30d or 180d" }),
    asOf: z.iso.date("Must be a date (YYYY-MM-DD)"),
    /** "none" clears the primary persona. */
    primary: z.enum([...PERSONA_IDS, "none"], { error: "Choose a persona or none" }),
    note: z.string().trim().min(3, "A note explaining the override is required").max(1000, "At most 1000 characters"),
  }),
  revalidate: [["/operator", "layout"]],
  async run({ actor, input }) {
    const primary = input.primary === "none" ? null : input.primary;
    await overridePersona(actor, input.userId, input.window, input.asOf, primary, input.note);
    return { message: `Persona for ${input.window} set to ${primary ?? "none"}.`, subjectId: input.userId, audit: { window: input.window, as_of: input.asOf } };
  },
});
