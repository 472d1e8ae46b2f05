/**
 * CSV ingest: a set of files (users.csv, accounts.csv, transactions.csv, credit_liabilities.csv,
 * credit_aprs.csv, student_liabilities.csv, mortgage_liabilities.csv; any subset) streamed through
 * csv-parse into the same bundle objects as the JSON form (lib/core/csv.ts), validated by the same
 * schemas and checked and written by the same IngestSession: all or nothing across the files, the
 * same data twice changes nothing. Every error names the file, the line and the column
 * ("transactions.csv:12:5 (amount)").
 */
import { Readable, pipeline } from "node:stream";
import { parse, CsvError } from "csv-parse";
import { CSV_FILES, cellValue, resolveHeader, rowObject, type CsvColumn, type CsvSection } from "../core/csv";
import { IngestSession, type IngestResult } from "./session";
import { INGEST_BATCH_ITEMS, type Section } from "./scan";
import { validateBatch, type ValidatedItem } from "./validate";
import type { FieldError } from "./rules";
import type { IngestSink } from "./sink";
import type { IngestRunRecord } from "./run-record";
import { CsvLines, type FileLines } from "./csv-errors";

/** One CSV file of an ingest: its name (users.csv, ...) and its bytes, in chunks. */
export interface CsvSource {
  file: string;
  chunks: () => AsyncIterable<Uint8Array>;
}

export interface CsvIngestOptions {
  sink: IngestSink;
  run: IngestRunRecord;
  maxItems?: number;
  onBatch?: (items: number) => void;
}

/** Decoded text of a file's chunks; bytes that are not UTF-8 are an error (never replaced). */
async function* utf8Text(file: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let bytes = 0;
  for await (const c of chunks) {
    try {
      yield decoder.decode(c, { stream: true });
    } catch {
      throw new CsvFileError(`${file}`, `is not UTF-8 (invalid bytes after byte ${bytes})`);
    }
    bytes += c.byteLength;
  }
  yield decoder.decode();
}

class CsvFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

class TooManyItems extends Error {}

/** A parsed record with the line it starts on. */
interface CsvRecord {
  cells: string[];
  line: number;
}

/** Records of one file, each with the line it starts on. */
async function* records(file: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<CsvRecord> {
  // pipeline: an error of the source (bytes that are not UTF-8) ends the parser with that error
  const parser = pipeline(
    Readable.from(utf8Text(file, chunks)),
    parse({ info: true, bom: true, skip_empty_lines: true }),
    () => {},
  );
  let lastLine = 0;
  let lastEmpty = 0;
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = lastLine + 1 + (r.info.empty_lines - lastEmpty);
      lastLine = r.info.lines;
      lastEmpty = r.info.empty_lines;
      yield { cells: r.record, line };
    }
  } catch (e) {
    if (e instanceof CsvError) throw new CsvFileError(`${file}:${(e as CsvError & { lines?: number }).lines ?? lastLine + 1}`, e.message);
    throw e;
  }
}

/** The object of one row, or the errors of its cells (file:line:column). */
function rowOf(file: string, rec: CsvRecord, columns: readonly CsvColumn[]): { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const values: unknown[] = new Array(columns.length);
  const errors: FieldError[] = [];
  for (let i = 0; i < columns.length; i++) {
    try {
      values[i] = cellValue(columns[i], rec.cells[i] ?? "");
    } catch (e) {
      errors.push({ path: `${file}:${rec.line}:${i + 1} (${columns[i].name})`, reason: (e as Error).message });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: rowObject(columns, values) };
}

/** Reads a file's header; header problems are errors and the file's rows are skipped. */
async function header(file: string, section: CsvSection, it: AsyncIterator<CsvRecord>, session: IngestSession): Promise<CsvColumn[] | null> {
  const first = await it.next();
  if (first.done) return null; // an empty file: nothing to ingest
  const { columns, problems } = resolveHeader(section, first.value.cells);
  for (const p of problems) session.fail({ path: p.column ? `${file}:${first.value.line}:${p.column}` : `${file}:${first.value.line}`, reason: p.reason });
  return problems.length ? null : (columns as CsvColumn[]);
}

type AprEntry = { value: Record<string, unknown>; line: number };

/** credit_aprs.csv, read whole before the credit rows it belongs to (a few rows per card). */
async function readAprs(src: CsvSource, session: IngestSession, lines: CsvLines): Promise<Map<string, AprEntry[]>> {
  const byAccount = new Map<string, AprEntry[]>();
  const it = records(src.file, src.chunks())[Symbol.asyncIterator]();
  const columns = await header(src.file, "aprs", it, session);
  if (!columns) return byAccount;
  lines.headerOf("aprs", columns);
  for (let r = await it.next(); !r.done; r = await it.next()) {
    const row = rowOf(src.file, r.value, columns);
    if (!row.ok) {
      for (const e of row.errors) session.fail(e);
      continue;
    }
    const { account_id, ...apr } = row.value;
    const list = byAccount.get(String(account_id)) ?? [];
    list.push({ value: apr, line: r.value.line });
    byAccount.set(String(account_id), list);
  }
  return byAccount;
}

const SECTION_OF: Record<Exclude<CsvSection, "aprs">, Section> = {
  users: "users",
  accounts: "accounts",
  transactions: "transactions",
  credit: "credit",
  student: "student",
  mortgage: "mortgage",
};

interface FileRun {
  session: IngestSession;
  lines: CsvLines;
  aprs: Map<string, AprEntry[]>;
  counter: { items: number; max: number };
  onBatch?: (items: number) => void;
}

/** Streams one file's rows into the session in batches. */
async function ingestFile(src: CsvSource, section: Exclude<CsvSection, "aprs">, run: FileRun): Promise<void> {
  const it = records(src.file, src.chunks())[Symbol.asyncIterator]();
  const columns = await header(src.file, section, it, run.session);
  if (!columns) return;
  const fileLines: FileLines = run.lines.headerOf(section, columns);
  const target = SECTION_OF[section];
  // rows in file order: bad cells already judged here, the rest validated by the schemas at flush
  let batch: (ValidatedItem | { section: Section; index: number; value: unknown; ok?: undefined })[] = [];
  const flush = async () => {
    const validated = validateBatch(batch.filter((b) => b.ok === undefined));
    let k = 0;
    await run.session.processValidated(batch.map((b) => (b.ok === undefined ? validated[k++] : b)));
    run.onBatch?.(run.counter.items);
    batch = [];
  };
  for (let r = await it.next(); !r.done; r = await it.next()) {
    if (++run.counter.items > run.counter.max) throw new TooManyItems();
    const index = fileLines.add(r.value.line);
    const row = rowOf(src.file, r.value, columns);
    if (!row.ok) batch.push({ section: target, index, ok: false, errors: row.errors, invalidKey: invalidKeyOf(target, r.value, columns) });
    else {
      if (section === "credit") attachAprs(row.value, run, index);
      batch.push({ section: target, index, value: row.value });
    }
    if (batch.length >= INGEST_BATCH_ITEMS) await flush();
  }
  if (batch.length) await flush();
}

/** A bad user or account row still names its id, so rows referring to it are not reported again. */
function invalidKeyOf(section: Section, rec: CsvRecord, columns: readonly CsvColumn[]): string | null {
  if (section !== "users" && section !== "accounts") return null;
  const i = columns.findIndex((c) => c.name === (section === "users" ? "user_id" : "account_id"));
  return i >= 0 && rec.cells[i] ? `${section}:${rec.cells[i]}` : null;
}

function attachAprs(credit: Record<string, unknown>, run: FileRun, index: number): void {
  const id = String(credit.account_id);
  const entries = run.aprs.get(id) ?? [];
  run.aprs.delete(id);
  credit.aprs = entries.map((e) => e.value);
  run.lines.aprLines(index, entries.map((e) => e.line));
}

/** Checks the file names: each must be one of CSV_FILES, once. */
function checkNames(sources: readonly CsvSource[], session: IngestSession): Map<CsvSection, CsvSource> {
  const out = new Map<CsvSection, CsvSource>();
  const known = CSV_FILES.map((f) => f.file).join(", ");
  for (const s of sources) {
    const entry = CSV_FILES.find((f) => f.file === s.file);
    if (!entry) session.fail({ path: s.file, reason: `is not one of the ingest's files (${known})` });
    else if (out.has(entry.section)) session.fail({ path: s.file, reason: "is given twice" });
    else out.set(entry.section, s);
  }
  if (!sources.length) session.fail({ path: "(body)", reason: `no CSV file; send any of ${known}` });
  return out;
}

/** Ingests a set of CSV files in one transaction; errors name file:line:column. */
export async function ingestCsv(sources: readonly CsvSource[], opts: CsvIngestOptions): Promise<IngestResult> {
  const session = new IngestSession(opts.sink, opts.run);
  await session.begin();
  const lines = new CsvLines();
  const files = checkNames(sources, session);
  const run: FileRun = { session, lines, aprs: new Map(), counter: { items: 0, max: opts.maxItems ?? Infinity }, onBatch: opts.onBatch };
  try {
    const aprs = files.get("aprs");
    if (aprs) run.aprs = await readAprs(aprs, session, lines);
    for (const { section } of CSV_FILES) {
      const src = files.get(section);
      if (src && section !== "aprs" && !session.failed) await ingestFile(src, section, run);
    }
    for (const [id, entries] of run.aprs)
      session.fail({ path: `credit_aprs.csv:${entries[0].line}:1 (account_id)`, reason: `no row of credit_liabilities.csv has account_id "${id}"` });
  } catch (e) {
    if (e instanceof CsvFileError) session.fail({ path: e.path, reason: e.reason });
    else if (e instanceof TooManyItems) session.failTooLarge(run.counter.max);
    else {
      await session.abort();
      throw e;
    }
  }
  const result = await session.finish();
  return result.ok ? result : { ...result, errors: result.errors.map((e) => lines.locate(e)) };
}
