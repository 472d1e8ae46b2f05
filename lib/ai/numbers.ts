/**
 * Number extraction for model-written text: every numeric claim, normalized so it can be compared
 * with a draft's facts by value rather than by spelling ("$3,400" = "$3400.00" = 340000 cents).
 *
 * Kinds:
 *   usd       "$3,400", "$87.23", "$87/month" (the "/month" is wording, not part of the value),
 *             "$3.4k", "3,400 dollars"                                  → value in integer cents
 *   percent   "68%", "49.9 percent"                                     → value in percent points (68)
 *   quantity  "1.5 months", "30 days", "3 subscriptions", "12-month", "4523"
 *                                                                       → the number, with the word after it as `unit`
 *   date      "Nov 10", "November 10th", "10 Nov", "2024-11-10", "11/10/2024"
 *
 * Decision on dates: a date is NOT an amount ("Nov 10" never yields the number 10, so it can
 * neither match nor fake a fact whose value is 10). It is still a claim, and facts carry no dates,
 * so the grounding check rejects any date a model writes (UNGROUNDED_DATE).
 * Spelled-out numbers ("three subscriptions") are not extracted (see docs/ai.md, limitations).
 */
import type { Fact } from "../core/shared/types";

export type NumberKind = "usd" | "percent" | "quantity" | "date";

export interface ExtractedNumber {
  /** The text as written, e.g. "$3,400", "0.4 months", "Nov 10". */
  raw: string;
  kind: NumberKind;
  /** usd: integer cents; percent: percent points; quantity: the number; date: NaN. */
  value: number;
  /** quantity only: the following word, lower-case and singular ("month", "subscription"), or null. */
  unit: string | null;
}

const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
/** "3,400", "3400", "0.4", "1,234.56". */
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const ORD = String.raw`(?:st|nd|rd|th)?`;

const PATTERN = new RegExp(
  [
    // dates first, so "Nov 10" and "10 Nov" are never read as the quantity 10
    String.raw`(?<date>\b(?:${MONTHS})\.?\s+\d{1,2}${ORD}\b(?:,?\s+\d{4}\b)?|(?<![\w.,$])\d{1,2}${ORD}\s+(?:${MONTHS})\b\.?(?:\s+\d{4}\b)?|(?<![\w.,$])\d{4}-\d{2}-\d{2}\b|(?<![\w.,$/])\d{1,2}/\d{1,2}(?:/\d{2,4})?\b(?!/))`,
    String.raw`(?<usd>\$\s?(?<usdNum>${NUM})(?<usdK>\s?[kK]\b)?|(?<![\w.,$])(?<usdNum2>${NUM})\s?(?:dollars?|USD)\b)`,
    String.raw`(?<pct>(?<![\w.,$])(?<pctNum>${NUM})\s?(?:%|percent\b|per\s+cent\b))`,
    String.raw`(?<qty>(?<![\w.,$])(?<qtyNum>${NUM})(?:${ORD})(?:(?:\s|-)(?<unit>[A-Za-z]+))?)`,
  ].join("|"),
  "gi",
);

const parseNum = (s: string) => Number(s.replace(/,/g, ""));

/** "months" → "month", "subscriptions" → "subscription", "days" → "day"; other words as they are. */
function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 3 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 2 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

export function extractNumbers(text: string): ExtractedNumber[] {
  const out: ExtractedNumber[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    const raw = m[0].trim();
    if (g.date) {
      out.push({ raw, kind: "date", value: Number.NaN, unit: null });
    } else if (g.usd) {
      const n = parseNum(g.usdNum ?? g.usdNum2 ?? "0") * (g.usdK ? 1000 : 1);
      out.push({ raw, kind: "usd", value: Math.round(n * 100), unit: null });
    } else if (g.pct) {
      out.push({ raw, kind: "percent", value: parseNum(g.pctNum as string), unit: null });
    } else if (g.qty) {
      const unit = g.unit ? singular(g.unit) : null;
      // "3 subscriptions" keeps its word in `raw`; a bare number keeps just the digits.
      out.push({ raw, kind: "quantity", value: parseNum(g.qtyNum as string), unit });
    }
  }
  return out;
}

/** Units whose quantity must match a fact of the same unit ("0.4 months" is not "0.4 days"). */
const TIME_UNITS = new Set(["day", "week", "month", "year"]);

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Digits that name a thing rather than an amount: card masks in subjects and keys ("4523"). */
function identifierNumbers(f: Fact): number[] {
  const ids: number[] = [];
  for (const seg of f.key.split(".")) if (/^\d+$/.test(seg)) ids.push(Number(seg));
  if (f.subject) for (const n of extractNumbers(f.subject)) if (n.kind === "quantity") ids.push(n.value);
  return ids;
}

/**
 * Whether one extracted number is stated by some fact: the same kind and value as the fact's
 * display (or its underlying value), or, for a bare number, a card mask of a fact's subject/key.
 */
export function isGrounded(n: ExtractedNumber, facts: readonly Fact[]): boolean {
  if (n.kind === "date") return false;
  for (const f of facts) {
    const shown = extractNumbers(f.display);
    switch (n.kind) {
      case "usd":
        if (f.unit === "usd_cents" && (Math.round(f.value) === n.value || shown.some((s) => s.kind === "usd" && s.value === n.value))) return true;
        break;
      case "percent":
        if (f.unit === "ratio" && shown.some((s) => s.kind === "percent" && close(s.value, n.value))) return true;
        break;
      case "quantity": {
        const timeUnit = n.unit !== null && TIME_UNITS.has(n.unit);
        for (const s of shown) {
          if (s.kind !== "quantity" || !close(s.value, n.value)) continue;
          if (!timeUnit || s.unit === n.unit) return true;
        }
        if (!timeUnit && f.unit === "count" && close(f.value, n.value)) return true;
        if (!timeUnit && identifierNumbers(f).some((v) => close(v, n.value))) return true;
        break;
      }
    }
  }
  return false;
}

/** The numbers of `text` that no fact states (dates always included), in order, de-duplicated by `raw`. */
export function ungroundedNumbers(text: string, facts: readonly Fact[]): ExtractedNumber[] {
  const seen = new Set<string>();
  return extractNumbers(text).filter((n) => !isGrounded(n, facts) && !seen.has(n.raw) && (seen.add(n.raw), true));
}
