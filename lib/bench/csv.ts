/**
 * `ingest_csv_sqlite`: the same rows as `ingest_sqlite` (same seed, users, months), written as the
 * bundle's CSV files and ingested from the folder into a fresh SQLite database, beside the JSON
 * path's figure measured in the same run.
 */
import path from "node:path";
import { rmSync } from "node:fs";
import { emit, time } from "./util";
import { freshSqlite } from "../db/fresh";
import { closeRaw } from "../db/raw";
import { ingestCsvDir, openSink } from "../ingest";
import { writeCsvBundle, type WriteOptions } from "../generator";

export async function runCsvIngestBench(opts: {
  dir: string;
  label: string;
  generate: Omit<WriteOptions, "out">;
  transactions: number;
  /** ingest_sqlite of the same rows, transactions/s */
  jsonRate: number;
  ctx: Record<string, unknown>;
}): Promise<void> {
  const csvDir = path.join(opts.dir, `bundle-${opts.label}-csv`);
  await writeCsvBundle({ ...opts.generate, out: csvDir });
  await closeRaw();
  const file = path.join(opts.dir, `ingest-csv-${opts.label}.db`);
  const target = { kind: "sqlite", url: freshSqlite(file), file } as const;
  const r = await time(() => ingestCsvDir(csvDir, { sink: openSink(target) }));
  if (!r.value.ok) throw new Error(`bench CSV ingest failed: ${JSON.stringify(r.value.errors.slice(0, 3))}`);
  await closeRaw();
  rmSync(file, { force: true });
  const rate = opts.transactions / (r.ms / 1000);
  const base = { database: "sqlite", size: opts.label, transactions: opts.transactions, ...opts.ctx };
  emit("ingest_csv_sqlite", rate, "transactions/s", { ...base, seconds: r.ms / 1000, note: "folder of CSV files -> csv-parse -> validate -> upsert, one transaction" });
  emit("ingest_csv_sqlite_ratio_to_json", opts.jsonRate / rate, "x", { ...base, goal: "<= 1.5", note: "ingest_sqlite / ingest_csv_sqlite, same rows, same run" });
}
