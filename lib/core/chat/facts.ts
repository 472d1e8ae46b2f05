/**
 * Fact builders for the chat tools: each number a tool returns is written once, as its display, and
 * recorded as a Fact (lib/core/recommend/types.ts) the output checks ground the answer against.
 */
import { formatDays, formatMonths, formatMoney, formatPercent } from "../shared/format";
import type { Frequency } from "../signals/types";
import type { Fact } from "../shared/types";
import type { DateFact } from "./types";

/** Collects the facts and dates of one tool result while its data is written. */
export class FactSheet {
  readonly facts: Fact[] = [];
  readonly dates: DateFact[] = [];

  private add(f: Fact): string {
    this.facts.push(f);
    return f.display;
  }
  usd(key: string, label: string, cents: number, subject?: string): string {
    return this.add({ key, label, value: Math.round(cents), unit: "usd_cents", display: formatMoney(cents), ...(subject ? { subject } : {}) });
  }
  ratio(key: string, label: string, value: number, subject?: string): string {
    return this.add({ key, label, value, unit: "ratio", display: formatPercent(value), ...(subject ? { subject } : {}) });
  }
  months(key: string, label: string, value: number): string {
    return this.add({ key, label, value, unit: "months", display: formatMonths(value) });
  }
  days(key: string, label: string, value: number): string {
    return this.add({ key, label, value, unit: "days", display: formatDays(value) });
  }
  count(key: string, label: string, value: number): number {
    this.add({ key, label, value, unit: "count", display: String(value) });
    return value;
  }
  date(key: string, label: string, date: string, subject?: string): string {
    this.dates.push({ key, label, date, ...(subject ? { subject } : {}) });
    return date;
  }
}

/** How a cadence reads in a sentence ("every two weeks"): words, so it states no number. */
export const CADENCE_WORDS: Record<Frequency, string> = {
  WEEKLY: "every week",
  BIWEEKLY: "every two weeks",
  SEMI_MONTHLY: "twice a month",
  MONTHLY: "every month",
  ANNUALLY: "once a year",
};

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-10" → "November 10" (the year is the as-of year or the next; the tool data carries it). */
export function formatDayMonth(iso: string): string {
  const [, m, d] = iso.split("-").map(Number);
  return `${MONTH_NAMES[m - 1]} ${d}`;
}

/** "FOOD_AND_DRINK" → "food and drink"; null (Plaid could not tell) → "uncategorized". */
export function categoryWords(primary: string | null): string {
  return primary ? primary.toLowerCase().replace(/_/g, " ") : "uncategorized";
}
