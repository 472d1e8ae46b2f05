/**
 * Shared steps of every server action: who is asking (session), may they (role), is the input
 * well formed (zod, errors named by field), and the one result shape the forms read.
 */
import { z } from "zod";
import { currentActor } from "../auth/session";
import { ForbiddenError, NotFoundError, type Actor, type Role } from "../db/actor";

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The signed-in actor, required to hold one of `roles`. */
export async function requireActor(roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new ActionError("You are signed out. Sign in again to continue.");
  if (!roles.includes(actor.role)) throw new ActionError("You do not have permission to do that.");
  return actor;
}

/** Parses input with zod; a failure lists each field with its problem ("note: Required"). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const field = issue.path.join(".") || "input";
    fieldErrors[field] ??= issue.message;
  }
  const summary = Object.entries(fieldErrors)
    .map(([f, m]) => `${f}: ${m}`)
    .join("; ");
  throw new ActionError(`Invalid input (${summary})`, fieldErrors);
}

/** FormData to a plain object (last value wins; empty strings kept for zod to judge). */
export function formObject(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/** Turns the errors an action expects into a result; anything else is rethrown (a bug). */
export function failure(e: unknown): ActionResult<never> {
  if (e instanceof ActionError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
  if (e instanceof ForbiddenError) return { ok: false, error: "You do not have permission to do that." };
  if (e instanceof NotFoundError) return { ok: false, error: `Not found: ${e.message}.` };
  throw e;
}
