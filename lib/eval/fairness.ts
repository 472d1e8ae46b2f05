/**
 * Fairness of one window: for each demographic field present, each persona's rate and each offer
 * kind's rate per group, and the demographic-parity difference (largest rate minus smallest among
 * groups of at least FAIRNESS_MIN_GROUP_SIZE users), flagged when over FAIRNESS_FLAG_GAP. Each flag
 * gets one plain sentence: the gap, and whether the data explains it (by design, planted by the
 * generator, within chance for groups this small, or not explained).
 */
import { PERSONA_PRIORITY, PERSONAS, type PersonaId } from "../core/personas";
import {
  FAIRNESS_CHANCE_STANDARD_ERRORS,
  FAIRNESS_FLAG_GAP,
  FAIRNESS_MIN_GROUP_SIZE,
  FAIRNESS_PLANTED_TOLERANCE,
} from "./constants";
import { DEMOGRAPHIC_FIELDS, type DemographicField, type Demographics, type FairnessComparison, type FairnessMetrics, type FairnessRate } from "./types";

export interface FairnessUser {
  demographics: Demographics;
  primary: string | null;
  offer_kinds: readonly string[];
  /** The generator's expected personas (labels); null without labels. */
  expected: readonly string[] | null;
}

export interface FairnessContext {
  window: string;
  offerKinds: readonly string[];
  /** Offer kinds whose eligibility reads a minimum monthly income. */
  incomeGatedKinds: ReadonlySet<string>;
  /** The persona tags of each offer kind's offers (an offer for savers follows savers). */
  offerPersonas: Readonly<Record<string, readonly string[]>>;
}

/** Gaps that follow income by design of the product and of the data (generator: SAVER_RATE, PAYCHECK_TO_PAYCHECK_RATE by tier). */
export const BY_DESIGN: Partial<Record<DemographicField, Record<string, string>>> = {
  income_tier: {
    "persona:savings_builder": "saving capacity rises with income",
    "persona:paycheck_to_paycheck": "overdraft risk falls as income rises",
  },
};

const FIELD_LABEL: Record<DemographicField, string> = { age_band: "age band", income_tier: "income tier", region: "region" };
const pct = (x: number) => `${Math.round(x * 100)}%`;
const points = (x: number) => `${Math.round(x * 100)}`;

/** The primary persona the generator meant: its first expected persona in priority order. */
const plantedPrimary = (expected: readonly string[]) => PERSONA_PRIORITY.find((p) => expected.includes(p)) ?? null;

function metricsOf(ctx: FairnessContext): { metric: string; label: string; has: (u: FairnessUser) => boolean; planted?: (e: readonly string[]) => boolean }[] {
  return [
    ...PERSONA_PRIORITY.map((id) => ({
      metric: `persona:${id}`,
      label: PERSONAS[id].name,
      has: (u: FairnessUser) => u.primary === id,
      planted: (e: readonly string[]) => plantedPrimary(e) === id,
    })),
    { metric: "persona:none", label: "No persona", has: (u: FairnessUser) => u.primary === null, planted: (e: readonly string[]) => plantedPrimary(e) === null },
    ...ctx.offerKinds.map((k) => ({ metric: `offer:${k}`, label: `Offer: ${k.replace(/_/g, " ")}`, has: (u: FairnessUser) => u.offer_kinds.includes(k) })),
  ];
}

/** Why a gap is expected by design, or null: the table above, and offers that follow it (income-gated, or for a by-design persona). */
function byDesign(field: DemographicField, metric: string, ctx: FairnessContext): string | null {
  const table = BY_DESIGN[field] ?? {};
  if (table[metric]) return table[metric];
  if (!metric.startsWith("offer:")) return null;
  const kind = metric.slice("offer:".length);
  if (field === "income_tier" && ctx.incomeGatedKinds.has(kind)) return "this offer's eligibility requires a minimum monthly income";
  const persona = (ctx.offerPersonas[kind] ?? []).find((p) => table[`persona:${p}`]);
  return persona ? `this offer is for ${PERSONAS[persona as PersonaId].name} users, and ${table[`persona:${persona}`]}` : null;
}

function explain(
  field: DemographicField,
  c: { metric: string; hi: FairnessRate; lo: FairnessRate; gap: number },
  ctx: FairnessContext,
  planted: ((group: string) => number) | null,
): { explanation: string; text: string } {
  const design = byDesign(field, c.metric, ctx);
  if (design) return { explanation: "by_design", text: `Expected by design: ${design}; demographics are never an input to personas or offers.` };
  if (planted) {
    const [ph, pl] = [planted(c.hi.group), planted(c.lo.group)];
    if (Math.abs(c.gap - (ph - pl)) <= FAIRNESS_PLANTED_TOLERANCE) {
      return { explanation: "planted", text: `The data explains it: the generator planted ${pct(ph)} against ${pct(pl)} for these groups.` };
    }
    return { explanation: "not_planted", text: `The data does not explain it: the generator planted ${pct(ph)} against ${pct(pl)}, so look at how the signals read these groups.` };
  }
  const se = Math.sqrt((c.hi.rate * (1 - c.hi.rate)) / c.hi.n + (c.lo.rate * (1 - c.lo.rate)) / c.lo.n);
  if (c.gap < FAIRNESS_CHANCE_STANDARD_ERRORS * se) {
    return { explanation: "chance", text: `Groups this small produce a gap this size by chance (two standard errors are ${points(2 * se)} points); watch it across runs.` };
  }
  return { explanation: "unexplained", text: "Not explained by design or by chance: demographics are never an input, so the gap comes from how these groups' signals differ; worth a look." };
}

function compare(field: DemographicField, users: FairnessUser[], groups: string[], m: ReturnType<typeof metricsOf>[number], ctx: FairnessContext): FairnessComparison {
  const rates: FairnessRate[] = groups.map((g) => {
    const members = users.filter((u) => u.demographics[field] === g);
    const count = members.filter(m.has).length;
    return { group: g, n: members.length, count, rate: members.length ? count / members.length : 0, compared: members.length >= FAIRNESS_MIN_GROUP_SIZE };
  });
  const compared = rates.filter((r) => r.compared);
  const base = { metric: m.metric, label: m.label, rates, gap: null, high: null, low: null, flagged: false, sentence: null, explanation: null };
  if (compared.length < 2) return base;
  const hi = compared.reduce((a, b) => (b.rate > a.rate ? b : a));
  const lo = compared.reduce((a, b) => (b.rate < a.rate ? b : a));
  const gap = hi.rate - lo.rate;
  // Rounded to 1e-9 so 0.1000000001 from float division is not "over 10 points".
  const flagged = Math.round((gap - FAIRNESS_FLAG_GAP) * 1e9) > 0;
  if (!flagged) return { ...base, gap, high: hi.group, low: lo.group };
  const withLabels = m.planted && users.every((u) => u.expected !== null) ? m.planted : null;
  const planted = withLabels
    ? (g: string) => {
        const members = users.filter((u) => u.demographics[field] === g);
        return members.filter((u) => withLabels(u.expected ?? [])).length / members.length;
      }
    : null;
  const e = explain(field, { metric: m.metric, hi, lo, gap }, ctx, planted);
  const sentence =
    `${m.label} (${ctx.window}): ${pct(hi.rate)} of ${FIELD_LABEL[field]} ${hi.group} (${hi.n} users) against ${pct(lo.rate)} of ${lo.group} (${lo.n}), ` +
    `a ${points(gap)}-point gap. ${e.text}`;
  return { ...base, gap, high: hi.group, low: lo.group, flagged, sentence, explanation: e.explanation };
}

export function fairness(users: FairnessUser[], ctx: FairnessContext): FairnessMetrics {
  const fields = DEMOGRAPHIC_FIELDS.filter((f) => users.some((u) => u.demographics[f]));
  if (fields.length === 0) return { skipped: "no demographics in the data (age band, income tier, region)", fields: [], flags: 0 };
  const out: FairnessMetrics = { skipped: null, fields: [], flags: 0 };
  for (const field of fields) {
    const known = users.filter((u) => u.demographics[field]);
    const groups = [...new Set(known.map((u) => u.demographics[field] as string))].sort();
    const comparisons = metricsOf(ctx).map((m) => compare(field, known, groups, m, ctx));
    out.flags += comparisons.filter((c) => c.flagged).length;
    out.fields.push({ field, groups: groups.map((g) => ({ group: g, n: known.filter((u) => u.demographics[field] === g).length })), comparisons });
  }
  return out;
}
