import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";

/** Records a committed ingest: where it came from, who sent it, what it changed. */
export async function recordIngestRun(run: { source: string; actorId?: string | null; counts: object; startedAt: Date; finishedAt?: Date }): Promise<void> {
  await db().ingestRun.create({
    data: { id: randomUUID(), source: run.source, actorId: run.actorId ?? null, countsJson: JSON.stringify(run.counts), startedAt: run.startedAt, finishedAt: run.finishedAt ?? new Date() },
  });
}
