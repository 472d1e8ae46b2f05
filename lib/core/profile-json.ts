/**
 * The profile JSON of DESIGN.md (GET /api/users/{id}/profile, `npm run pipeline -- --json`):
 * money in dollars with two decimals, ratios as fractions.
 */
import { toProfileWindowJson } from "./signals";
import type { WindowId, WindowSignals } from "./signals/types";
import type { PersonaAssignment } from "./personas/types";

export interface StoredRecommendation {
  id: string;
  window: string;
  kind: string;
  itemId: string;
  title: string;
  rationale: string;
  disclosure: string;
  status: string;
  rank: number;
  /** Which text path wrote the rationale; left out of a customer's profile. */
  generator?: string;
  /** The decision trace, already parsed (null when the reader may not see it). */
  trace: unknown;
}

export interface ProfileInput {
  user_id: string;
  as_of: string | null;
  consent: { granted: boolean; at: string | null };
  signals: Partial<Record<WindowId, WindowSignals>>;
  personas: Partial<Record<WindowId, { primary: string | null; assignment: PersonaAssignment | null; overridden: boolean }>>;
  recommendations: StoredRecommendation[];
  includeTrace: boolean;
}

export function buildProfile(p: ProfileInput) {
  const windows: Record<string, unknown> = {};
  for (const w of ["30d", "180d"] as WindowId[]) {
    const s = p.signals[w];
    const pa = p.personas[w];
    windows[w] = {
      signals: s ? toProfileWindowJson(s) : null,
      persona: pa
        ? {
            primary: pa.primary,
            overridden: pa.overridden,
            matched: (pa.assignment?.matched ?? []).map((m) => ({ id: m.id, reasons: m.reasons.map((r) => r.text) })),
          }
        : null,
      recommendations: p.recommendations
        .filter((r) => r.window === w)
        .sort((a, b) => (a.kind === b.kind ? a.rank - b.rank : a.kind === "education" ? -1 : 1))
        .map((r) => ({
          id: r.id,
          item_id: r.itemId,
          kind: r.kind,
          title: r.title,
          rationale: r.rationale,
          disclosure: r.disclosure,
          status: r.status,
          ...(r.generator === undefined ? {} : { generator: r.generator }),
          ...(p.includeTrace ? { trace: r.trace } : {}),
        })),
    };
  }
  return { user_id: p.user_id, as_of: p.as_of, consent: p.consent, windows };
}
