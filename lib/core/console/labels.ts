/**
 * Human words for the codes the operator console shows: frequencies, stream and transaction
 * categories, rule and signal names, trace fields, the action log. Constant names stay available
 * under a "details" toggle; these are what an operator reads first.
 */
import type { Frequency, StreamCategory } from "../signals/types";

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  WEEKLY: "Weekly",
  BIWEEKLY: "Every two weeks",
  SEMI_MONTHLY: "Twice a month",
  MONTHLY: "Monthly",
  ANNUALLY: "Yearly",
};

export const STREAM_CATEGORY_LABELS: Record<StreamCategory, string> = {
  subscription: "Subscription",
  bill: "Bill",
  debt_payment: "Debt payment",
  transfer: "Transfer between own accounts",
  income: "Income",
  other: "Other recurring",
};

/** Fields of a decision trace, as the trace view names them. */
export const TRACE_FIELD_LABELS: Record<string, string> = {
  item: "Item",
  generator: "Written by",
  generated_at: "Written at",
  window: "Window",
  as_of: "As of",
  rationale_tags: "Rationale tags",
  total: "Total",
  persona_weight: "Persona weight",
  signal_weight: "Signal weight",
  tie_break: "Tie-break",
  payout_considered: "Partner payout considered",
};

/** Words that keep their capitals when a code is turned into words. */
const KEEP = new Map([["apr", "APR"], ["apy", "APY"], ["pfc", "PFC"], ["id", "id"], ["30d", "30 days"], ["180d", "180 days"]]);

/**
 * A code in words: "SEMI_MONTHLY" → "Semi monthly", "FOOD_AND_DRINK_COFFEE" → "Food and drink coffee",
 * "credit.max_utilization" → "Credit: max utilization". Known codes use their own label.
 */
const words = (part: string) =>
  part
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => KEEP.get(w.toLowerCase()) ?? w.toLowerCase())
    .join(" ");

/**
 * A code in words. A signal path that names an account by its id ("credit.cards[<id>].utilization")
 * names it by `accounts[id]` ("Blue Cash Everyday ••6090") when given, else "an account": never the id.
 */
export function signalPathLabel(code: string, accounts: Readonly<Record<string, string>>): string {
  if (code in FREQUENCY_LABELS) return FREQUENCY_LABELS[code as Frequency];
  if (code in STREAM_CATEGORY_LABELS) return STREAM_CATEGORY_LABELS[code as StreamCategory];
  if (code in TRACE_FIELD_LABELS) return TRACE_FIELD_LABELS[code];
  const parts = code.split(/\.(?![^[]*\])/).map((part) => {
    const m = /^([^[]*)\[([^\]]*)\]$/.exec(part);
    return m ? `${words(m[1])} (${accounts[m[2]] ?? "an account"})` : words(part);
  });
  const text = parts.join(": ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A code (a constant, field, category or signal name) in words. */
export const codeLabel = (code: string): string => signalPathLabel(code, {});

/** A frequency (null when there is none). */
export const frequencyLabel = (f: string | null | undefined): string => (f ? codeLabel(f) : "n/a");

type Logged = Record<string, unknown> | null;
const STATUS_WORDS: Record<string, string> = { pending: "pending", approved: "approved", rejected: "rejected", flagged: "flagged", superseded: "replaced by a newer run" };
const windowWords = (w: unknown) => (w === "30d" ? "30-day window" : w === "180d" ? "180-day window" : String(w ?? "window"));

/**
 * One action-log entry in words, from its stored before and after: the item and its title, or the
 * persona override ("“Build an emergency fund” (30-day window, as of 2026-11-01): pending → approved").
 */
export function describeLoggedAction(before: Logged, after: Logged, personaName: (id: string | null) => string): string {
  const b = before ?? {};
  const a = after ?? {};
  const where = `${windowWords(a.window ?? b.window)}${a.as_of ?? b.as_of ? `, as of ${String(a.as_of ?? b.as_of)}` : ""}`;
  if ("primary" in a || "primary" in b) {
    return `Persona (${where}): ${personaName((b.primary as string | null) ?? null)} → ${personaName((a.primary as string | null) ?? null)}`;
  }
  const title = (a.title ?? b.title) as string | undefined;
  const status = (s: unknown) => STATUS_WORDS[String(s)] ?? String(s ?? "unknown");
  return `${title ? `“${title}”` : "A recommendation"} (${where}): ${status(b.status)} → ${status(a.status)}`;
}
