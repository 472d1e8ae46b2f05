// Prisma CLI config for SQLite (the embedded default). JS schema engine: no binary download.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDb } from "../lib/db/url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    const db = resolveDb();
    // With a Postgres DATABASE_URL this config only serves `migrate diff` (no database needed).
    const file = db.kind === "sqlite" ? db.file : ":memory:";
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});
