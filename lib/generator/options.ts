/** Generator options, their defaults, and the generated period. */
import { isIsoDate } from "../core/time";
import { isEnrichment, type Enrichment } from "./enrichment";
import { dayFromYmd, dayOf, ymd } from "./days";

export interface GenerateOptions {
  users: number;
  seed: number;
  /** Length of the generated history, in months, ending on (and including) asOf. */
  months: number;
  /** YYYY-MM-DD: the last day of the history. The generator never reads the clock. */
  asOf: string;
  /** How much of Plaid's enrichment the feed keeps (./enrichment.ts); "full" when absent. */
  enrichment?: Enrichment;
}

export interface WriteOptions extends GenerateOptions {
  /** Bundle JSON path; the labels go beside it as `<out without .json>.labels.jsonl`. */
  out: string;
}

export const DEFAULT_OPTIONS: WriteOptions = {
  users: 100,
  seed: 42,
  months: 12,
  asOf: "2026-11-01",
  out: ".data/bundle.json",
};

export const MAX_USERS = 10_000_000;
export const MAX_MONTHS = 60;

export function validateOptions(o: GenerateOptions): void {
  if (!Number.isInteger(o.users) || o.users < 0 || o.users > MAX_USERS) throw new Error(`--users must be an integer in [0, ${MAX_USERS}]`);
  if (!Number.isInteger(o.seed)) throw new Error("--seed must be an integer");
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > MAX_MONTHS) throw new Error(`--months must be an integer in [1, ${MAX_MONTHS}]`);
  if (!isIsoDate(o.asOf)) throw new Error("--as-of must be a calendar date YYYY-MM-DD");
  if (o.enrichment !== undefined && !isEnrichment(o.enrichment)) throw new Error("--enrichment must be full, partial or none");
}

export interface Period {
  /** First day (inclusive): the day after asOf minus `months` months. */
  start: number;
  /** asOf (inclusive). */
  end: number;
  months: number;
}

export function periodOf(o: GenerateOptions): Period {
  const end = dayOf(o.asOf);
  const { y, m, d } = ymd(end);
  return { start: dayFromYmd(y, m - o.months, d) + 1, end, months: o.months };
}

export function labelsPathFor(out: string): string {
  return (out.endsWith(".json") ? out.slice(0, -".json".length) : out) + ".labels.jsonl";
}
