/**
 * The deterministic synthetic data generator: a Plaid-shaped ingest bundle (lib/core/plaid.ts) and
 * per-user ground-truth labels (./labels.ts). Same options, same bytes.
 *
 *   generateBundle(opts)  in memory (tests, benchmarks, small populations)
 *   writeBundle(opts)     streamed to `out` and `<out>.labels.jsonl` in bounded memory
 *   writeCsvBundle(opts)  the same as CSV files in the folder `out` (lib/core/csv.ts), labels in `out`/labels.jsonl
 */
import type { Bundle } from "../core/plaid";
import type { UserLabels } from "./labels";
import { periodOf, validateOptions, type GenerateOptions } from "./options";
import { planUser } from "./plan";
import { accountsOf, userOf } from "./sections";
import { generateTransactions } from "./transactions";

export { writeBundle } from "./write";
export { writeCsvBundle, csvLabelsPath } from "./write-csv";
export { readLabels, readLabelsSync, type PlantedStream, type UserLabels } from "./labels";
export { DEFAULT_OPTIONS, labelsPathFor, periodOf, type GenerateOptions, type WriteOptions } from "./options";
export { planUser } from "./plan";

export function generateBundle(opts: GenerateOptions): { bundle: Bundle; labels: UserLabels[] } {
  validateOptions(opts);
  const period = periodOf(opts);
  const bundle: Bundle = { users: [], accounts: [], transactions: [], liabilities: { credit: [], student: [], mortgage: [] } };
  const labels: UserLabels[] = [];
  for (let i = 0; i < opts.users; i++) bundle.users.push(userOf(opts.seed, i));
  for (let i = 0; i < opts.users; i++) {
    const plan = planUser(opts.seed, i, period);
    bundle.accounts.push(...accountsOf(plan));
    const out = generateTransactions(opts.seed, period, plan, opts.enrichment);
    for (const t of out.transactions) bundle.transactions.push(t);
    labels.push(out.labels);
    bundle.liabilities.credit!.push(...plan.credit);
    bundle.liabilities.student!.push(...plan.student);
    bundle.liabilities.mortgage!.push(...plan.mortgage);
  }
  return { bundle, labels };
}
