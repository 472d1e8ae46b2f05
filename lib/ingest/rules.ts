/**
 * Rules the ingest adds to the bundle contract (lib/core/plaid.ts) after an element passed it:
 * values the schema's types allow but no bank would send, which would otherwise be stored.
 */
import type { Section } from "./scan";

/** One bad field of an ingest: where it is and what is wrong with it. */
export interface FieldError {
  /** e.g. "transactions[12].amount", "liabilities.credit[0].aprs[1].apr_percentage" */
  path: string;
  reason: string;
}

/** Ids are opaque tokens: "no control characters (NUL, line breaks, tabs)"; they break lookups, logs and exports. */
export const ID_CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const ID_REASON = "must not contain control characters (NUL, line breaks, tabs)";

/** The id fields of each section (top level of the element). */
const ID_FIELDS: Record<Section, readonly string[]> = {
  users: ["user_id"],
  accounts: ["account_id", "user_id"],
  transactions: ["transaction_id", "account_id", "pending_transaction_id"],
  credit: ["account_id"],
  student: ["account_id"],
  mortgage: ["account_id"],
};

/**
 * Amounts that "cannot be negative": a credit limit, a minimum payment, a monthly payment, an amount
 * past due, a late fee, a loan's original principal. (Balances can be: a credit card paid beyond
 * its balance, an overdrawn checking account.)
 */
export const NON_NEGATIVE_AMOUNTS: Record<Section, readonly (readonly string[])[]> = {
  users: [],
  transactions: [],
  accounts: [["balances", "limit"]],
  credit: [["minimum_payment_amount"]],
  student: [["minimum_payment_amount"], ["origination_principal_amount"]],
  mortgage: [["next_monthly_payment"], ["past_due_amount"], ["current_late_fee"], ["origination_principal_amount"]],
};

const at = (v: unknown, path: readonly string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), v);

/** Text with NUL (which PostgreSQL cannot store) or a lone surrogate (not Unicode): both only arrive as \u escapes. */
function badStrings(v: unknown, path: string, out: FieldError[]): void {
  if (typeof v === "string") {
    if (v.includes("\u0000")) out.push({ path, reason: "must not contain the NUL character" });
    else if (!(v as string & { isWellFormed(): boolean }).isWellFormed()) out.push({ path, reason: "must be valid Unicode (it holds a lone surrogate escape)" });
  } else if (Array.isArray(v)) v.forEach((x, i) => badStrings(x, `${path}[${i}]`, out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) badStrings(x, `${path}.${k}`, out);
}

/**
 * Errors of a valid element under the ingest's own rules. escaped: its text holds a \u escape, so
 * its strings are searched for NUL and lone surrogates (text without escapes cannot hold either).
 */
export function ruleErrors(section: Section, base: string, data: unknown, escaped: boolean): FieldError[] {
  const out: FieldError[] = [];
  const d = data as Record<string, unknown>;
  for (const f of ID_FIELDS[section]) {
    const v = d[f];
    if (typeof v === "string" && ID_CONTROL_CHARACTERS.test(v)) out.push({ path: `${base}.${f}`, reason: ID_REASON });
  }
  for (const p of NON_NEGATIVE_AMOUNTS[section]) {
    const v = at(d, p);
    if (typeof v === "number" && v < 0) out.push({ path: `${base}.${p.join(".")}`, reason: "must not be negative" });
  }
  if (escaped) {
    const strings: FieldError[] = [];
    badStrings(d, base, strings);
    for (const e of strings) if (!out.some((o) => o.path === e.path)) out.push(e);
  }
  return out;
}
