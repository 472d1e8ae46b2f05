/**
 * The audit log: who did what, to whom, when, and whether it was allowed. It holds ids, names of
 * actions and outcomes, never content derived from a customer's data (that lives, and is deleted,
 * with the derived records themselves).
 */
import "server-only";
import { db } from "./client";
import type { Actor } from "./actor";

export interface AuditRecord {
  type: string;
  subjectId?: string | null;
  details?: Record<string, string | number | boolean | null>;
  at?: Date;
}

/** Any actor may leave a record of their own action; the record names them. */
export async function recordAudit(actor: Actor, r: AuditRecord): Promise<void> {
  await db().auditEvent.create({
    data: { type: r.type, actorId: actor.id, subjectId: r.subjectId ?? null, detailsJson: JSON.stringify(r.details ?? {}), at: r.at ?? new Date() },
  });
}
