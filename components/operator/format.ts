import { formatDays, formatMonths, formatPercent } from "@/lib/core/shared/format";
import { formatUsd } from "@/lib/core/money";

/** A rule value for display, by the unit its constant's name carries (…_CENTS, …_DAYS, …_MONTHS, ratios). */
export function formatRuleValue(rule: string, v: unknown): string {
  if (v === null || v === undefined) return "n/a";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v !== "number") return String(v);
  if (/_CENTS\b|_CENTS_|CENTS$/.test(rule)) return formatUsd(v);
  if (/DAYS$/.test(rule)) return formatDays(v);
  if (/MONTHS$/.test(rule)) return formatMonths(v);
  if (/(^|_)(UTILIZATION|SHARE|GROWTH_RATE|RATIO)(_|$)/.test(rule)) return formatPercent(v);
  return String(v);
}

/** A signal value for display, by its path (credit.max_utilization, savings.monthly_net_inflow_cents, …). */
export function formatSignalValue(name: string, v: unknown): string {
  if (v === null || v === undefined) return "n/a";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v !== "number") return String(v);
  if (name.endsWith("_cents")) return formatUsd(v);
  if (/(^|[._])(utilization|share_of_spend|growth_rate|pay_variability)$/.test(name)) return formatPercent(v);
  if (name.endsWith("_months")) return formatMonths(v);
  if (name.endsWith("_days")) return formatDays(v);
  return String(v);
}

export const pct = (r: number | null | undefined) => (r === null || r === undefined ? "n/a" : formatPercent(r));
export const usd = (c: number | null | undefined) => (c === null || c === undefined ? "n/a" : formatUsd(c));
export const months = (m: number | null | undefined) => (m === null || m === undefined ? "n/a" : formatMonths(m));
export const dateTime = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, "Z");
