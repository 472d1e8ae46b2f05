/**
 * Ground-truth labels: one JSON line per user beside the bundle (`<bundle>.labels.jsonl`), saying what
 * the generator planted, so the signal engine and the personas can be measured against it.
 */
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

export interface PlantedStream {
  merchant: string; /* display name */
  kind: "subscription" | "bill" | "debt_payment" | "transfer" | "income";
  direction: "inflow" | "outflow";
  frequency: "WEEKLY" | "BIWEEKLY" | "SEMI_MONTHLY" | "MONTHLY" | "ANNUALLY";
  amount_cents: number;
  account_id: string;
  transaction_ids: string[]; /* posted ids of its occurrences (not the pending twins) */
  active_at_as_of: boolean;
  /** Set when the stream moved to another account mid-period: its earlier rows are on this account. */
  moved_from_account_id?: string;
}

/** Planted noise the engine must see through (lib/generator/README.md, "What the signal engine will find"). */
export type NoiseKind =
  | "subscription_refund" /* a negative row at a subscription's merchant a few days after a charge; not a stream row */
  | "same_price_twin" /* a second subscription at the same price on the same account, never enriched (merchant_name null) */
  | "skipped_month" /* one monthly charge of a subscription is missing (a paused month) */
  | "card_move" /* the subscription moved to another account mid-period; ids = the rows on the new account */
  | "wrong_category" /* a stream row (subscription or payroll) with a wrong personal_finance_category */
  | "tax_wobble"; /* subscription charges whose sales tax is a few cents off the usual amount; ids = the off rows */

export interface PlantedNoise {
  kind: NoiseKind;
  merchant: string;
  /** Index into `streams` of the stream it concerns (absent when that stream is not labelled). */
  stream_index?: number;
  transaction_ids: string[];
  detail: string;
}

export interface UserLabels {
  user_id: string;
  archetypes: string[]; /* e.g. ["salaried","subscription_heavy","high_utilization"] */
  payroll: { frequency: "WEEKLY" | "BIWEEKLY" | "SEMI_MONTHLY" | "MONTHLY"; employer: string; amount_cents: number } | null;
  gig_income: boolean;
  behaviors: {
    min_payment_only: boolean;
    overdue: boolean;
    interest: boolean;
    max_planted_utilization: number;
    saver: boolean;
    savings_from_zero: boolean;
    overdraft_fees: boolean;
    business_account: boolean;
  };
  streams: PlantedStream[];
  noise: PlantedNoise[];
  expected_personas: string[]; /* your intent, among high_utilization, variable_income_budgeter, subscription_heavy, savings_builder, paycheck_to_paycheck */
}

/** Streams the labels file reads line by line (bounded memory for large populations). */
export async function* readLabels(path: string): AsyncIterable<UserLabels> {
  const rl = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() !== "") yield JSON.parse(line) as UserLabels;
  }
}

/** The whole labels file at once (tests, small populations). */
export function readLabelsSync(path: string): UserLabels[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as UserLabels);
}
