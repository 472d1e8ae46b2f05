import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePrismaModels, renderSchemaDoc, SCHEMA_DOC } from "./schema-doc.mts";

describe("docs/schema.md", () => {
  it("is what npm run docs:schema renders from the schema and the bundle's zod schemas", () => {
    expect(readFileSync(SCHEMA_DOC, "utf8")).toBe(renderSchemaDoc());
  });

  it("documents every table and column of the Prisma model", () => {
    const tables = parsePrismaModels(readFileSync(new URL("../prisma/schema.prisma", import.meta.url), "utf8"));
    const dir = new URL("../prisma/migrations/", import.meta.url);
    const migration = readdirSync(dir)
      .filter((d) => /^\d{4}_/.test(d))
      .map((d) => readFileSync(new URL(`${d}/migration.sql`, dir), "utf8"))
      .join("\n");
    for (const t of tables) {
      expect(migration).toMatch(new RegExp(`CREATE TABLE "${t.table}"|ALTER TABLE "${t.table}"`));
      for (const c of t.columns) expect(migration).toContain(`"${c.name}"`);
    }
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(["users", "accounts", "transactions", "recommendations", "operator_actions"]));
  });

  it("reads mapped names, nullability, keys and relations", () => {
    const [t] = parsePrismaModels(`/// A doc.\nmodel Thing {\n  id String @id\n  /// money\n  amountCents Int? @map("amount_cents")\n  ownerId String @map("owner_id")\n  owner User @relation(fields: [ownerId], references: [id], onDelete: Cascade)\n  @@index([ownerId])\n  @@map("things")\n}\n`);
    expect(t).toMatchObject({ table: "things", doc: "A doc.", indexes: ["index (owner_id)"] });
    expect(t.columns).toEqual([
      { field: "id", name: "id", type: "text", nullable: false, notes: ["primary key"], doc: "" },
      { field: "amountCents", name: "amount_cents", type: "integer", nullable: true, notes: [], doc: "money" },
      { field: "ownerId", name: "owner_id", type: "text", nullable: false, notes: ["→ User (on delete cascade)"], doc: "" },
    ]);
  });
});
