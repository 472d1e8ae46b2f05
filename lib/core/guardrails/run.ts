/**
 * runGuardrails: the last gate before a recommendation can be shown. A failing draft is never
 * shown: the caller drops it and records the reasons (applyGuardrails does both).
 */
import type { RecommendationDraft } from "../recommend/types";
import { DISCLOSURE, GUARDRAIL_RULES as R } from "./constants";
import { checkDisclosure, type DisclosureResult } from "./disclosure";
import { checkGrounding, type GroundingResult } from "./grounding";
import { checkAdviceLanguage, checkTone, type ToneResult } from "./tone";
import type { Generator } from "./trace";

export interface GuardrailCheck {
  rule: string;
  passed: boolean;
  detail: string;
}

export interface GuardrailResult {
  passed: boolean;
  checks: GuardrailCheck[];
  /** Details of the failed checks (empty when passed). */
  reasons: string[];
  tone: ToneResult;
  advice: ToneResult;
  disclosure: DisclosureResult;
  grounding: GroundingResult;
}

export type GuardrailSubject = Pick<RecommendationDraft, "item_id" | "kind" | "title" | "rationale" | "disclosure" | "facts"> & {
  trace?: Pick<RecommendationDraft["trace"], "eligibility"> | null;
};

export function runGuardrails(draft: GuardrailSubject): GuardrailResult {
  const checks: GuardrailCheck[] = [];
  const text = `${draft.title}\n${draft.rationale}`;

  const nonEmpty = draft.rationale.trim().length > 0;
  checks.push({ rule: R.NON_EMPTY_RATIONALE, passed: nonEmpty, detail: nonEmpty ? "Rationale present." : "Rationale is empty." });

  const tone = checkTone(text);
  checks.push({
    rule: R.TONE,
    passed: tone.ok,
    detail: tone.ok ? "No shaming or judgmental wording." : `Judgmental wording: ${tone.violations.map((v) => `"${v.phrase}"`).join(", ")}.`,
  });

  const advice = checkAdviceLanguage(text);
  checks.push({
    rule: R.NO_ADVICE_LANGUAGE,
    passed: advice.ok,
    detail: advice.ok ? "No directive or promissory advice." : `Advice language: ${advice.violations.map((v) => `"${v.phrase}"`).join(", ")}.`,
  });

  const disclosure = draft.disclosure === DISCLOSURE ? checkDisclosure(draft.disclosure) : { ok: false, detail: "Disclosure missing or altered." };
  checks.push({ rule: R.DISCLOSURE, passed: disclosure.ok, detail: disclosure.detail });

  const grounding = checkGrounding(draft.rationale, draft.facts);
  checks.push({
    rule: R.GROUNDED_NUMBERS,
    passed: grounding.ok,
    detail: grounding.ok ? "Every number in the rationale comes from its facts." : `Numbers not in facts: ${grounding.ungrounded.join(", ")}.`,
  });

  if (draft.kind === "offer") {
    const e = draft.trace?.eligibility ?? null;
    const predatory = e?.checks.find((c) => c.rule === R.NOT_PREDATORY);
    const passed = !!e && e.eligible && !!predatory?.passed;
    checks.push({
      rule: R.OFFER_ELIGIBLE,
      passed,
      detail: !e
        ? "Offer has no eligibility result."
        : passed
          ? "Offer passed every eligibility check."
          : `Offer failed: ${e.checks.filter((c) => !c.passed).map((c) => c.rule).join(", ") || "NOT_PREDATORY missing"}.`,
    });
  }

  const failed = checks.filter((c) => !c.passed);
  return { passed: failed.length === 0, checks, reasons: failed.map((c) => `${c.rule}: ${c.detail}`), tone, advice, disclosure, grounding };
}

export interface DroppedDraft {
  item_id: string;
  kind: RecommendationDraft["kind"];
  reasons: string[];
}

/**
 * Runs the guardrails on every draft, records the result in each trace, drops the failing ones
 * and renumbers ranks within each kind among the drafts that remain.
 */
export function applyGuardrails(drafts: RecommendationDraft[]): { shown: RecommendationDraft[]; dropped: DroppedDraft[] } {
  const shown: RecommendationDraft[] = [];
  const dropped: DroppedDraft[] = [];
  for (const d of drafts) {
    const g = runGuardrails(d);
    const withResult: RecommendationDraft = {
      ...d,
      trace: { ...d.trace, guardrails: g },
    };
    if (g.passed) shown.push(withResult);
    else dropped.push({ item_id: d.item_id, kind: d.kind, reasons: g.reasons });
  }
  const next: Record<string, number> = {};
  return {
    shown: shown
      .slice()
      .sort((a, b) => (a.kind === b.kind ? a.rank - b.rank : a.kind === "education" ? -1 : 1))
      .map((d) => ({ ...d, rank: (next[d.kind] = (next[d.kind] ?? 0) + 1) })),
    dropped,
  };
}

/**
 * Replaces a draft's rationale (e.g. with a model's rewrite), records who wrote it and when, and
 * re-runs the guardrails. Check `trace.guardrails.passed` before showing the result. The facts are
 * unchanged: a rewrite may only state numbers they contain.
 */
export function reviseRationale(
  draft: RecommendationDraft,
  revision: { rationale: string; generator: Generator; generated_at: string },
): RecommendationDraft {
  const next: RecommendationDraft = {
    ...draft,
    rationale: revision.rationale,
    trace: { ...draft.trace, generator: revision.generator, generated_at: revision.generated_at },
  };
  const g = runGuardrails(next);
  return { ...next, trace: { ...next.trace, guardrails: g } };
}
