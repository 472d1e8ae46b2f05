/**
 * The CSV form of the ingest bundle: one file per section, headers are Plaid's field names with
 * nested fields joined by dots (`balances.current`, `personal_finance_category.primary`). The
 * columns of each file are read off the bundle's zod schemas (./plaid.ts), so the two forms
 * cannot drift apart. Pure: cells in, bundle objects out (and back, for the generator's writer).
 *
 * Cells: an empty cell is a missing value: null where the field may be null, else left out (the
 * schema then says "is required"), except that a required text field takes it as the empty string
 * (as the JSON form allows, e.g. a transaction's name ""). So the empty string of a nullable text
 * field cannot be told from null in CSV: it is read as null. Numbers are JSON numbers (`-12.5`, no
 * thousands separators or currency signs); booleans `true` / `false`.
 */
import type { z } from "zod";
import {
  AprSchema,
  BundleAccountSchema,
  BundleTransactionSchema,
  BundleUserSchema,
  CreditLiabilitySchema,
  MortgageLiabilitySchema,
  StudentLoanSchema,
} from "./plaid";

export type CsvSection = "users" | "accounts" | "transactions" | "credit" | "aprs" | "student" | "mortgage";

/** The file of each section, in the order an ingest reads them (credit_aprs before credit_liabilities). */
export const CSV_FILES: readonly { file: string; section: CsvSection }[] = [
  { file: "users.csv", section: "users" },
  { file: "accounts.csv", section: "accounts" },
  { file: "credit_aprs.csv", section: "aprs" },
  { file: "credit_liabilities.csv", section: "credit" },
  { file: "student_liabilities.csv", section: "student" },
  { file: "mortgage_liabilities.csv", section: "mortgage" },
  { file: "transactions.csv", section: "transactions" },
];

export type CellKind = "string" | "number" | "boolean";

export interface CsvColumn {
  /** the dotted header, e.g. "balances.current" */
  name: string;
  path: readonly string[];
  kind: CellKind;
  /** the schema needs it (no optional or nullable step on its path): the header must be present */
  required: boolean;
  /** the leaf accepts null (else an empty cell leaves the field out) */
  nullable: boolean;
  /** objects on the path that may be null as a whole: all of their cells empty makes them null */
  nullableParents: readonly string[];
}

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; shape?: Record<string, AnySchema>; catchall?: AnySchema } };

interface Walk {
  path: string[];
  required: boolean;
  nullableParents: string[];
}

function leafKind(type: string): CellKind | null {
  if (type === "number") return "number";
  if (type === "boolean") return "boolean";
  if (type === "string" || type === "enum") return "string";
  return null; // arrays (aprs: their own file) and others have no column
}

function collect(schema: AnySchema, w: Walk, nullable: boolean, out: CsvColumn[]): void {
  const t = schema.def.type;
  if (t === "optional" || t === "nullable" || t === "default") {
    return collect(schema.def.innerType!, { ...w, required: false }, nullable || t === "nullable", out);
  }
  if (t === "object") {
    const parents = nullable ? [...w.nullableParents, w.path.join(".")] : w.nullableParents;
    for (const [k, s] of Object.entries(schema.def.shape!)) collect(s, { path: [...w.path, k], required: w.required, nullableParents: parents }, false, out);
    return;
  }
  const kind = leafKind(t);
  if (kind) out.push({ name: w.path.join("."), path: w.path, kind, required: w.required, nullable, nullableParents: w.nullableParents });
}

function columnsOf(schema: z.ZodType, extra: CsvColumn[] = []): CsvColumn[] {
  const out: CsvColumn[] = [];
  collect(schema as AnySchema, { path: [], required: true, nullableParents: [] }, false, out);
  return [...out, ...extra];
}

const ACCOUNT_ID: CsvColumn = { name: "account_id", path: ["account_id"], kind: "string", required: true, nullable: false, nullableParents: [] };

/** The columns each file may have, in the order the writer puts them. */
export const CSV_COLUMNS: Record<CsvSection, readonly CsvColumn[]> = {
  users: columnsOf(BundleUserSchema),
  accounts: columnsOf(BundleAccountSchema),
  transactions: columnsOf(BundleTransactionSchema),
  credit: columnsOf(CreditLiabilitySchema),
  aprs: [ACCOUNT_ID, ...columnsOf(AprSchema)],
  student: columnsOf(StudentLoanSchema),
  mortgage: columnsOf(MortgageLiabilitySchema),
};

/** Demographics take any further `demographics.<name>` column (the schema's catchall), as text. */
const OPEN_PREFIX: Partial<Record<CsvSection, string>> = { users: "demographics." };

/** A header's problem: unknown, repeated, or a required column missing. */
export interface HeaderProblem {
  /** 1-based column, or null for a missing column */
  column: number | null;
  reason: string;
}

/** A `demographics.<name>` column beyond the schema's named ones (its catchall); an empty cell leaves the key out. */
const demographicsColumn = (key: string): CsvColumn => ({ name: `demographics.${key}`, path: ["demographics", key], kind: "string", required: false, nullable: false, nullableParents: [] });

/** The further demographics columns a set of users needs. */
function extraDemographics(users: readonly object[]): CsvColumn[] {
  const named = new Set(CSV_COLUMNS.users.map((c) => c.name));
  const keys = new Set<string>();
  for (const u of users) for (const k of Object.keys((u as { demographics?: object }).demographics ?? {})) if (!named.has(`demographics.${k}`)) keys.add(k);
  return [...keys].map(demographicsColumn);
}

/** Maps a file's header to its columns; problems name the column. */
export function resolveHeader(section: CsvSection, header: readonly string[]): { columns: (CsvColumn | null)[]; problems: HeaderProblem[] } {
  const known = new Map(CSV_COLUMNS[section].map((c) => [c.name, c]));
  const seen = new Set<string>();
  const problems: HeaderProblem[] = [];
  const columns = header.map((raw, i) => {
    const name = raw.trim();
    if (seen.has(name)) problems.push({ column: i + 1, reason: `column "${name}" appears twice` });
    seen.add(name);
    const col = known.get(name);
    if (col) return col;
    const open = OPEN_PREFIX[section];
    if (open && name.startsWith(open) && name.length > open.length && !name.slice(open.length).includes(".")) {
      return demographicsColumn(name.slice(open.length));
    }
    problems.push({ column: i + 1, reason: `unknown column "${name}"; the columns of this file are ${[...known.keys()].join(", ")}` });
    return null;
  });
  for (const c of CSV_COLUMNS[section]) if (c.required && !seen.has(c.name)) problems.push({ column: null, reason: `missing required column "${c.name}"` });
  return { columns, problems };
}

/** JSON's number grammar: what Plaid sends, nothing a spreadsheet adds ($, thousands commas, spaces). */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;

/** One cell's value; throws the reason when it is not of its column's kind. null: a missing value. */
export function cellValue(col: CsvColumn, cell: string): unknown {
  if (cell === "") return col.kind === "string" && col.required ? "" : null;
  if (col.kind === "string") return cell;
  if (col.kind === "number") {
    if (!NUMBER.test(cell)) throw new Error(`"${cell}" is not a number (write it as -1234.56: no currency sign, no thousands separator)`);
    return Number(cell);
  }
  if (cell === "true" || cell === "false") return cell === "true";
  throw new Error(`"${cell}" is not true or false`);
}

function setAt(obj: Record<string, unknown>, path: readonly string[], v: unknown): void {
  let o = obj;
  for (let i = 0; i < path.length - 1; i++) o = (o[path[i]] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1]] = v;
}

/**
 * The bundle object of one row: empty cells of nullable fields become null, of other fields are
 * left out; a nullable object whose cells are all empty becomes null. cells[i] belongs to columns[i].
 */
export function rowObject(columns: readonly CsvColumn[], values: readonly unknown[]): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const filled = new Set<string>();
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i];
    const v = values[i];
    if (v === null && !col.nullable) continue;
    setAt(obj, col.path, v);
    if (v !== null) for (const p of col.nullableParents) filled.add(p);
  }
  for (const col of columns)
    for (const p of col.nullableParents) if (!filled.has(p)) setAt(obj, p.split("."), null);
  if (obj.demographics && Object.values(obj.demographics).every((v) => v === null)) delete obj.demographics;
  return obj;
}

/** One CSV line for an object (the generator's writer): strings quoted when they hold a quote, comma, line break or edge space. */
export function csvLine(columns: readonly CsvColumn[], obj: unknown): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    let v: unknown = obj;
    for (const k of columns[i].path) v = v == null ? undefined : (v as Record<string, unknown>)[k];
    if (i > 0) line += ",";
    if (v == null) continue;
    if (typeof v !== "string") line += String(v);
    else line += /[",\r\n]/.test(v) || v.trim() !== v ? `"${v.replaceAll('"', '""')}"` : v;
  }
  return line + "\n";
}

/** The header line of a file. */
export function csvHeader(section: CsvSection): string {
  return CSV_COLUMNS[section].map((c) => c.name).join(",") + "\n";
}

/** The aprs rows of credit liabilities: each apr with its card's account_id. */
export function aprRows(credit: readonly { account_id: string; aprs?: readonly object[] }[]): object[] {
  return credit.flatMap((c) => (c.aprs ?? []).map((a) => ({ account_id: c.account_id, ...a })));
}

/** A bundle as the text of its CSV files (a header in every file, even with no rows). */
export function bundleToCsv(bundle: {
  users: readonly object[];
  accounts: readonly object[];
  transactions: readonly object[];
  liabilities: { credit?: readonly { account_id: string; aprs?: readonly object[] }[] | null; student?: readonly object[] | null; mortgage?: readonly object[] | null };
}): Map<string, string> {
  const rows: Record<CsvSection, readonly unknown[]> = {
    users: bundle.users,
    accounts: bundle.accounts,
    transactions: bundle.transactions,
    credit: bundle.liabilities.credit ?? [],
    aprs: aprRows(bundle.liabilities.credit ?? []),
    student: bundle.liabilities.student ?? [],
    mortgage: bundle.liabilities.mortgage ?? [],
  };
  const out = new Map<string, string>();
  for (const { file, section } of CSV_FILES) {
    const columns = section === "users" ? [...CSV_COLUMNS.users, ...extraDemographics(bundle.users)] : CSV_COLUMNS[section];
    out.set(file, columns.map((c) => c.name).join(",") + "\n" + rows[section].map((r) => csvLine(columns, r)).join(""));
  }
  return out;
}
