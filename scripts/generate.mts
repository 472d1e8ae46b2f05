/**
 * tsx scripts/generate.mts [--users N] [--seed S] [--months M] [--as-of YYYY-MM-DD] [--format json|csv] [--enrichment full|partial|none] [--out FILE|DIR]
 *
 * Writes a deterministic synthetic Plaid-shaped bundle to FILE (default .data/bundle.json) and its
 * ground-truth labels beside it (<FILE without .json>.labels.jsonl). With --format csv, writes the
 * bundle's CSV files into the folder DIR (default .data/bundle-csv) and the labels as DIR/labels.jsonl.
 * Prints one summary line to stderr.
 */
import { parseArgs } from "node:util";
import { DEFAULT_OPTIONS, csvLabelsPath, labelsPathFor, writeBundle, writeCsvBundle, type WriteOptions } from "../lib/generator/index.ts";

const USAGE = "usage: tsx scripts/generate.mts [--users N] [--seed S] [--months M] [--as-of YYYY-MM-DD] [--format json|csv] [--enrichment full|partial|none] [--out FILE|DIR]";
const DEFAULT_CSV_DIR = ".data/bundle-csv";

function integer(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v)) throw new Error(`--${name} must be an integer, got "${v}"`);
  return Number(v);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: "string" },
      seed: { type: "string" },
      months: { type: "string" },
      "as-of": { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      enrichment: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv") throw new Error(`--format must be json or csv, got "${format}"`);
  const opts: WriteOptions = {
    users: integer("users", values.users, DEFAULT_OPTIONS.users),
    seed: integer("seed", values.seed, DEFAULT_OPTIONS.seed),
    months: integer("months", values.months, DEFAULT_OPTIONS.months),
    asOf: values["as-of"] ?? DEFAULT_OPTIONS.asOf,
    out: values.out ?? (format === "csv" ? DEFAULT_CSV_DIR : DEFAULT_OPTIONS.out),
    ...(values.enrichment !== undefined ? { enrichment: values.enrichment as WriteOptions["enrichment"] } : {}),
  };
  const r = format === "csv" ? await writeCsvBundle(opts) : await writeBundle(opts);
  const labels = format === "csv" ? csvLabelsPath(opts.out) : labelsPathFor(opts.out);
  const rate = r.seconds > 0 ? Math.round(r.transactions / r.seconds) : 0;
  console.error(
    `generated ${r.users} users, ${r.transactions} transactions in ${r.seconds.toFixed(2)} s (${rate} tx/s) -> ${opts.out} + ${labels}`,
  );
}

main().catch((e: unknown) => {
  console.error(`generate: ${e instanceof Error ? e.message : String(e)}`);
  console.error(USAGE);
  process.exit(1);
});
