/**
 * The one PrismaClient of the process (kept on globalThis across Next.js reloads), on SQLite or
 * PostgreSQL as DATABASE_URL says. Both generated clients come from the same schema, so they share
 * one API; the SQLite client's type stands for both.
 */
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PgClient } from "./generated/postgres/client";
import { resolveDb } from "./url";
import { SQLITE_BUSY_TIMEOUT_MS } from "./raw";

export type Db = InstanceType<typeof SqliteClient>;

const g = globalThis as unknown as { __ssPrisma?: { url: string; client: Db } };

function create(): { url: string; client: Db } {
  const target = resolveDb();
  if (target.kind === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return { url: target.url, client: new SqliteClient({ adapter }) };
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: 5 });
  return { url: target.url, client: new PgClient({ adapter }) as unknown as Db };
}

/** The shared client; re-created if DATABASE_URL changed (tests switch databases). */
export function db(): Db {
  const url = resolveDb().url;
  if (!g.__ssPrisma || g.__ssPrisma.url !== url) g.__ssPrisma = create();
  return g.__ssPrisma.client;
}

export async function disconnectDb(): Promise<void> {
  await g.__ssPrisma?.client.$disconnect();
  g.__ssPrisma = undefined;
}
