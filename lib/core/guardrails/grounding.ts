/**
 * Grounding: every number a rationale states must come from its facts. A number is grounded
 * when it appears (as the same token: "$3,400", "68%", "0.4") in some fact's display or subject,
 * or is a segment of a fact key (card keys carry the mask: "card.4523.utilization").
 */
import type { Fact } from "../shared/types";

export interface GroundingResult {
  ok: boolean;
  /** Number tokens in the text that no fact supports. */
  ungrounded: string[];
}

const NUMBER_RE = /\$?\d[\d,]*(?:\.\d+)?%?/g;

/**
 * Number tokens in a text, canonicalized so equal amounts compare equal: commas and trailing
 * sentence dots removed, trailing zero decimals dropped ("$3,400.00." → "$3400", "68.0%" → "68%").
 * Digit strings with leading zeros (card masks like "0042") are kept as written.
 */
export function numberTokens(text: string): string[] {
  return (text.match(NUMBER_RE) ?? []).map((raw) => {
    const t = raw.replace(/,/g, "").replace(/\.$/, "");
    const m = /^(\$?)(\d+(?:\.\d+)?)(%?)$/.exec(t);
    if (!m || /^0\d/.test(m[2])) return t;
    return `${m[1]}${String(Number(m[2]))}${m[3]}`;
  });
}

export function checkGrounding(text: string, facts: Fact[]): GroundingResult {
  const allowed = new Set<string>();
  for (const f of facts) {
    for (const t of numberTokens(f.display)) allowed.add(t);
    if (f.subject) for (const t of numberTokens(f.subject)) allowed.add(t);
    for (const seg of f.key.split(".")) if (/^\d+$/.test(seg)) allowed.add(seg);
  }
  const ungrounded = [...new Set(numberTokens(text).filter((t) => !allowed.has(t)))];
  return { ok: ungrounded.length === 0, ungrounded };
}
