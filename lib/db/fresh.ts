/**
 * An empty, migrated database for tests and benchmarks: a new SQLite file, or a Postgres
 * database whose public schema is dropped and re-created. Applies the committed migration SQL
 * (what `prisma migrate deploy` applies). Never point it at data you want to keep.
 */
import "server-only";
import { readdirSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");

function migrationSql(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d))
    .sort()
    .map((d) => readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
}

export async function freshPostgres(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  for (const sql of migrationSql(path.join(root, "prisma/postgres/migrations"))) await client.query(sql);
  await client.end();
  return url;
}

export function freshSqlite(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  for (const sql of migrationSql(path.join(root, "prisma/migrations"))) sqlite.exec(sql);
  sqlite.close();
  return `file:${file}`;
}
