/** What an ingest writes to: one database transaction, all or nothing. */
import type { AccountRow, LiabilityRow, TransactionRow, UserRow } from "../core/rows";

export const ENTITIES = ["users", "accounts", "transactions", "liabilities"] as const;
export type Entity = (typeof ENTITIES)[number];
export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}
export type EntityCounts = Record<Entity, Counts> & { consent_events: { inserted: number } };

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
  consent_granted: boolean;
}
export interface KnownAccount {
  user_id: string;
  type: string;
}

export interface IngestSink {
  readonly kind: "sqlite" | "postgres";
  begin(): Promise<void>;
  lookupUsers(ids: string[]): Promise<Map<string, KnownUser>>;
  /** email (lower case) -> id of the user holding it */
  lookupEmails(emails: string[]): Promise<Map<string, string>>;
  lookupAccounts(ids: string[]): Promise<Map<string, KnownAccount>>;
  /** grantConsent: record an import consent event (the user is not currently consenting). */
  writeUser(row: UserRow, grantConsent: boolean): void;
  writeAccount(row: AccountRow): void;
  /**
   * Returns "duplicate" when the sink itself found that this bundle already wrote this id (sinks
   * with `detectsDuplicateTransactions`; the session then keeps no set of transaction ids).
   */
  writeTransaction(row: TransactionRow): void | "duplicate";
  /** True when writeTransaction detects a transaction id repeated within the bundle. */
  readonly detectsDuplicateTransactions?: boolean;
  writeLiability(row: LiabilityRow): void;
  /** Called after each batch; a sink may flush buffered rows here. */
  afterBatch(): Promise<void>;
  commit(): Promise<EntityCounts>;
  rollback(): Promise<void>;
}
