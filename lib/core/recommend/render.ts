/** Renders rationale templates from facts; every number in the output is a fact's display. */
import type { Fact } from "../shared/types";
import type { SentenceSpec, TemplateSpec } from "./templates";

const PLACEHOLDER_RE = /\{([a-z0-9_.*-]+)(\|subject)?\}/gi;

function findFact(facts: Fact[], key: string): Fact | undefined {
  return facts.find((f) => f.key === key);
}

/** Candidate values for `*` in a key pattern, in fact order. */
function bindings(facts: Fact[], pattern: string): string[] {
  const parts = pattern.split(".");
  const star = parts.indexOf("*");
  const out: string[] = [];
  for (const f of facts) {
    const k = f.key.split(".");
    if (k.length !== parts.length) continue;
    if (parts.every((p, i) => p === "*" || p === k[i]) && !out.includes(k[star])) out.push(k[star]);
  }
  return out;
}

/**
 * One template string → text, or null if a placeholder has no fact (or the fact has no subject
 * when `|subject` is asked for). Used facts are appended to `used`.
 */
export function renderTemplate(template: string, facts: Fact[], used: Fact[] = []): string | null {
  const keys = [...template.matchAll(PLACEHOLDER_RE)].map((m) => m[1]);
  const wild = keys.find((k) => k.includes("*"));
  const candidates = wild ? bindings(facts, wild) : [""];
  for (const b of candidates) {
    const local: Fact[] = [];
    let ok = true;
    const text = template.replace(PLACEHOLDER_RE, (_m, key: string, subj?: string) => {
      const f = findFact(facts, key.replace("*", b));
      if (!f || (subj && !f.subject)) {
        ok = false;
        return "";
      }
      if (!local.includes(f)) local.push(f);
      return subj ? (f.subject as string) : f.display;
    });
    if (ok) {
      for (const f of local) if (!used.includes(f)) used.push(f);
      return text;
    }
  }
  return null;
}

/** First alternative of a sentence that renders, or null. */
export function renderSentence(sentence: SentenceSpec, facts: Fact[], used: Fact[] = []): string | null {
  for (const alt of sentence) {
    const t = renderTemplate(alt, facts, used);
    if (t !== null) return t;
  }
  return null;
}

/**
 * Renders a rationale: each sentence's first resolvable alternative, joined by spaces. Returns
 * the text and the facts it used (the draft's `facts`).
 */
export function renderRationale(template: TemplateSpec, facts: Fact[]): { text: string; facts: Fact[] } {
  const used: Fact[] = [];
  const sentences = template.map((s) => renderSentence(s, facts, used)).filter((s): s is string => s !== null);
  return { text: sentences.join(" "), facts: used };
}
