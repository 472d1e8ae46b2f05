/** The rationale of one item: sentences rendered from the user's own facts, then why the item fits. */
import { PERSONA_IDS, type PersonaId } from "../personas/constants";
import type { WindowSignals } from "../signals/types";
import type { Fact, RecommendationKind } from "../shared/types";
import type { EducationItem, SignalTag } from "./catalog";
import { MAX_RATIONALE_TAGS } from "./constants";
import { renderRationale } from "./render";
import { PERSONA_RATIONALE_TAGS, TAG_DEFINITIONS, tagGroup, windowFact } from "./tags";
import { DEFAULT_WHY, GENERAL_TEMPLATES, OFFER_RANKING_NOTE, TAG_TEMPLATES } from "./templates";

const isPersonaId = (s: string | null): s is PersonaId => s !== null && (PERSONA_IDS as readonly string[]).includes(s);

interface ComposedRationale {
  text: string;
  facts: Fact[];
  /** Signal tags whose templates wrote the text. */
  tags: SignalTag[];
}

/**
 * The rationale of one item: up to MAX_RATIONALE_TAGS notable signal tags (the item's own first,
 * then its persona's), at most one per signal group, each rendered from its facts; the general
 * sentence when none applies; then the item's `why` (and, for offers, the ranking note).
 */
export function composeRationale(
  kind: RecommendationKind,
  item: Pick<EducationItem, "signal_tags" | "why">,
  w: WindowSignals,
  itemPersona: string | null,
  active: readonly SignalTag[],
): ComposedRationale {
  const candidates = [
    ...item.signal_tags.filter((t) => active.includes(t)),
    ...(isPersonaId(itemPersona) ? PERSONA_RATIONALE_TAGS[itemPersona].filter((t) => active.includes(t)) : []),
  ];
  const parts: string[] = [];
  const facts: Fact[] = [];
  const tags: SignalTag[] = [];
  const groups = new Set<string>();
  const addFacts = (fs: Fact[]) => {
    for (const f of fs) if (!facts.some((x) => x.key === f.key)) facts.push(f);
  };
  for (const t of candidates) {
    if (tags.length >= MAX_RATIONALE_TAGS) break;
    if (tags.includes(t) || groups.has(tagGroup(t))) continue;
    const r = renderRationale(TAG_TEMPLATES[t], TAG_DEFINITIONS[t].facts(w));
    if (!r.text) continue;
    parts.push(r.text);
    addFacts(r.facts);
    tags.push(t);
    groups.add(tagGroup(t));
  }
  if (parts.length === 0) {
    const r = renderRationale(GENERAL_TEMPLATES[kind], [windowFact(w)]);
    parts.push(r.text);
    addFacts(r.facts);
  }
  parts.push(item.why ?? DEFAULT_WHY[kind]);
  if (kind === "offer") parts.push(OFFER_RANKING_NOTE);
  return { text: parts.join(" "), facts, tags };
}
