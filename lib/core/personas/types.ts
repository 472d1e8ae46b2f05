import type { Comparator } from "../shared/compare";
import type { WindowId } from "../signals/types";
import type { PersonaId } from "./constants";


/** One evaluated criterion of a persona rule (met or not), as stored in the decision trace. */
export interface PersonaReason {
  /** Name of the constant in ./constants.ts, e.g. "HIGH_UTILIZATION_CARD_UTILIZATION_MIN". */
  rule: string;
  /** Signal path in WindowSignals, e.g. "credit.max_utilization". */
  signal: string;
  /** The user's value; null when the engine could not compute it (null never meets a comparison). */
  value: number | boolean | null;
  threshold: number | boolean;
  comparator: Comparator;
  met: boolean;
  /** Plain-language sentence, e.g. "Visa ending in 4523 is at 68% utilization (threshold 50%)". */
  text: string;
  /** Accounts the criterion is about (the cards cited in `text`), when it is about specific cards. */
  account_ids?: string[];
  /**
   * Why the criterion was not evaluated: an input it needs (a balance, a limit) was not sent by the
   * bank. Unknown is never zero: the criterion is then not met, and `text` says why.
   */
  not_evaluated?: string;
}

/** A persona and the criteria that made it match (only met criteria). */
export interface PersonaMatch {
  id: PersonaId;
  reasons: PersonaReason[];
}

/** Every persona is evaluated; non-matches keep their criteria for the operator's trace. */
export interface PersonaEvaluation {
  id: PersonaId;
  name: string;
  matched: boolean;
  /** How the criteria combine, e.g. "count AND (spend OR share)". */
  logic: string;
  /** All criteria, met or not, in the order of `logic`. */
  criteria: PersonaReason[];
}

export interface PersonaAssignment {
  window: WindowId;
  as_of: string;
  /** First match in PERSONA_PRIORITY order; null when nothing matches. */
  primary: PersonaId | null;
  /** Matching personas in priority order, each with the criteria that were met. */
  matched: PersonaMatch[];
  /** All five personas in priority order, matched or not. */
  evaluations: PersonaEvaluation[];
  priority: PersonaId[];
}
