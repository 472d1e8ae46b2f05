// npm run docs:schema: writes docs/schema.md from the two sources of truth, prisma/schema.prisma
// (every table and column, with its /// comment) and the bundle's zod schemas (lib/core/plaid.ts).
// scripts/schema-doc.test.ts fails when the committed file differs from what this renders.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { BundleSchema } from "../lib/core/plaid.ts";

const root = path.resolve(import.meta.dirname, "..");
export const SCHEMA_DOC = path.join(root, "docs/schema.md");

interface Column { field: string; name: string; type: string; nullable: boolean; notes: string[]; doc: string }
interface Table { model: string; table: string; doc: string; columns: Column[]; indexes: string[] }

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Boolean", "DateTime", "Json", "Decimal", "Bytes"]);
const SQL_TYPE: Record<string, string> = { String: "text", Int: "integer", BigInt: "bigint", Float: "double", Boolean: "boolean", DateTime: "timestamp", Json: "json", Decimal: "decimal", Bytes: "bytes" };

/** Models of a Prisma schema: the subset this project writes (one field a line, /// doc comments). */
export function parsePrismaModels(source: string): Table[] {
  const tables: Table[] = [];
  let doc: string[] = [];
  let cur: Table | null = null;
  const column = (field: string) => cur!.columns.find((c) => c.field === field)?.name ?? field;
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("///")) {
      doc.push(line.slice(3).trim());
      continue;
    }
    const open = /^model (\w+) \{$/.exec(line);
    if (open) {
      cur = { model: open[1], table: open[1], doc: doc.join(" "), columns: [], indexes: [] };
      doc = [];
      continue;
    }
    if (!cur) {
      doc = [];
      continue;
    }
    if (line === "}") {
      tables.push(cur);
      cur = null;
    } else if (line.startsWith("@@map(")) {
      cur.table = /"([^"]+)"/.exec(line)![1];
    } else if (/^@@(index|unique|id)\(/.test(line)) {
      const kind = line.slice(2, line.indexOf("("));
      const fields = /\[([^\]]+)\]/.exec(line)![1].split(",").map((f) => column(f.trim()));
      cur.indexes.push(`${kind} (${fields.join(", ")})`);
    } else if (line && !line.startsWith("//")) {
      const m = /^(\w+)\s+(\w+)(\??)(\[\])?\s*(.*)$/.exec(line);
      if (m && SCALARS.has(m[2])) {
        const attrs = m[5];
        const notes: string[] = [];
        if (/@id\b/.test(attrs)) notes.push("primary key");
        if (/@unique\b/.test(attrs)) notes.push("unique");
        const def = /@default\(((?:[^()]|\([^)]*\))*)\)/.exec(attrs);
        if (def) notes.push(`default ${def[1]}`);
        const mapped = /@map\("([^"]+)"\)/.exec(attrs);
        cur.columns.push({ field: m[1], name: mapped ? mapped[1] : m[1], type: SQL_TYPE[m[2]], nullable: m[3] === "?", notes, doc: doc.join(" ") });
      } else if (m) {
        const rel = /@relation\((?:"\w+",\s*)?fields: \[(\w+)\], references: \[(\w+)\](?:, onDelete: (\w+))?/.exec(m[5]);
        if (rel) {
          const target = tables.find((t) => t.model === m[2])?.table ?? m[2];
          const col = cur.columns.find((c) => c.field === rel[1]);
          col?.notes.push(`→ ${target}${rel[3] ? ` (on delete ${rel[3].toLowerCase()})` : ""}`);
        }
      }
      doc = [];
    }
  }
  // Relations to models defined later: resolve their table names now.
  for (const t of tables) for (const c of t.columns) c.notes = c.notes.map((n) => n.replace(/→ (\w+)/, (_, m) => `→ ${tables.find((x) => x.model === m)?.table ?? m}`));
  return tables;
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; items?: Json; anyOf?: Json[]; enum?: unknown[]; format?: string; default?: unknown; additionalProperties?: unknown; const?: unknown };

function describeType(s: Json): string {
  if (s.anyOf) return [...new Set(s.anyOf.map(describeType))].join(" or ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === "array") return `array of ${s.items ? describeType(s.items) : "any"}`;
  if (s.type === "object" || s.properties) return "object";
  const t = Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "any");
  return s.format ? `${t} (${s.format})` : t;
}

/** Flattens an object schema into rows of dotted paths (arrays of objects as `field[].sub`). */
function fieldRows(s: Json, prefix = ""): string[] {
  const rows: string[] = [];
  const obj = s.anyOf?.find((x) => x.properties) ?? s;
  for (const [name, sub] of Object.entries(obj.properties ?? {})) {
    const p = prefix + name;
    const required = (obj.required ?? []).includes(name) && sub.default === undefined;
    const inner = sub.anyOf?.find((x) => x.properties || x.items) ?? sub;
    rows.push(`| \`${p}\` | ${cell(describeType(sub))} | ${required ? "yes" : "no"} |`);
    if (inner.properties) rows.push(...fieldRows(inner, p + "."));
    else if (inner.items && (inner.items.properties || inner.items.anyOf)) rows.push(...fieldRows(inner.items, p + "[]."));
  }
  return rows;
}

export function renderSchemaDoc(): string {
  const tables = parsePrismaModels(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
  const out: string[] = [
    "# Schema",
    "",
    "Generated by `npm run docs:schema` from `prisma/schema.prisma` and the bundle's zod schemas (`lib/core/plaid.ts`); `scripts/schema-doc.test.ts` fails when this file is out of date. Do not edit by hand: change the sources and regenerate.",
    "",
    "Money columns are integer cents (`*_cents`) with Plaid's sign: positive = money leaving the account. Dates from Plaid are `YYYY-MM-DD` text; JSON payloads are text columns. The same model serves SQLite and PostgreSQL.",
    "",
    "## Tables",
    "",
  ];
  for (const t of tables) {
    out.push(`### ${t.table}`, "", t.doc || `(${t.model})`, "", "| column | type | null | notes |", "|---|---|---|---|");
    for (const c of t.columns) out.push(`| \`${c.name}\` | ${c.type} | ${c.nullable ? "yes" : "no"} | ${cell([...c.notes, c.doc].filter(Boolean).join("; "))} |`);
    if (t.indexes.length) out.push("", `Indexes: ${t.indexes.join("; ")}.`);
    out.push("");
  }
  out.push(
    "## The ingest bundle",
    "",
    "The body of `POST /api/ingest`, the file of `npm run ingest` and the output of `npm run generate`. Field names are Plaid's; unknown fields are accepted and ignored; amounts are dollars as Plaid sends them (stored as cents). `required` = must be present (null allowed where the type says so).",
    "",
  );
  const bundle = z.toJSONSchema(BundleSchema, { io: "input", unrepresentable: "any" }) as Json;
  for (const [section, s] of Object.entries(bundle.properties ?? {})) {
    out.push(`### ${section}`, "", "| field | type | required |", "|---|---|---|");
    const items = s.items ?? s;
    if (items.properties || items.anyOf) out.push(...fieldRows(items));
    out.push("");
  }
  return out.join("\n").replace(/\n+$/, "\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(SCHEMA_DOC, renderSchemaDoc());
  console.error(`wrote ${path.relative(root, SCHEMA_DOC)}`);
}
