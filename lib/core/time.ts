/**
 * Calendar dates are ISO strings "YYYY-MM-DD" (Plaid's format) handled in UTC.
 * Nothing here reads the clock: every window is computed from an explicit as-of date.
 */

const DAY_MS = 86_400_000;
export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const validDates = new Set<string>();
const VALID_DATES_CACHE_MAX = 20_000;

/** A real calendar date "YYYY-MM-DD" (2026-02-30 is not). Memoized: feeds repeat the same dates. */
export function isIsoDate(s: string): boolean {
  if (validDates.has(s)) return true;
  if (typeof s !== "string" || !ISO_DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  const ok = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  if (ok && validDates.size < VALID_DATES_CACHE_MAX) validDates.add(s);
  return ok;
}

/** Days since 1970-01-01 (UTC) for an ISO date. */
export function toDayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Adds calendar months, clamping the day to the month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
