/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). The generator works in day
 * numbers and renders ISO dates only when it writes; `iso` memoizes that rendering because the
 * same few hundred dates are written millions of times.
 */
import { fromDayNumber, toDayNumber } from "../core/time";

export const SUNDAY = 0;
export const SATURDAY = 6;
export const FRIDAY = 5;
export const THURSDAY = 4;

const isoCache = new Map<number, string>();
export function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = fromDayNumber(day);
    isoCache.set(day, s);
  }
  return s;
}

export function dayOf(isoDate: string): number {
  return toDayNumber(isoDate);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}


/** The day itself if a business day, else the following Monday. */
export function nextBusinessDay(day: number): number {
  const w = weekday(day);
  return w === SATURDAY ? day + 2 : w === SUNDAY ? day + 1 : day;
}

/** The day itself if a business day, else the preceding Friday. */
export function previousBusinessDay(day: number): number {
  const w = weekday(day);
  return w === SATURDAY ? day - 1 : w === SUNDAY ? day - 2 : day;
}

export interface Ymd {
  y: number;
  /** 1..12 */
  m: number;
  d: number;
}

const ymdCache = new Map<number, Ymd>();
export function ymd(day: number): Ymd {
  let v = ymdCache.get(day);
  if (!v) {
    const dt = new Date(day * 86_400_000);
    v = Object.freeze({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
    ymdCache.set(day, v);
  }
  return v;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1];
}

/** Day number of y-m-d, the day clamped to the month's length (the 31st of February is the 28th/29th). */
export function dayFromYmd(y: number, m: number, d: number): number {
  const total = y * 12 + (m - 1);
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return Math.floor(Date.UTC(ny, nm - 1, Math.min(d, daysInMonth(ny, nm))) / 86_400_000);
}

/** Same day-of-month `months` later (clamped). */
export function addMonthsDay(day: number, months: number): number {
  const { y, m, d } = ymd(day);
  return dayFromYmd(y, m + months, d);
}

export interface MonthSlice {
  y: number;
  m: number;
  /** First and last day of the calendar month that fall inside [from, to]. */
  start: number;
  end: number;
  /** Days of the full calendar month. */
  monthDays: number;
}

/** The calendar months overlapping [from, to], each clipped to it. */
export function monthSlices(from: number, to: number): MonthSlice[] {
  const out: MonthSlice[] = [];
  let { y, m } = ymd(from);
  for (;;) {
    const first = dayFromYmd(y, m, 1);
    if (first > to) break;
    const dim = daysInMonth(y, m);
    const last = first + dim - 1;
    out.push({ y, m, start: Math.max(first, from), end: Math.min(last, to), monthDays: dim });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** "MM/DD", as bank descriptors print dates. */
export function mmdd(day: number): string {
  const s = iso(day);
  return `${s.slice(5, 7)}/${s.slice(8, 10)}`;
}
