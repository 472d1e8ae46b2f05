/**
 * Output checks for model-written rationales. Nothing a model writes is shown until every check
 * passes; a failing text is replaced by the template rationale (see phrase.ts). Check names are
 * the public vocabulary of the fallback `reason` and the trace notes.
 */
import { checkAdviceLanguage, checkTone } from "../core/guardrails/tone";
import { PREDATORY_OFFER_KINDS } from "../core/guardrails/constants";
import type { Catalog } from "../core/recommend/catalog";
import type { Fact } from "../core/shared/types";
import { ungroundedNumbers } from "./numbers";

export const AI_CHECKS = {
  /** The model returned no text. */
  EMPTY_OUTPUT: "EMPTY_OUTPUT",
  /** A dollar amount, percent or number that is not one of the draft's facts. */
  UNGROUNDED_NUMBER: "UNGROUNDED_NUMBER",
  /** A calendar date: facts carry no dates, so any date is invented. */
  UNGROUNDED_DATE: "UNGROUNDED_DATE",
  /** checkTone (lib/core/guardrails/tone.ts): shaming or judgmental wording. */
  TONE: "TONE",
  /** checkAdviceLanguage: directive or promissory financial advice. */
  ADVICE: "ADVICE",
  /** A catalog offer or partner outside the eligible set, or a predatory product. */
  INELIGIBLE_PRODUCT: "INELIGIBLE_PRODUCT",
  /**
   * The model wrote a disclosure of its own (paraphrased or altered). The disclosure is ours: it is
   * appended verbatim after the check, never written by the model (an exact copy is stripped first).
   */
  DISCLOSURE: "DISCLOSURE",
  /** The model call failed (no key, network, provider error). Not a text check, but a fallback reason. */
  MODEL_ERROR: "MODEL_ERROR",
} as const;
export type AiCheckName = (typeof AI_CHECKS)[keyof typeof AI_CHECKS];

export interface AiCheck {
  name: AiCheckName;
  passed: boolean;
  /** Each offending item ("12%", "irresponsible", "Payday Plus"); empty when passed. */
  found: string[];
}

/** Generic product words we never let a model put in front of a customer. */
export const PREDATORY_TERMS: readonly string[] = [
  ...PREDATORY_OFFER_KINDS.map((k) => k.replace(/_/g, " ")),
  "payday lender",
  "payday advance",
  "cash advance",
  "title lender",
  "pawn shop",
  "loan shark",
];

/** Disclosure-like wording a model must not write (we append DISCLOSURE ourselves). */
const DISCLOSURE_LIKE = /\b(?:not\s+(?:financial|investment|legal)\s+advice|licensed\s+(?:financial\s+)?advis[eo]r|disclaimer|educational\s+content)\b/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A name as a pattern: words separated by any run of spaces/hyphens, plural allowed. Single-word
 * names ("Evenly", "Roundup") are matched case-sensitively so ordinary words ("evenly") pass;
 * longer names are matched in any case.
 */
const patternCache = new Map<string, RegExp>();
const PATTERN_CACHE_MAX = 2000;

/** Compiled once per (name, flags): the checks run on every recommendation the pipeline writes. */
function namePattern(name: string, flags?: string): RegExp {
  const key = `${flags ?? ""}\u0000${name}`;
  let re = patternCache.get(key);
  if (!re) {
    const words = name.trim().split(/[\s-]+/).map(escape);
    re = new RegExp(`(?<![\\w])${words.join("[\\s-]+")}s?(?![\\w])`, flags ?? (words.length === 1 ? "" : "i"));
    if (patternCache.size < PATTERN_CACHE_MAX) patternCache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

export interface ProductName {
  name: string;
  /** The offer titles this name stands for (a partner's name stands for all its offers). */
  titles: string[];
}

/** Every offer title and partner name in the catalog. */
export function catalogProductNames(catalog: Pick<Catalog, "offers">): ProductName[] {
  const byName = new Map<string, ProductName>();
  const add = (name: string, title: string) => {
    const key = name.toLowerCase();
    const cur = byName.get(key) ?? { name, titles: [] };
    if (!cur.titles.includes(title)) cur.titles.push(title);
    byName.set(key, cur);
  };
  for (const o of catalog.offers) {
    add(o.title, o.title);
    add(o.partner, o.title);
  }
  return [...byName.values()];
}

/**
 * Names in `text` of products outside `eligibleTitles`: catalog offer titles and partner names (a
 * partner is allowed when one of its offers is eligible) and generic predatory products.
 * Eligible titles are removed from the text first, so "Lakeside 12-Month CD" does not also count
 * as a mention of "Lakeside Savings Bank"'s other products.
 */
export function ineligibleProducts(text: string, eligibleTitles: readonly string[], names: readonly ProductName[]): string[] {
  const eligible = new Set(eligibleTitles.map((t) => t.toLowerCase()));
  let rest = text;
  for (const t of eligibleTitles) rest = rest.replace(namePattern(t, "gi"), " ");
  const found: string[] = [];
  for (const n of names) {
    if (n.titles.some((t) => eligible.has(t.toLowerCase()))) continue;
    const m = namePattern(n.name).exec(rest);
    if (m) found.push(m[0]);
  }
  for (const term of PREDATORY_TERMS) {
    const m = namePattern(term).exec(rest);
    if (m) found.push(m[0]);
  }
  return [...new Set(found)];
}

export interface CheckInput {
  text: string;
  facts: readonly Fact[];
  eligibleTitles: readonly string[];
  products: readonly ProductName[];
}

/** Removes eligible product titles, whose own digits ("12-Month CD") are names, not claims. */
function withoutTitles(text: string, titles: readonly string[]): string {
  let t = text;
  for (const title of titles) t = t.replace(namePattern(title, "gi"), " ");
  return t;
}

/** Runs every output check, in a fixed order; all are run (the reason lists every failure). */
export function checkModelText(input: CheckInput): AiCheck[] {
  const { text, facts, eligibleTitles, products } = input;
  const checks: AiCheck[] = [];
  const push = (name: AiCheckName, found: string[]) => checks.push({ name, passed: found.length === 0, found });

  push(AI_CHECKS.EMPTY_OUTPUT, text.trim().length === 0 ? ["(empty)"] : []);
  const ungrounded = ungroundedNumbers(withoutTitles(text, eligibleTitles), facts);
  push(AI_CHECKS.UNGROUNDED_NUMBER, ungrounded.filter((n) => n.kind !== "date").map((n) => n.raw));
  push(AI_CHECKS.UNGROUNDED_DATE, ungrounded.filter((n) => n.kind === "date").map((n) => n.raw));
  push(AI_CHECKS.TONE, checkTone(text).violations.map((v) => v.phrase));
  push(AI_CHECKS.ADVICE, checkAdviceLanguage(text).violations.map((v) => v.phrase));
  push(AI_CHECKS.INELIGIBLE_PRODUCT, ineligibleProducts(text, eligibleTitles, products));
  push(AI_CHECKS.DISCLOSURE, DISCLOSURE_LIKE.exec(text)?.slice(0, 1) ?? []);
  return checks;
}

/** "UNGROUNDED_NUMBER: 12%; TONE: irresponsible": each failed check by name with what it found. */
export function failureReason(checks: readonly AiCheck[]): string {
  return checks
    .filter((c) => !c.passed)
    .flatMap((c) => c.found.map((f) => `${c.name}: ${f}`))
    .join("; ");
}
