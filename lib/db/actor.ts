/**
 * Who is asking. Every data-access function in lib/db takes an Actor and checks it before it
 * reads or writes: operators see everyone, a customer sees only their own data.
 */
export type Role = "customer" | "operator";
export interface Actor {
  id: string;
  role: Role;
}

/** A trusted process (CLI, pipeline, tests' setup): not a person, full access. */
export const SYSTEM: Actor = { id: "system", role: "operator" };

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

export function assertOperator(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor || actor.role !== "operator") throw new ForbiddenError("operators only");
}

export function assertSelfOrOperator(actor: Actor | null | undefined, userId: string): asserts actor is Actor {
  if (!actor) throw new ForbiddenError("sign in required");
  if (actor.role !== "operator" && actor.id !== userId) throw new ForbiddenError("you may only see your own data");
}
