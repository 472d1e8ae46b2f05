/**
 * Which database: DATABASE_URL decides. "file:..." (or unset) = SQLite, the embedded default;
 * "postgres://" / "postgresql://" = PostgreSQL. Used by the runtime client, the bulk ingest
 * path, prisma configs and scripts. Loads .env if present (Prisma's config does not).
 */
import { existsSync } from "node:fs";
import path from "node:path";

export const DEFAULT_SQLITE_URL = "file:./.data/spendsense.db";

export type DbTarget = { kind: "sqlite"; url: string; file: string } | { kind: "postgres"; url: string };

/** DATABASE_URL, else the embedded default, which is then also put in the environment (Prisma's CLI reads it). */
function defaultUrl(): string {
  loadDotEnv();
  if (!process.env.DATABASE_URL) process.env.DATABASE_URL = DEFAULT_SQLITE_URL;
  return process.env.DATABASE_URL;
}

let envLoaded = false;
export function loadDotEnv(): void {
  if (envLoaded) return;
  envLoaded = true;
  const p = path.resolve(/* turbopackIgnore: true */ process.cwd(), ".env");
  if (existsSync(p) && typeof process.loadEnvFile === "function") process.loadEnvFile(p);
}

export function resolveDb(url = defaultUrl()): DbTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url.startsWith("file:")) {
    const rel = url.slice("file:".length);
    const file = rel === ":memory:" ? rel : path.resolve(/* turbopackIgnore: true */ process.cwd(), rel);
    return { kind: "sqlite", url, file };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:..."`);
}
