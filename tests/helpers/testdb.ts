/**
 * A fresh, migrated database for each integration test file: SQLite (a temp file) by default,
 * PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is a postgres URL (its public schema is
 * dropped and re-created). Applies the committed migration files, the same SQL
 * `prisma migrate deploy` applies.
 */
import { readdirSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { closeRaw } from "@/lib/db/raw";
import { disconnectDb } from "@/lib/db/client";

const root = path.resolve(import.meta.dirname, "../..");
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
export const dbKind: "sqlite" | "postgres" = /^postgres/.test(baseUrl) ? "postgres" : "sqlite";

function migrationSql(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d))
    .sort()
    .map((d) => readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
}

let counter = 0;

export async function freshDatabase(): Promise<string> {
  await disconnectDb();
  await closeRaw();
  if (dbKind === "postgres") {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    for (const sql of migrationSql(path.join(root, "prisma/postgres/migrations"))) await client.query(sql);
    await client.end();
    process.env.DATABASE_URL = baseUrl;
    return baseUrl;
  }
  const dir = path.join(root, "tmp", "testdb");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `test-${process.pid}-${++counter}.db`);
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  const sqlite = new Database(file);
  for (const sql of migrationSql(path.join(root, "prisma/migrations"))) sqlite.exec(sql);
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  return process.env.DATABASE_URL;
}

export async function closeDatabase(): Promise<void> {
  await disconnectDb();
  await closeRaw();
}
