/** What an ingest writes to: one database transaction, all or nothing. */
import type { AccountRow, LiabilityRow, TransactionRow, UserRow } from "../core/rows";
import type { IngestRunRecord } from "./run-record";

export const ENTITIES = ["users", "accounts", "transactions", "liabilities"] as const;
export type Entity = (typeof ENTITIES)[number];
export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}
export type EntityCounts = Record<Entity, Counts> & {
  consent_events: { inserted: number };
  /** Transactions deleted by a /transactions/sync page (`removed`, or a pending row its posted row replaced): only there. */
  transactions_removed?: { deleted: number };
};

export const emptyCounts = (): EntityCounts => ({
  users: { inserted: 0, updated: 0, unchanged: 0 },
  accounts: { inserted: 0, updated: 0, unchanged: 0 },
  transactions: { inserted: 0, updated: 0, unchanged: 0 },
  liabilities: { inserted: 0, updated: 0, unchanged: 0 },
  consent_events: { inserted: 0 },
});

export interface KnownUser {
  email: string;
  role: string;
}
export interface KnownAccount {
  user_id: string;
  type: string;
}

/**
 * A stored row the bundle would move to another owner, found by the sink when it merges (the only
 * place that sees every stored id): a transaction whose account differs from the stored one.
 * `index` is the element's position in its section (undefined when the sink did not keep it).
 */
export interface OwnershipConflict {
  section: "transactions";
  id: string;
  index: number;
}

/**
 * changedUsers: the customers whose rows the ingest inserted or changed (users, accounts,
 * transactions, liabilities, import consent), sorted; empty when it changed nothing. What an
 * incremental recompute takes (lib/recompute.ts).
 */
export type CommitOutcome = { ok: true; counts: EntityCounts; changedUsers: string[] } | { ok: false; conflicts: OwnershipConflict[]; conflict_count: number };

export interface IngestSink {
  readonly kind: "sqlite" | "postgres";
  begin(): Promise<void>;
  lookupUsers(ids: string[]): Promise<Map<string, KnownUser>>;
  /** email (lower case) -> id of the user holding it */
  lookupEmails(emails: string[]): Promise<Map<string, string>>;
  lookupAccounts(ids: string[]): Promise<Map<string, KnownAccount>>;
  /**
   * consentTrue: the bundle says `consent: true`. Whether that grants anything is decided when the
   * ingest commits, under the lock: only a user who is not consenting and never revoked is granted.
   */
  writeUser(row: UserRow, consentTrue: boolean): void;
  writeAccount(row: AccountRow): void;
  /** index: the element's position in `transactions` (named in an OwnershipConflict). */
  writeTransaction(row: TransactionRow, index: number): void;
  writeLiability(row: LiabilityRow): void;
  /**
   * Deletes, at the commit and after the merges, the stored transactions of these ids that belong
   * to userId (a /transactions/sync page's `removed` and replaced pending rows; lib/ingest/sync.ts).
   * Another user's transaction of the same id is left alone.
   */
  removeTransactions(ids: string[], userId: string): void;
  /** Called after each batch; a sink may flush buffered rows here. */
  afterBatch(): Promise<void>;
  /**
   * Merges everything into the stored tables and records the run (ingest_runs) in the same
   * transaction, then commits; or, when a stored row would change owner, rolls back and says which.
   */
  commit(run: IngestRunRecord): Promise<CommitOutcome>;
  rollback(): Promise<void>;
}
