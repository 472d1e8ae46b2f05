/**
 * Who is asking. Every data-access function in lib/db takes an Actor and checks it before it
 * reads or writes: operators see everyone, a customer sees only their own data, and the system
 * (CLI, pipeline, jobs, tests' setup) is a trusted process that callers name explicitly.
 */
import "server-only";

/** The roles a person signs in with. */
export type Role = "customer" | "operator";
export interface Actor {
  id: string;
  role: Role | "system";
}

/** A trusted process (CLI, pipeline, evaluation, tests' setup): not a person, full access. */
export const SYSTEM: Actor = Object.freeze({ id: "system", role: "system" });

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "forbidden") {
    super(message);
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = "not found") {
    super(message);
  }
}

/** Operators, or the system on their behalf: everyone's data. */
export function assertOperator(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor || (actor.role !== "operator" && actor.role !== "system")) throw new ForbiddenError("operators only");
}

/** The system only: the pipeline's and ingest's writes, which no person calls directly. */
export function assertSystem(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor || actor.role !== "system") throw new ForbiddenError("system processes only");
}

/** A customer for their own data; operators and the system for anyone's. */
export function assertSelfOrOperator(actor: Actor | null | undefined, userId: string): asserts actor is Actor {
  if (!actor) throw new ForbiddenError("sign in required");
  if (actor.role === "customer" && actor.id !== userId) throw new ForbiddenError("you may only see your own data");
}

/** The person themself only (a customer's own chat, say): not even an operator acts as them. */
export function assertSelf(actor: Actor | null | undefined, userId: string): asserts actor is Actor {
  if (!actor) throw new ForbiddenError("sign in required");
  if (actor.id !== userId) throw new ForbiddenError("you may only see your own data");
}
