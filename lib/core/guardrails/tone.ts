/**
 * Tone: no shaming or judgmental wording, and no directive "advice" language. Patterns use word
 * boundaries and cover common inflections; the tests list what must be caught and what must pass.
 */

export interface ToneViolation {
  /** The text that matched. */
  phrase: string;
  reason: string;
}

export interface ToneResult {
  ok: boolean;
  violations: ToneViolation[];
}

interface ToneRule {
  id: string;
  pattern: RegExp;
  reason: string;
}

const YOU_ARE = String.raw`you(?:'re|\s+are|\s+were|'ve\s+been|\s+have\s+been)`;
const LABEL = "labels the person instead of describing the situation";
const JUDGE = "judges the person's choices";
const BLAME = "blames or shames";

/** Shaming and judgmental wording. */
export const TONE_RULES: readonly ToneRule[] = [
  { id: "bad_with_money", pattern: /\b(?:bad|terrible|awful|horrible|hopeless|clueless|useless)\s+(?:with|at)\s+(?:money|finances|budgeting|saving|credit)\b/i, reason: LABEL },
  { id: "irresponsible", pattern: /\birresponsib(?:le|ly|ility)\b/i, reason: LABEL },
  { id: "reckless", pattern: /\breckless(?:ly|ness)?\b/i, reason: LABEL },
  { id: "wasteful", pattern: /\bwast(?:eful(?:ly|ness)?|ing)\b/i, reason: JUDGE },
  { id: "wasted_money", pattern: /\bwasted?\s+(?:(?:your|so\s+much|all\s+that|a\s+lot\s+of)\s+)?(?:money|cash|income|paycheck)\b/i, reason: JUDGE },
  { id: "ashamed", pattern: /\b(?:ashamed|shameful(?:ly)?|shame\s+on\s+you)\b/i, reason: BLAME },
  { id: "should_feel", pattern: /\b(?:should|ought\s+to)\s+(?:feel|be)\s+(?:guilty|bad|embarrassed|sorry)\b/i, reason: BLAME },
  { id: "embarrassing", pattern: /\bembarrassing(?:ly)?\b/i, reason: BLAME },
  { id: "careless", pattern: /\bcareless(?:ly|ness)?\b/i, reason: LABEL },
  { id: "you_failed", pattern: /\byou(?:'ve|\s+have|'re|\s+are)?\s+(?:(?:completely|totally|clearly|already|just)\s+)?fail(?:ed|ing)\b/i, reason: BLAME },
  { id: "failure", pattern: new RegExp(String.raw`\b(?:${YOU_ARE}\s+(?:a|such\s+a)\s+failure|financial\s+failure)\b`, "i"), reason: LABEL },
  { id: "poor_choices", pattern: /\b(?:poor|bad|terrible|dumb|stupid|unwise|irrational)\s+(?:financial\s+|money\s+|spending\s+|life\s+)?(?:choices?|decisions?|judg(?:e)?ment|habits?)\b/i, reason: JUDGE },
  { id: "stop_wasting", pattern: /\bstop\s+(?:wasting|throwing\s+away|blowing)\b/i, reason: JUDGE },
  { id: "spending_problem", pattern: /\b(?:overspending|spending|shopping|money)\s+(?:problem|issue|addiction)s?\b/i, reason: LABEL },
  { id: "overspender", pattern: /\b(?:over-?spender|spendaholic|shopaholic)s?\b/i, reason: LABEL },
  { id: "addicted", pattern: /\baddict(?:ed|ion|s)?\b/i, reason: LABEL },
  { id: "lazy", pattern: /\blaz(?:y|ier|iest|iness|ily)\b/i, reason: LABEL },
  { id: "foolish", pattern: /\b(?:foolish(?:ly|ness)?|stupid(?:ly|ity)?|dumb|idiot(?:ic)?|silly\s+mistakes?)\b/i, reason: LABEL },
  { id: "cant_manage", pattern: new RegExp(String.raw`\byou\s+(?:can(?:'|no)?t|cannot|can\s+not|could(?:n't|\s+not)|don't\s+know\s+how\s+to|do\s+not\s+know\s+how\s+to|never|are\s+unable\s+to|'re\s+unable\s+to)\s+(?:seem\s+to\s+)?(?:manage|handle|control|budget|save|stick\s+to)\b`, "i"), reason: LABEL },
  { id: "undisciplined", pattern: /\b(?:undisciplined|(?:no|lack(?:s|ing)?(?:\s+of)?|zero)\s+(?:any\s+)?(?:self[-\s])?(?:discipline|self-control|willpower))\b/i, reason: LABEL },
  { id: "out_of_control", pattern: /\bout\s+of\s+control\b/i, reason: LABEL },
  { id: "mess", pattern: /\b(?:finances|money|budget|spending|credit)\s+(?:is|are|was|were)\s+(?:a\s+|such\s+a\s+)?(?:mess|disaster|joke)\b/i, reason: LABEL },
  { id: "beyond_means", pattern: /\b(?:living|live|spending|spend)\s+beyond\s+your\s+means\b/i, reason: JUDGE },
  { id: "you_are_label", pattern: new RegExp(String.raw`\b${YOU_ARE}\s+(?:so\s+|too\s+|really\s+|being\s+)?(?:impulsive|broke|greedy|naive|immature|irrational|hopeless|pathetic|a\s+mess)\b`, "i"), reason: LABEL },
  { id: "pathetic", pattern: /\b(?:pathetic|deadbeat|frivolous(?:ly)?)\b/i, reason: LABEL },
  { id: "always_never", pattern: /\byou\s+(?:always|constantly|never)\s+(?:overspend|spend\s+too\s+much|pay\s+late|miss|forget|blow)\b/i, reason: JUDGE },
  { id: "blame", pattern: /\b(?:your\s+own\s+fault|you\s+only\s+have\s+yourself\s+to\s+blame|you\s+brought\s+this\s+on)\b/i, reason: BLAME },
];

/** Directive or promissory language that crosses from education into advice. */
export const ADVICE_RULES: readonly ToneRule[] = [
  { id: "guarantee", pattern: /\bguarantee(?:d|s)?\b|\brisk[-\s]free\b/i, reason: "promises an outcome" },
  { id: "will_improve_score", pattern: /\bwill\s+(?:definitely\s+|certainly\s+)?(?:improve|raise|boost|fix|repair)\s+your\s+credit\b/i, reason: "promises a credit outcome" },
  { id: "you_must", pattern: /\byou\s+(?:must|have\s+to|need\s+to)\s+(?:open|apply|sign\s+up|buy|sell|invest|take\s+out|transfer|refinance|consolidate)\b/i, reason: "directs a financial action" },
  { id: "should_invest", pattern: /\byou\s+should\s+(?:invest|buy|sell|apply|open|take\s+out|refinance|consolidate|borrow)\b/i, reason: "directs a financial action" },
  { id: "invest_in", pattern: /\b(?:buy|sell|invest\s+in)\s+(?:stocks?|shares|bonds|crypto(?:currency)?|bitcoin|index\s+funds?)\b/i, reason: "investment advice" },
];

function normalize(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, " ");
}

function run(rules: readonly ToneRule[], text: string): ToneResult {
  const t = normalize(text);
  const violations: ToneViolation[] = [];
  for (const r of rules) {
    const m = r.pattern.exec(t);
    if (m) violations.push({ phrase: m[0], reason: `${r.reason} (${r.id})` });
  }
  return { ok: violations.length === 0, violations };
}

/** Rejects shaming or judgmental wording. */
export function checkTone(text: string): ToneResult {
  return run(TONE_RULES, text);
}

/** Rejects directive or promissory financial-advice language. */
export function checkAdviceLanguage(text: string): ToneResult {
  return run(ADVICE_RULES, text);
}
