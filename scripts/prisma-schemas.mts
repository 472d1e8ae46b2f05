// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the single source of truth):
// same models, provider "postgresql", its own generated client folder. Run before generate/migrate.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const src = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const out = src
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output     = "../lib/db/generated/sqlite"', 'output     = "../../lib/db/generated/postgres"')
  .replace(/^\/\/ This file targets SQLite[\s\S]*?\n(?=\/\/ Keep to)/m, "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mts: do not edit.\n");
if (!out.includes('provider = "postgresql"') || !out.includes("generated/postgres")) {
  throw new Error("prisma-schemas: the source schema's provider or output line changed; update this script");
}
mkdirSync(path.join(root, "prisma/postgres"), { recursive: true });
writeFileSync(path.join(root, "prisma/postgres/schema.prisma"), out);
