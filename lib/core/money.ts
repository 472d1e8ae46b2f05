/**
 * Money inside SpendSense is integer cents. Plaid sends dollars as JSON numbers with the
 * sign convention "positive amount = money leaving the account"; we keep that sign.
 */

/** Largest absolute amount we accept, in cents ($20,000,000): fits a 32-bit database integer. */
export const MAX_ABS_CENTS = 2_000_000_000;

/** Dollars (as Plaid sends them) to integer cents, rounding half away from zero. */
export function toCents(dollars: number): number {
  const c = Math.round(Math.abs(dollars) * 100 + 1e-7);
  return dollars < 0 ? -c : c;
}

/** Cents to a dollars number with two decimals, for JSON output. */
export function toDollars(cents: number): number {
  return Math.round(cents) / 100;
}

/** "$1,234.56" (or "$1,235" with wholeDollars). Negative values get a leading minus. */
export function formatUsd(cents: number, opts: { wholeDollars?: boolean } = {}): string {
  const neg = cents < 0;
  const abs = Math.abs(Math.round(cents));
  let s: string;
  if (opts.wholeDollars) {
    s = Math.round(abs / 100).toLocaleString("en-US");
  } else {
    const d = Math.floor(abs / 100);
    const c = abs % 100;
    s = `${d.toLocaleString("en-US")}.${c.toString().padStart(2, "0")}`;
  }
  return `${neg ? "-" : ""}$${s}`;
}
