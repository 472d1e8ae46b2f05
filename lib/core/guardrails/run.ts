/**
 * runGuardrails: the last gate before a recommendation can be shown. A failing draft is never
 * shown: the caller drops it and records the reasons (recommend's guard step, the AI phrasing).
 */
import type { Fact, RecommendationKind } from "../shared/types";
import { DISCLOSURE, GUARDRAIL_RULES as R } from "./constants";
import { checkDisclosure, type DisclosureResult } from "./disclosure";
import type { EligibilityResult } from "./eligibility";
import { checkGrounding, type GroundingResult } from "./grounding";
import { checkAdviceLanguage, checkTone, type ToneResult } from "./tone";

interface GuardrailCheck {
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

/** What the guardrails read of a recommendation draft. */
interface GuardrailSubject {
  item_id: string;
  kind: RecommendationKind;
  title: string;
  rationale: string;
  disclosure: string;
  facts: Fact[];
  /** The draft's decision trace: an offer's eligibility result is checked again. */
  trace?: { eligibility: EligibilityResult | null } | null;
}

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
