/**
 * "The latest as-of": the newest date the pipeline stored results for, one user's or anyone's.
 * The one place this question is answered (views, the explanation stream, the pipeline's default).
 */
import "server-only";
import { db } from "./client";
import { assertOperator, assertSelfOrOperator, type Actor } from "./actor";

export async function latestAsOf(actor: Actor, userId?: string): Promise<string | null> {
  if (userId === undefined) assertOperator(actor);
  else assertSelfOrOperator(actor, userId);
  const latest = await db().signalSnapshot.findFirst({
    where: userId === undefined ? {} : { userId },
    orderBy: { asOf: "desc" },
    select: { asOf: true },
  });
  return latest?.asOf ?? null;
}
