/**
 * `npm run generate -- --format csv --out DIR`: the bundle as its CSV files (lib/core/csv.ts) in
 * DIR, and the labels as DIR/labels.jsonl. One pass over the users, each file streamed with
 * backpressure, so memory stays bounded whatever the population.
 */
import { mkdirSync, createWriteStream } from "node:fs";
import path from "node:path";
import { CSV_COLUMNS, CSV_FILES, aprRows, csvHeader, csvLine, type CsvSection } from "../core/csv";
import { periodOf, validateOptions, type WriteOptions } from "./options";
import { planUser } from "./plan";
import { accountsOf, userOf } from "./sections";
import { generateTransactions } from "./transactions";
import { ChunkWriter, type WriteResult } from "./write";

/** The labels file of a CSV folder. */
export const csvLabelsPath = (dir: string) => path.join(dir, "labels.jsonl");

export async function writeCsvBundle(opts: WriteOptions): Promise<WriteResult> {
  validateOptions(opts);
  const started = process.hrtime.bigint();
  const period = periodOf(opts);
  mkdirSync(opts.out, { recursive: true });
  const writers = new Map<CsvSection, ChunkWriter>();
  for (const { file, section } of CSV_FILES) {
    const w = new ChunkWriter(createWriteStream(path.join(opts.out, file), { encoding: "utf8" }));
    w.push(csvHeader(section));
    writers.set(section, w);
  }
  const labels = new ChunkWriter(createWriteStream(csvLabelsPath(opts.out), { encoding: "utf8" }));
  const put = (section: CsvSection, rows: readonly unknown[]) => {
    const w = writers.get(section)!;
    for (const r of rows) w.push(csvLine(CSV_COLUMNS[section], r));
  };
  let transactions = 0;
  for (let i = 0; i < opts.users; i++) {
    const plan = planUser(opts.seed, i, period);
    put("users", [userOf(opts.seed, i)]);
    put("accounts", accountsOf(plan));
    const out = generateTransactions(opts.seed, period, plan, opts.enrichment);
    put("transactions", out.transactions);
    transactions += out.transactions.length;
    labels.push(JSON.stringify(out.labels) + "\n");
    put("credit", plan.credit);
    put("aprs", aprRows(plan.credit));
    put("student", plan.student);
    put("mortgage", plan.mortgage);
    for (const w of [...writers.values(), labels]) await w.settle();
  }
  await Promise.all([...writers.values(), labels].map((w) => w.end()));
  return { users: opts.users, transactions, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
