/**
 * Cadence: which Plaid frequency the gaps between a stream's charges fit (CADENCE_BANDS, with missed
 * and displaced charges tolerated), and the predicted next date. Decisions: docs/decisions.md
 * ("Recurring streams").
 */
import { addMonths } from "../time";
import {
  BAD_GAPS_PER,
  BIWEEKLY_EXACT_SHARE,
  CADENCE_BANDS,
  MAX_PERIODS_PER_GAP,
  ON_TIME_GAPS_PER,
  ROWS_PER_MISSED_CHARGE,
  SEMI_MONTHLY_MIN_MEAN_GAP,
  STREAM_MIN_OCCURRENCES,
  type CadenceBand,
} from "./constants";
import { dayIso, isoDay } from "./days";
import type { Frequency } from "./types";

export interface Cadence {
  frequency: Frequency;
  badGaps: number;
  skips: number;
}

/** Scratch for sorting gaps without allocating per group. */
let scratch = new Int32Array(64);
/** No cadence averages less than a week minus its tolerance per period (missed charges only raise the mean). */
export const MIN_MEAN_GAP = CADENCE_BANDS.WEEKLY.period - CADENCE_BANDS.WEEKLY.meanTolerance;

/** Which cadence the gaps of `days` (sorted) fit, or null. */
export function detectCadence(days: number[]): Cadence | null {
  const n = days.length;
  if (n < STREAM_MIN_OCCURRENCES) return null;
  // No cadence averages under a week minus its tolerance per period (missed charges only raise the mean).
  if ((days[n - 1] - days[0]) / (n - 1) < MIN_MEAN_GAP) return null;
  const gaps = new Array<number>(n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = days[i] - days[i - 1];
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  const sorted = scratch.subarray(0, n - 1);
  for (let i = 0; i < n - 1; i++) sorted[i] = gaps[i];
  sorted.sort();
  const median = sorted[(n - 2) >> 1];
  // The band holding the median gap first; then bands where the median is a missed charge (2-3 periods).
  for (const f of CANDIDATE_FREQUENCIES) {
    if (periodsInGap(median, CADENCE_BANDS[f]) !== 1) continue;
    const c = evaluateCadence(days, gaps, f);
    if (c) return c;
  }
  for (const f of CANDIDATE_FREQUENCIES) {
    if (periodsInGap(median, CADENCE_BANDS[f]) < 2) continue;
    const c = evaluateCadence(days, gaps, f);
    if (c) return c;
  }
  return null;
}

/** SEMI_MONTHLY shares BIWEEKLY's band and is decided inside evaluateCadence. */
const CANDIDATE_FREQUENCIES: readonly Frequency[] = ["WEEKLY", "BIWEEKLY", "MONTHLY", "ANNUALLY"];

function evaluateCadence(days: number[], gaps: number[], candidate: Frequency): Cadence | null {
  const n = days.length;
  let freq = candidate;
  let band = CADENCE_BANDS[freq];
  let fit = 0;
  let missed = 0;
  let bad = 0;
  let periods = 0;
  let exact14 = 0;
  for (const g of gaps) {
    const k = periodsInGap(g, band);
    if (k === 1) {
      fit++;
      periods += 1;
      if (g === CADENCE_BANDS.BIWEEKLY.period) exact14++;
    } else if (k > 1) {
      missed += k - 1;
      periods += k;
    } else {
      bad++;
      periods += Math.max(1, Math.round(g / band.period));
    }
  }
  const span = days[n - 1] - days[0];
  const mean = span / periods;
  if (freq === "BIWEEKLY") {
    // BIWEEKLY and SEMI_MONTHLY share the [10, 20] band: same weekday every time, or a mean under 15.2 days.
    if (!(exact14 >= BIWEEKLY_EXACT_SHARE * fit) && mean >= SEMI_MONTHLY_MIN_MEAN_GAP) {
      freq = "SEMI_MONTHLY";
      band = CADENCE_BANDS.SEMI_MONTHLY;
    }
  }
  const nGaps = gaps.length;
  if (bad > Math.floor(nGaps / BAD_GAPS_PER)) return null;
  if (missed > Math.max(1, Math.floor(n / ROWS_PER_MISSED_CHARGE))) return null;
  if (fit * ON_TIME_GAPS_PER < nGaps) return null;
  if (Math.abs(mean - band.period) > band.meanTolerance) return null;
  return { frequency: freq, badGaps: bad, skips: missed };
}

/** How many periods a gap spans (1 = on time, 2..MAX_PERIODS_PER_GAP = missed charges), or 0 when it fits none. */
function periodsInGap(g: number, band: CadenceBand): number {
  if (g >= band.gap[0] && g <= band.gap[1]) return 1;
  for (let k = 2; k <= MAX_PERIODS_PER_GAP; k++) {
    const shift = (k - 1) * band.period;
    if (g >= band.gap[0] + shift && g <= band.gap[1] + shift) return k;
  }
  return 0;
}

function dayOfMonth(iso: string): number {
  return (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
}

/** Plaid-style predicted next date. Monthly keeps the stream's usual day of month (Jan 31 -> Feb 29 -> Mar 31 -> Apr 30). */
export function predictNext(dates: string[], frequency: Frequency): string {
  const last = dates[dates.length - 1];
  const lastDay = isoDay(last);
  switch (frequency) {
    case "WEEKLY":
      return dayIso(lastDay + 7);
    case "BIWEEKLY":
      return dayIso(lastDay + 14);
    case "SEMI_MONTHLY":
      return dayIso(lastDay + 15);
    case "ANNUALLY":
      return addMonths(last, 12);
    case "MONTHLY": {
      // The usual day of month: median of the last three (the later of two), so a clamped Feb 29 keeps 31.
      const recent = dates.slice(-3).map(dayOfMonth).sort((x, y) => x - y);
      const anchor = recent.length === 3 ? recent[1] : recent[recent.length - 1];
      const monthStart = `${last.slice(0, 8)}01`;
      for (let k = 0; k <= 2; k++) {
        const m = addMonths(monthStart, k);
        const iso = `${m.slice(0, 8)}${String(Math.min(anchor, monthLength(m))).padStart(2, "0")}`;
        // A charge pulled early or pushed late by a few days still predicts the next calendar month.
        if (isoDay(iso) - lastDay >= 15) return iso;
      }
      return addMonths(last, 1);
    }
  }
}

function monthLength(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
