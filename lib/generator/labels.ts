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
