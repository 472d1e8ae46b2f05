/**
 * Display helpers shared by persona reasons and recommendation facts. They never round a value
 * across a boundary: percentages and months are truncated (49.96% shows as "49.9%", not "50%").
 */
import { formatUsd } from "../money";
import type { CardSignal } from "../signals/types";
import { RATIO_COMPARE_DECIMALS } from "./constants";

const SCALE = 10 ** RATIO_COMPARE_DECIMALS;

/** Rounds a ratio to RATIO_COMPARE_DECIMALS decimals (removes float noise, keeps 0.499 as 0.499). */
export function normalizeRatio(v: number): number {
  return Math.round(v * SCALE) / SCALE;
}

/** Truncates toward zero to one decimal, with float noise removed first; "68", "49.9", "-1.2". */
function oneDecimal(v: number): string {
  const n = normalizeRatio(v);
  const tenths = Math.trunc(n * 10 + (n >= 0 ? 1e-9 : -1e-9));
  const s = tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
  return s === "-0" ? "0" : s;
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
  return `${s} ${s === "1" ? "month" : "months"}`;
}

/** 52 → "52 days", 45.5 → "45.5 days". */
export function formatDays(days: number): string {
  const s = oneDecimal(days);
  return `${s} ${s === "1" ? "day" : "days"}`;
}

export function formatCount(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
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
