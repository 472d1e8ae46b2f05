/**
 * The record of one ingest in ingest_runs: where it came from, who sent it, what it changed. The
 * ingest's sink writes it inside the ingest's own transaction, just before COMMIT, so data never
 * lands without its run (nor a run without its data), whatever kills the process.
 */
import { randomUUID } from "node:crypto";

export interface IngestRunRecord {
  /** "api:token", "api:operator", "cli:<file>", ... */
  source: string;
  actorId?: string | null;
  startedAt: Date;
}

/** A run that says only where it came from (library calls, tests, the generator's demo data). */
export const directRun = (source = "direct"): IngestRunRecord => ({ source, startedAt: new Date() });

/** INSERT of one ingest_runs row; ph(i) is the dialect's i-th placeholder (1-based). */
export function ingestRunInsertSql(ph: (i: number) => string): string {
  return `INSERT INTO ingest_runs (id, source, actor_id, counts_json, started_at, finished_at) VALUES (${[1, 2, 3, 4, 5, 6].map(ph).join(", ")})`;
}

/** The values of ingestRunInsertSql; time(d) renders a timestamp the way the database's Prisma client reads it. */
export function ingestRunValues(run: IngestRunRecord, counts: object, time: (d: Date) => string, finishedAt = new Date()): unknown[] {
  return [randomUUID(), run.source, run.actorId ?? null, JSON.stringify(counts), time(run.startedAt), time(finishedAt)];
}
