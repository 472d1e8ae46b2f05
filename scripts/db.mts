// Database chores over the Prisma CLI, offline: the JS schema engine, no engine downloads.
//   tsx scripts/db.mts generate         derive the Postgres schema, generate both clients
//   tsx scripts/db.mts migrate          apply committed migrations to DATABASE_URL (SQLite or Postgres)
//   tsx scripts/db.mts diff NAME        write the next migration for both databases from the schema change
//   tsx scripts/db.mts reset            delete the SQLite file / drop the Postgres schema, then migrate
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDb } from "../lib/db/url.ts";

const root = path.resolve(import.meta.dirname, "..");
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  // An existing (empty) file stops the CLI from downloading a query-engine library it does not use
  // (engineType = "client" uses the TypeScript query compiler).
  PRISMA_QUERY_ENGINE_LIBRARY: path.join(root, "prisma/no-query-engine.node"),
};
const prismaBin = path.join(root, "node_modules/.bin/prisma");
// The schema's datasource reads DATABASE_URL: pass the resolved one (the SQLite default when unset).
const run = (args: string[], extraEnv: Record<string, string> = {}) =>
  execFileSync(prismaBin, args, { cwd: root, env: { ...env, DATABASE_URL: resolveDb().url, ...extraEnv }, stdio: ["ignore", "inherit", "inherit"] });
const capture = (args: string[], extraEnv: Record<string, string> = {}) => execFileSync(prismaBin, args, { cwd: root, env: { ...env, ...extraEnv }, encoding: "utf8" });

/**
 * The Postgres adapter connects even for a schema-to-schema diff: give it a reachable server
 * (DATABASE_URL when it is a postgres URL, else PG_DIFF_URL, else the local default). Nothing is written to it.
 */
function diffEnv(kind: "sqlite" | "postgres"): Record<string, string> {
  if (kind === "sqlite") return {};
  const url = /^postgres/.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : (process.env.PG_DIFF_URL ?? "postgres://spendsense:spendsense@127.0.0.1:5432/postgres");
  return { DATABASE_URL: url };
}

const CONFIG = { sqlite: "prisma/sqlite.config.ts", postgres: "prisma/postgres.config.ts" } as const;
const SCHEMA = { sqlite: "prisma/schema.prisma", postgres: "prisma/postgres/schema.prisma" } as const;
const MIGRATIONS = { sqlite: "prisma/migrations", postgres: "prisma/postgres/migrations" } as const;
const PROVIDER = { sqlite: "sqlite", postgres: "postgresql" } as const;

function deriveSchemas() {
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/prisma-schemas.mts"], { cwd: root, stdio: "inherit" });
}

async function migrate() {
  deriveSchemas();
  const db = resolveDb();
  if (db.kind === "sqlite" && db.file !== ":memory:") mkdirSync(path.dirname(db.file), { recursive: true });
  run(["migrate", "deploy", "--config", CONFIG[db.kind]]);
}

async function reset() {
  const db = resolveDb();
  if (db.kind === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db.file + suffix, { force: true });
  } else {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  await migrate();
}

function diff(name: string) {
  deriveSchemas();
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lowercase letters, digits and _ only");
  for (const kind of ["sqlite", "postgres"] as const) {
    const dir = path.join(root, MIGRATIONS[kind]);
    mkdirSync(dir, { recursive: true });
    const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
    const prevSnapshot = path.join(dir, "schema.snapshot.prisma");
    const from = existing.length && existsSync(prevSnapshot) ? ["--from-schema-datamodel", prevSnapshot] : ["--from-empty"];
    const sql = capture(["migrate", "diff", "--config", CONFIG[kind], ...from, "--to-schema-datamodel", SCHEMA[kind], "--script"], diffEnv(kind));
    const folder = path.join(dir, `${String(existing.length + 1).padStart(4, "0")}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    writeFileSync(path.join(dir, "migration_lock.toml"), `# Written by scripts/db.mts\nprovider = "${PROVIDER[kind]}"\n`);
    copyFileSync(path.join(root, SCHEMA[kind]), prevSnapshot);
    console.log(`wrote ${path.relative(root, folder)}/migration.sql`);
  }
}

const [cmd, arg] = process.argv.slice(2);
switch (cmd) {
  case "generate":
    deriveSchemas();
    run(["generate", "--config", CONFIG.sqlite]);
    run(["generate", "--config", CONFIG.postgres]);
    break;
  case "migrate":
    await migrate();
    break;
  case "reset":
    await reset();
    break;
  case "diff":
    if (!arg) throw new Error("usage: db.mts diff NAME");
    diff(arg);
    break;
  default:
    console.error("usage: tsx scripts/db.mts generate|migrate|reset|diff NAME");
    process.exit(2);
}
