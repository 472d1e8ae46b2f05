"use server";
import { z } from "zod";
import { changePasswordThrottled, TooManyAttempts } from "../auth/sign-in";
import { signInErrorMessage } from "../auth/rate-limit";
import { WrongPasswordError } from "../db/passwords";
import { ActionError, defineAction } from "./safe-action";

/** Shortest new password: NIST SP 800-63B asks for at least 8 characters; 12 for accounts that see financial data. */
const MIN_PASSWORD_LENGTH = 12;
/** Longest password (the sign-in form accepts up to 200 characters). */
const MAX_PASSWORD_LENGTH = 200;

const Input = z
  .object({
    currentPassword: z.string().min(1, "Required").max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters`),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters`),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Does not match the new password" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Must differ from the current password" });

/**
 * Customers and operators: change their own password. Every session of the person ends, this
 * one included; the form then sends them to sign in with the new password.
 */
export const changePasswordAction = defineAction({
  name: "change-password",
  roles: ["customer", "operator"],
  input: Input,
  run: async ({ actor, input }) => {
    try {
      await changePasswordThrottled(actor, input.currentPassword, input.newPassword);
    } catch (e) {
      if (e instanceof WrongPasswordError) throw new ActionError("Your current password is not correct.", { currentPassword: "Not correct" });
      if (e instanceof TooManyAttempts) throw new ActionError(signInErrorMessage(e.message) ?? "Too many attempts.");
      throw e;
    }
    return { message: "Password changed. You have been signed out everywhere; sign in with your new password.", subjectId: actor.id };
  },
});
