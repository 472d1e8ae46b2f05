// Prisma CLI config for PostgreSQL. JS schema engine with @prisma/adapter-pg.
// Workaround for prisma/orm#27403: the adapter cannot map the PG type `name` (OID 19) that
// the migration engine's catalog queries return, so we report such columns as text (OID 25).
import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDb } from "../lib/db/url";

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "postgres", "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "postgres", "migrations") },
  async adapter() {
    const db = resolveDb();
    // With a SQLite DATABASE_URL this config only serves `migrate diff` (no connection is made).
    const url = db.kind === "postgres" ? db.url : "postgres://localhost:1/unused";
    const pool = new pg.Pool({ connectionString: url, allowExitOnIdle: true, idleTimeoutMillis: 200 });
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
    (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
      const res = await query(...args);
      for (const f of res?.fields ?? []) if (f.dataTypeID === PG_NAME_OID) f.dataTypeID = PG_TEXT_OID;
      return res;
    };
    return new PrismaPg(pool);
  },
});
