/**
 * The one PrismaClient of the process (kept on globalThis across Next.js reloads), on SQLite or
 * PostgreSQL as DATABASE_URL says. Both generated clients come from the same schema, so they share
 * one API; the SQLite client's type stands for both.
 */
import "server-only";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PgClient } from "./generated/postgres/client";
import { resolveDb } from "./url";
import { SQLITE_BUSY_TIMEOUT_MS } from "./raw";

export type Db = InstanceType<typeof SqliteClient>;

const g = globalThis as unknown as { __ssPrisma?: { url: string; client: Db } };

/** WAL (persistent in the file): readers never wait for a writer, nor a writer for readers. */
function setWalMode(file: string): void {
  if (file === ":memory:") return;
  mkdirSync(path.dirname(file), { recursive: true });
  const c = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  c.pragma("journal_mode = WAL");
  c.close();
}

/**
 * Prisma's SQLite transactions begin with BEGIN IMMEDIATE instead of BEGIN. A deferred transaction
 * that reads and then writes (a customer's opt-out, an operator's decision) fails at once, without
 * waiting, when another connection (an ingest applying its rows, the pipeline) took the write lock
 * after its read; an immediate one takes the write lock first and waits for it (busy timeout).
 */
function immediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  };
  return factory;
}

function create(): { url: string; client: Db } {
  const target = resolveDb();
  if (target.kind === "sqlite") {
    setWalMode(target.file);
    const adapter = immediateTransactions(new PrismaBetterSQLite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS }));
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
