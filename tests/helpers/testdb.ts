/**
 * A fresh, migrated database for each integration test file: SQLite (a temp file) by default,
 * PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is a postgres URL.
 */
import path from "node:path";
import { closeRaw } from "@/lib/db/raw";
import { disconnectDb } from "@/lib/db/client";
import { freshPostgres, freshSqlite } from "@/lib/db/fresh";

const root = path.resolve(import.meta.dirname, "../..");
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
export const dbKind: "sqlite" | "postgres" = /^postgres/.test(baseUrl) ? "postgres" : "sqlite";

let counter = 0;

export async function freshDatabase(): Promise<string> {
  await disconnectDb();
  await closeRaw();
  process.env.DATABASE_URL =
    dbKind === "postgres" ? await freshPostgres(baseUrl) : freshSqlite(path.join(root, "tmp", "testdb", `test-${process.pid}-${++counter}.db`));
  return process.env.DATABASE_URL;
}

export async function closeDatabase(): Promise<void> {
  await disconnectDb();
  await closeRaw();
}
