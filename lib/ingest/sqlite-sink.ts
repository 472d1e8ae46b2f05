/**
 * SQLite sink: prepared statements on one better-sqlite3 connection inside BEGIN IMMEDIATE ...
 * COMMIT. Each row is an INSERT OR IGNORE (inserted) or else an UPDATE guarded by a column-by-
 * column comparison (updated) or nothing (unchanged): re-sending identical data writes nothing.
 */
import type Database from "better-sqlite3";
import { ACCOUNT_COLS, LIABILITY_COLS, TRANSACTION_COLS, USER_COLS, type AccountRow, type LiabilityRow, type TransactionRow, type UserRow } from "../core/rows";
import { emptyCounts, type EntityCounts, type IngestSink, type KnownAccount, type KnownUser } from "./sink";
import { sqliteTime } from "../db/raw";

type Stmt = Database.Statement;
const LOOKUP_CHUNK = 500;

/** The timestamp text Prisma's better-sqlite3 adapter writes and reads (ISO 8601, +00:00). */

function upsertPair(db: Database.Database, table: string, cols: readonly string[], key: string, extra: Record<string, string> = {}) {
  const extraCols = Object.keys(extra);
  // Positional parameters (faster to bind than named ones): the columns in order, then the extras.
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${table} (${[...cols, ...extraCols].map((c) => `"${c}"`).join(",")}) VALUES (${[
      ...cols.map(() => "?"),
      ...extraCols.map((c) => extra[c]),
    ].join(",")})`,
  );
  const rest = cols.filter((c) => c !== key);
  const update = db.prepare(
    `UPDATE ${table} SET ${rest.map((c) => `"${c}" = @${c}`).join(", ")} WHERE "${key}" = @${key} AND (${rest
      .map((c) => `"${c}" IS NOT @${c}`)
      .join(" OR ")})`,
  );
  return { insert, update };
}

const bool = (b: boolean | null) => (b == null ? null : b ? 1 : 0);

export class SqliteSink implements IngestSink {
  readonly kind = "sqlite" as const;
  readonly detectsDuplicateTransactions = true;
  /** Rows of transactions with a rowid above this were inserted by this ingest. */
  private firstNewRowid = 0;
  private txRowid!: Stmt;
  private counts = emptyCounts();
  private s: Record<string, { insert: Stmt; update: Stmt }>;
  private consentInsert: Stmt;
  private consentUser: Stmt;
  private aprDelete: Stmt;
  private aprInsert: Stmt;
  private inTx = false;
  private now = sqliteTime();

  constructor(private readonly db: Database.Database) {
    this.s = {
      users: upsertPair(db, "users", USER_COLS, "id", { role: "'customer'", consent_granted: "0", created_at: "?" }),
      accounts: upsertPair(db, "accounts", ACCOUNT_COLS, "id", { created_at: "?" }),
      transactions: upsertPair(db, "transactions", TRANSACTION_COLS, "id"),
      liabilities: upsertPair(db, "liabilities", LIABILITY_COLS, "account_id"),
    };
    this.consentInsert = db.prepare(`INSERT INTO consent_events (user_id, granted, source, at) VALUES (?, 1, 'import', ?)`);
    this.consentUser = db.prepare(`UPDATE users SET consent_granted = 1, consent_at = ? WHERE id = ?`);
    this.txRowid = db.prepare("SELECT rowid FROM transactions WHERE id = ?").pluck();
    this.aprDelete = db.prepare(`DELETE FROM liability_aprs WHERE account_id = ?`);
    this.aprInsert = db.prepare(
      `INSERT INTO liability_aprs (account_id, apr_type, apr_percentage, balance_subject_to_apr_cents, interest_charge_amount_cents) VALUES (?, ?, ?, ?, ?)`,
    );
  }

  async begin() {
    this.now = sqliteTime();
    this.db.exec("BEGIN IMMEDIATE");
    this.inTx = true;
    this.firstNewRowid = (this.db.prepare("SELECT coalesce(max(rowid), 0) FROM transactions").pluck().get() as number) + 1;
  }

  private inChunks<T>(ids: string[], sql: (ph: string) => string, f: (row: T) => void) {
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const part = ids.slice(i, i + LOOKUP_CHUNK);
      for (const r of this.db.prepare(sql(part.map(() => "?").join(","))).all(...part) as T[]) f(r);
    }
  }

  async lookupUsers(ids: string[]) {
    const out = new Map<string, KnownUser>();
    this.inChunks<{ id: string; email: string; role: string; consent_granted: number }>(
      ids,
      (ph) => `SELECT id, email, role, consent_granted FROM users WHERE id IN (${ph})`,
      (r) => out.set(r.id, { email: r.email, role: r.role, consent_granted: !!r.consent_granted }),
    );
    return out;
  }

  async lookupEmails(emails: string[]) {
    const out = new Map<string, string>();
    this.inChunks<{ id: string; email: string }>(emails, (ph) => `SELECT id, email FROM users WHERE email IN (${ph})`, (r) => out.set(r.email, r.id));
    return out;
  }

  async lookupAccounts(ids: string[]) {
    const out = new Map<string, KnownAccount>();
    this.inChunks<{ id: string; user_id: string; type: string }>(
      ids,
      (ph) => `SELECT id, user_id, type FROM accounts WHERE id IN (${ph})`,
      (r) => out.set(r.id, { user_id: r.user_id, type: r.type }),
    );
    return out;
  }

  /** values: the entity's columns in order (then any extra insert-only values); params: the same, by name. */
  private upsert(entity: "users" | "accounts" | "transactions" | "liabilities", values: unknown[], params: () => Record<string, unknown>): "inserted" | "updated" | "unchanged" {
    const st = this.s[entity];
    let outcome: "inserted" | "updated" | "unchanged" = "unchanged";
    if (st.insert.run(values).changes === 1) outcome = "inserted";
    else if (st.update.run(params()).changes === 1) outcome = "updated";
    this.counts[entity][outcome]++;
    return outcome;
  }

  writeUser(row: UserRow, grantConsent: boolean) {
    this.upsert("users", [...USER_COLS.map((c) => row[c]), this.now], () => ({ ...row }));
    if (grantConsent) {
      this.consentInsert.run(row.id, this.now);
      this.consentUser.run(this.now, row.id);
      this.counts.consent_events.inserted++;
    }
  }

  writeAccount(row: AccountRow) {
    this.upsert("accounts", [...ACCOUNT_COLS.map((c) => row[c]), this.now], () => ({ ...row }));
  }

  writeTransaction(r: TransactionRow): void | "duplicate" {
    const pending = r.pending ? 1 : 0;
    const st = this.s.transactions;
    const c = this.counts.transactions;
    if (st.insert.run(r.id, r.account_id, r.user_id, r.date, r.authorized_date, r.amount_cents, r.iso_currency_code, r.name, r.merchant_name, r.merchant_entity_id, r.payment_channel, r.pfc_primary, r.pfc_detailed, pending, r.pending_transaction_id).changes === 1) {
      c.inserted++;
      return;
    }
    // The id exists: inserted earlier in this very ingest (a repeat within the bundle), or stored before.
    if ((this.txRowid.get(r.id) as number) >= this.firstNewRowid) return "duplicate";
    if (st.update.run({ ...r, pending }).changes === 1) c.updated++;
    else c.unchanged++;
  }

  writeLiability(row: LiabilityRow) {
    const { aprs, ...cols } = row;
    const named = { ...cols, is_overdue: bool(cols.is_overdue) };
    const outcome = this.upsert("liabilities", LIABILITY_COLS.map((c) => named[c]), () => named);
    if (outcome === "unchanged") return;
    if (outcome === "updated") this.aprDelete.run(row.account_id);
    for (const a of aprs) this.aprInsert.run(row.account_id, a.apr_type, a.apr_percentage, a.balance_subject_to_apr_cents, a.interest_charge_amount_cents);
  }

  async afterBatch() {}

  async commit(): Promise<EntityCounts> {
    this.db.exec("COMMIT");
    this.inTx = false;
    return this.counts;
  }

  async rollback() {
    if (this.inTx) this.db.exec("ROLLBACK");
    this.inTx = false;
  }
}
