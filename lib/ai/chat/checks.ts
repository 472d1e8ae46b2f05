/**
 * The chat's output checks: the rationale checks of lib/ai/checks.ts (numbers, tone, advice,
 * products, disclosure wording), with the grounding widened to what chat tools return:
 *  - a dollar amount may also be the sum of some dollar facts of one tool result ("together $25.98");
 *  - a date is grounded when a tool returned that calendar date (a next charge, a paycheck);
 *  - digits inside names the tools returned (merchants, cards, suggestion titles) are names, not claims;
 * plus IDENTIFIER: an answer never carries an email address (whoever a question names).
 */
import type { Fact } from "../../core/shared/types";
import { CHAT_SUM_MAX_STATES } from "../../core/chat/constants";
import type { DateFact } from "../../core/chat/types";
import { AI_CHECKS, checkModelText, failureReason, type AiCheck, type ProductName } from "../checks";
import { extractNumbers } from "../numbers";

export const CHAT_CHECKS = {
  ...AI_CHECKS,
  /** An email address in an answer: we never repeat one, whoever the question names. */
  IDENTIFIER: "IDENTIFIER",
} as const;
export type ChatCheckName = (typeof CHAT_CHECKS)[keyof typeof CHAT_CHECKS];

export interface ChatCheck extends Omit<AiCheck, "name"> {
  name: ChatCheckName;
}

/** What an answer is checked against: everything the tools returned in this turn. */
export interface ChatGround {
  facts: Fact[];
  dates: DateFact[];
  /** The dollar facts of each tool result: sums within one result are grounded. */
  sumGroups: number[][];
  /** Names the tools returned (merchants, card labels, categories, payer): their digits are not claims. */
  names: string[];
  /** Titles of the customer's approved suggestions: the only catalog products an answer may name. */
  eligibleTitles: string[];
}

export const emptyGround = (): ChatGround => ({ facts: [], dates: [], sumGroups: [], names: [], eligibleTitles: [] });

const sumCache = new WeakMap<number[], Set<number>>();

/** Every sum of two or more of `values` (cents), enumerated up to CHAT_SUM_MAX_STATES distinct sums. */
export function subsetSums(values: number[]): Set<number> {
  let sums = sumCache.get(values);
  if (sums) return sums;
  // reach[k] = sums of subsets of size 1, size >= 2 (kept apart so a single value is not a "sum").
  let one = new Set<number>();
  let many = new Set<number>();
  for (const v of values) {
    if (one.size + many.size > CHAT_SUM_MAX_STATES) break;
    const nextMany = new Set(many);
    for (const s of one) nextMany.add(s + v);
    for (const s of many) nextMany.add(s + v);
    one = new Set(one).add(v);
    many = nextMany;
  }
  sums = many;
  sumCache.set(values, sums);
  return sums;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A written date as month, day and (when written) year; null when it cannot be read. */
export function parseWrittenDate(raw: string): { month: number; day: number; year: number | null } | null {
  const t = raw.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, "$1").replace(/[.,]/g, " ");
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.trim());
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t.trim());
  if (m) return { month: Number(m[1]), day: Number(m[2]), year: m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : null };
  const words = t.split(/\s+/).filter(Boolean);
  const mi = words.findIndex((w) => MONTHS.includes(w.slice(0, 3)));
  if (mi < 0) return null;
  const nums = words.filter((w) => /^\d+$/.test(w)).map(Number);
  const day = nums.find((n) => n >= 1 && n <= 31);
  if (day === undefined) return null;
  const year = nums.find((n) => n > 31) ?? null;
  return { month: MONTHS.indexOf(words[mi].slice(0, 3)) + 1, day, year };
}

export function dateGrounded(raw: string, dates: readonly DateFact[]): boolean {
  const d = parseWrittenDate(raw);
  if (!d) return false;
  return dates.some((f) => {
    const [y, m, day] = f.date.split("-").map(Number);
    return m === d.month && day === d.day && (d.year === null || d.year === y);
  });
}

function sumGrounded(raw: string, groups: readonly number[][]): boolean {
  const n = extractNumbers(raw)[0];
  return !!n && n.kind === "usd" && groups.some((g) => subsetSums(g).has(n.value));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Every check on one stretch of answer text; all run, in a fixed order. */
export function checkChatText(text: string, ground: ChatGround, products: readonly ProductName[]): ChatCheck[] {
  const base = checkModelText({ text, facts: ground.facts, eligibleTitles: [...ground.eligibleTitles, ...ground.names], products });
  const checks: ChatCheck[] = base.map((c) => {
    if (c.name === AI_CHECKS.UNGROUNDED_NUMBER) {
      const found = c.found.filter((raw) => !sumGrounded(raw, ground.sumGroups));
      return { ...c, passed: found.length === 0, found };
    }
    if (c.name === AI_CHECKS.UNGROUNDED_DATE) {
      const found = c.found.filter((raw) => !dateGrounded(raw, ground.dates));
      return { ...c, passed: found.length === 0, found };
    }
    return c;
  });
  const emails = [...new Set(text.match(EMAIL) ?? [])];
  checks.push({ name: CHAT_CHECKS.IDENTIFIER, passed: emails.length === 0, found: emails });
  return checks;
}

/** "UNGROUNDED_NUMBER: $12; TONE: irresponsible" */
export function chatFailureReason(checks: readonly ChatCheck[]): string {
  return failureReason(checks as unknown as AiCheck[]);
}
