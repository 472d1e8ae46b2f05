/**
 * The one wrapper every server action goes through, in this order: who is asking (session), may
 * they (role), is the input well formed (zod; errors named by field), run, write the audit record,
 * and map errors to a message a person can act on. Every action has the same signature, usable
 * with useActionState (previous state, FormData) or called directly (null, plain object).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentActor } from "../auth";
import { ForbiddenError, NotFoundError, type Actor, type Role } from "../db/actor";
import { recordAudit, type AuditRecord } from "../db/audit";

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** An error whose message is meant for the person who acted ("That recommendation was already decided."). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export interface ActionOutcome<T> {
  message: string;
  data?: T;
  /** Whose data the action touched (the audit record's subject). */
  subjectId?: string | null;
  /** Ids and outcomes for the audit record: never content derived from a customer's data. */
  audit?: AuditRecord["details"];
}

export interface ActionSpec<S extends z.ZodType, T> {
  /** verb-noun, the audit record's type ("decide-recommendation"). */
  name: string;
  roles: readonly Role[];
  input: S;
  run: (ctx: { actor: Actor; input: z.infer<S> }) => Promise<ActionOutcome<T>>;
  /** Paths whose rendering the action changes. */
  revalidate?: readonly (string | [string, "layout" | "page"])[];
}

export type ActionInput = FormData | Record<string, unknown> | null | undefined;
export type ServerAction<T> = (prev: ActionResult<T> | null, input: ActionInput) => Promise<ActionResult<T>>;

const SIGNED_OUT = "You are signed out. Sign in again to continue.";
const NOT_ALLOWED = "You do not have permission to do that.";
const BUSY = "The system is busy right now and nothing was changed. Please try again in a moment.";

export function defineAction<S extends z.ZodType, T = undefined>(spec: ActionSpec<S, T>): ServerAction<T> {
  return async (_prev, raw) => {
    let actor: Actor | null = null;
    try {
      actor = await currentActor();
      if (!actor) return { ok: false, error: SIGNED_OUT };
      if (!(spec.roles as readonly string[]).includes(actor.role)) throw new ForbiddenError(`${spec.name}: role ${actor.role}`);
      const input = parseInput(spec.input, raw instanceof FormData ? formObject(raw) : (raw ?? {}));
      const out = await spec.run({ actor, input });
      await recordAudit(actor, { type: `action:${spec.name}`, subjectId: out.subjectId, details: { ok: true, ...out.audit } });
      for (const p of spec.revalidate ?? []) {
        if (Array.isArray(p)) revalidatePath(p[0], p[1]);
        else revalidatePath(p as string);
      }
      return { ok: true, message: out.message, data: out.data };
    } catch (e) {
      return failure(spec.name, actor, e);
    }
  };
}

/** Parses input with zod; a failure lists each field with its problem ("note: Required"). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of r.error.issues) fieldErrors[issue.path.join(".") || "input"] ??= issue.message;
  const summary = Object.entries(fieldErrors)
    .map(([f, m]) => `${f}: ${m}`)
    .join("; ");
  throw new ActionError(`Invalid input (${summary})`, fieldErrors);
}

/** FormData to a plain object (last value wins; empty strings kept for zod to judge; files dropped). */
function formObject(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** A boolean field from a form ("true"/"false", "on") or a plain object (true/false). */
export const formBoolean = (message: string) =>
  z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")], { error: message });

/** Database busy or timed out (SQLite lock wait, Postgres lock/statement timeout, Prisma's P1008/P2034/P2024). */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === "P1008" || code === "P2034" || code === "P2024" || code === "SQLITE_BUSY" || code === "55P03" || code === "57014" || code === "40001";
}

async function failure(name: string, actor: Actor | null, e: unknown): Promise<ActionResult<never>> {
  if (e instanceof ActionError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
  if (e instanceof ForbiddenError) {
    if (actor) await recordAudit(actor, { type: `action:${name}`, details: { ok: false, denied: true } }).catch(() => {});
    return { ok: false, error: NOT_ALLOWED };
  }
  if (e instanceof NotFoundError) return { ok: false, error: `Not found: ${e.message}.` };
  if (isBusy(e)) return { ok: false, error: BUSY };
  const ref = randomUUID().slice(0, 8);
  console.error(`action ${name} failed (ref ${ref}):`, e);
  return { ok: false, error: `Something went wrong on our side (reference ${ref}). Please try again; if it keeps happening, tell us this reference.` };
}
