/**
 * How numbers, counts and lists read in every sentence the core writes (persona reasons,
 * rationale facts, customer insights). Values are never rounded across a boundary: percentages
 * and months are truncated (49.96% shows as "49.9%", not "50%"). Counts and lists follow the
 * language's rules (Intl.PluralRules, Intl.ListFormat), never a hand-made "n === 1".
 */
import { formatUsd } from "../money";
import type { CardSignal } from "../signals/types";
import { normalizeRatio } from "./compare";

/** The one locale of every sentence we write. */
const COPY_LOCALE = "en-US";

const PLURAL_RULES = new Intl.PluralRules(COPY_LOCALE);
const LIST_FORMAT = new Intl.ListFormat(COPY_LOCALE, { style: "long", type: "conjunction" });

/** Truncates toward zero to one decimal, with float noise removed first; "68", "49.9", "-1.2". */
function oneDecimal(v: number): string {
  const n = normalizeRatio(v);
  const tenths = Math.trunc(n * 10 + (n >= 0 ? 1e-9 : -1e-9));
  const s = tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
  return s === "-0" ? "0" : s;
}

/** The form of a word (or verb) that agrees with `n`: pluralWord(1, "renews", "renew") → "renews". */
export function pluralWord(n: number, one: string, other: string): string {
  return PLURAL_RULES.select(n) === "one" ? one : other;
}

/** "1 subscription", "3 subscriptions", "0 subscriptions". */
export function formatCount(n: number, one: string, other: string): string {
  return `${n} ${pluralWord(n, one, other)}`;
}

/**
 * "Netflix", "Netflix and Hulu", "Netflix, Hulu, and Spotify". With `max`, the items past it are
 * counted, never dropped silently: "A, B, C, D, and 2 more".
 */
export function formatList(items: readonly string[], max = Infinity): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : items;
  return LIST_FORMAT.format(shown);
}

/** 0.68 → "68%", 0.4999 → "49.9%", 0.025 → "2.5%". */
export function formatPercent(ratio: number): string {
  return `${oneDecimal(ratio * 100)}%`;
}

/** Whole dollars when the amount is whole ("$3,400"), cents otherwise ("$87.23"). */
export function formatMoney(cents: number): string {
  return Math.round(cents) % 100 === 0 ? formatUsd(cents, { wholeDollars: true }) : formatUsd(cents);
}

/** 0.43 → "0.4 months", 1 → "1 month". */
export function formatMonths(months: number): string {
  const s = oneDecimal(months);
  return `${s} ${pluralWord(Number(s), "month", "months")}`;
}

/** 52 → "52 days", 45.5 → "45.5 days". */
export function formatDays(days: number): string {
  const s = oneDecimal(days);
  return `${s} ${pluralWord(Number(s), "day", "days")}`;
}

/** "Visa ending in 4523"; the card's name alone when it has no mask. */
export function cardLabel(card: Pick<CardSignal, "name" | "mask">): string {
  const name = card.name.trim() || "Credit card";
  return card.mask ? `${name} ending in ${card.mask}` : name;
}

/** Fact-key prefix for a card: "card.4523" (the mask), or "card.<account_id>" without a mask. */
export function cardKey(card: Pick<CardSignal, "mask" | "account_id">): string {
  return `card.${card.mask ?? card.account_id}`;
}
