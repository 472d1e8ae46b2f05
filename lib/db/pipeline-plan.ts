/**
 * What both pipeline stores share (lib/db/pipeline-store.ts on SQLite, lib/db/pipeline-store-pg.ts
 * on PostgreSQL): the rows a run writes, the reads' SQL, and which recommendations to insert or
 * rewrite given the decisions so far. Same rules on both databases.
 */
import "server-only";
import type { userDataFromRows } from "../core/rows";
import type { CoreUserData } from "../core/types";
import type { Fact } from "../core/shared/types";
import { DECIDED_STATUSES, planCarryOver, type DecidedStatus, type PriorDecision } from "../core/recommend/carry-over";

export const DECIDED_SQL = DECIDED_STATUSES.map((s) => `'${s}'`).join(", ");

/** How far back the pipeline reads before the as-of date: 180-day window + 13 months for annual cadence. */
export const PIPELINE_LOOKBACK_DAYS = 400;

/**
 * The pipeline's reads, the same SQL on both databases (placeholders differ): one user's accounts,
 * transactions in [asOf - PIPELINE_LOOKBACK_DAYS, asOf], liabilities and their APRs.
 */
export function loadSql(ph: (n: number) => string) {
  return {
    accounts: `SELECT id, user_id, type, subtype, name, mask, holder_category, current_cents, available_cents, limit_cents, iso_currency_code FROM accounts WHERE user_id = ${ph(1)}`,
    txs: `SELECT id, account_id, date, amount_cents, iso_currency_code, name, merchant_name, merchant_entity_id, payment_channel, pfc_primary, pfc_detailed, pending, pending_transaction_id
          FROM transactions WHERE user_id = ${ph(1)} AND date >= ${ph(2)} AND date <= ${ph(3)}`,
    liabilities: `SELECT l.account_id, l.kind, l.is_overdue, l.last_payment_amount_cents, l.last_payment_date, l.last_statement_balance_cents, l.last_statement_issue_date,
                  l.minimum_payment_amount_cents, l.next_payment_due_date, l.interest_rate_percentage, l.past_due_amount_cents
                  FROM liabilities l JOIN accounts a ON a.id = l.account_id WHERE a.user_id = ${ph(1)}`,
    aprs: `SELECT p.account_id, p.apr_type, p.apr_percentage, p.balance_subject_to_apr_cents, p.interest_charge_amount_cents
           FROM liability_aprs p JOIN accounts a ON a.id = p.account_id WHERE a.user_id = ${ph(1)} ORDER BY p.id`,
  };
}
export type LoadArgs = Parameters<typeof userDataFromRows>;

export interface SnapshotRow { userId: string; window: string; asOf: string; dataJson: string }
export interface PersonaRow { userId: string; window: string; asOf: string; primary: string | null; matchedJson: string }
export interface RecRow {
  id: string; userId: string; window: string; asOf: string; itemId: string; status: string; kind: string; title: string;
  rationale: string; disclosure: string; rank: number; generator: string; traceJson: string;
  /** The facts the rationale cites (also inside traceJson): what decides whether a decision carries over. */
  facts: Fact[];
}
/** A row as written: the decision it carried over, or what changed since the last decision. */
export type RecWrite = Omit<RecRow, "facts"> & { carriedFrom: string | null; changesJson: string | null };
export interface PriorRow { id: string; window: string; item_id: string; as_of: string; status: string; trace_json: string }

/**
 * Which rows to insert or rewrite, given the user's decided recommendations so far (the newest
 * decision on a window and item decides; lib/core/recommend/carry-over.ts): same facts = the
 * decision carries over (a row already decided at this as-of is left alone); changed facts = the
 * item waits for review again, with the diff. Pending rows of this as-of were deleted before.
 */
export function planWrites(priorRows: PriorRow[], recs: RecRow[]): { insert: RecWrite[]; rewrite: RecWrite[] } {
  const priors: PriorDecision[] = priorRows.map((r) => ({
    id: r.id, window: r.window, itemId: r.item_id, asOf: r.as_of, status: r.status as DecidedStatus,
    facts: (JSON.parse(r.trace_json) as { facts?: Fact[] }).facts ?? [],
  }));
  const insert: RecWrite[] = [];
  const rewrite: RecWrite[] = [];
  for (const { facts, ...r } of recs) {
    const plan = planCarryOver({ window: r.window, itemId: r.itemId, facts }, priors);
    const sameRow = plan.kind !== "new" && plan.from.id === r.id;
    if (plan.kind === "carry") {
      if (!sameRow) insert.push({ ...r, status: plan.from.status, carriedFrom: plan.from.id, changesJson: null });
    } else if (plan.kind === "changed") {
      const w = { ...r, carriedFrom: sameRow ? null : plan.from.id, changesJson: JSON.stringify(plan.changes) };
      (sameRow ? rewrite : insert).push(w);
    } else insert.push({ ...r, carriedFrom: null, changesJson: null });
  }
  return { insert, rewrite };
}
export interface StoreInput { userId: string; asOf: string; now: Date; snapshots: SnapshotRow[]; personas: PersonaRow[]; recommendations: RecRow[] }

export class ConsentRevoked extends Error {
  constructor() {
    super("consent was revoked during processing");
  }
}

export interface PipelineStore {
  /** Customers' ids in id order (one, when `only` is given and is a customer). */
  customerIds(only?: string): Promise<string[]>;
  consent(userId: string): Promise<{ role: string; granted: boolean; at: string | null } | null>;
  load(userId: string, asOf: string): Promise<CoreUserData>;
  /** One transaction; throws ConsentRevoked if consent is gone by then. */
  store(input: StoreInput): Promise<void>;
  /** Signals only (the pipeline's --signals-only): personas and recommendations are left as they are. */
  storeSignals(input: Pick<StoreInput, "userId" | "asOf" | "now" | "snapshots">): Promise<void>;
}

