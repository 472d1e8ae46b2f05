/**
 * Fit score: persona match weight + SIGNAL_TAG_WEIGHT per notable signal tag. Reads only the
 * item's persona_tags and signal_tags, never partner_payout_cents.
 */
import type { PersonaAssignment } from "../personas/types";
import { GENERAL_TAG, type PersonaTag, type SignalTag } from "./catalog";
import { GENERAL_ITEM_WEIGHT, PRIMARY_PERSONA_WEIGHT, SECONDARY_PERSONA_WEIGHT, SIGNAL_TAG_WEIGHT } from "./constants";
import type { ScoreBreakdown } from "../shared/types";

export interface Scorable {
  id: string;
  persona_tags: readonly PersonaTag[];
  signal_tags: readonly SignalTag[];
}

export function scoreItem(item: Scorable, personas: Pick<PersonaAssignment, "primary" | "matched">, active: readonly SignalTag[]): ScoreBreakdown {
  let persona_tag: string | null = null;
  let persona_rule: ScoreBreakdown["persona_rule"] = null;
  let persona_weight = 0;
  const secondary = personas.matched.map((m) => m.id).find((id) => id !== personas.primary && item.persona_tags.includes(id));
  if (personas.primary && item.persona_tags.includes(personas.primary)) {
    [persona_tag, persona_rule, persona_weight] = [personas.primary, "PRIMARY_PERSONA_WEIGHT", PRIMARY_PERSONA_WEIGHT];
  } else if (secondary) {
    [persona_tag, persona_rule, persona_weight] = [secondary, "SECONDARY_PERSONA_WEIGHT", SECONDARY_PERSONA_WEIGHT];
  } else if (item.persona_tags.includes(GENERAL_TAG)) {
    [persona_tag, persona_rule, persona_weight] = [GENERAL_TAG, "GENERAL_ITEM_WEIGHT", GENERAL_ITEM_WEIGHT];
  }
  const signal_matches = item.signal_tags.filter((t) => active.includes(t));
  const signal_weight = signal_matches.length * SIGNAL_TAG_WEIGHT;
  return {
    persona_tag,
    persona_rule,
    persona_weight,
    signal_matches,
    signal_weight_each: SIGNAL_TAG_WEIGHT,
    signal_weight,
    total: persona_weight + signal_weight,
    tie_break: "item_id ascending",
    payout_considered: false,
  };
}

/** Highest score first; ties by id ascending (code-point order, locale-independent). */
export function byScoreThenId(a: { id: string; score: ScoreBreakdown }, b: { id: string; score: ScoreBreakdown }): number {
  return b.score.total - a.score.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
