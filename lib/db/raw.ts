/**
 * Plain driver connections beside Prisma, for the bulk paths (ingest, benchmarks) where Prisma's
 * per-row overhead dominates: better-sqlite3 on the same SQLite file, a pg.Pool on Postgres.
 */
import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** A time as Prisma stores DateTime columns in SQLite (ISO 8601 with an explicit +00:00). */
export const sqliteTime = (d: Date = new Date()) => d.toISOString().replace("Z", "+00:00");

/** How long a SQLite writer waits for another writer before failing (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 30_000;

const g = globalThis as unknown as { __ssSqlite?: Map<string, Database.Database>; __ssPg?: Map<string, pg.Pool> };

export function openSqlite(file: string): Database.Database {
  g.__ssSqlite ??= new Map();
  let db = g.__ssSqlite.get(file);
  if (!db || !db.open) {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    g.__ssSqlite.set(file, db);
  }
  return db;
}

export function openPgPool(url: string): pg.Pool {
  g.__ssPg ??= new Map();
  let pool = g.__ssPg.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
    g.__ssPg.set(url, pool);
  }
  return pool;
}

export async function closeRaw(): Promise<void> {
  for (const db of g.__ssSqlite?.values() ?? []) db.close();
  g.__ssSqlite?.clear();
  for (const p of g.__ssPg?.values() ?? []) await p.end();
  g.__ssPg?.clear();
}

