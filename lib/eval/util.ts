/** Small helpers shared by the metric modules. */
import { EVAL_LIST_LIMIT } from "./constants";
import type { Listed, Share } from "./types";

export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export const share = (count: number, total: number): Share => ({ count, total, share: ratio(count, total) });

export const listed = <T>(items: T[], limit = EVAL_LIST_LIMIT): Listed<T> => ({ total: items.length, items: items.slice(0, limit) });

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
