/**
 * SQLite sink, in two phases so that the database's single write lock is held only briefly:
 *  1. staging: rows go into a private temporary database (ATTACH '' AS stg) on the ingest's own
 *     connection, batch by batch, in the bundle's order, without touching the shared database's
 *     lock; each staged batch is checked for stored transactions it would move to another account;
 *  2. apply: one BEGIN IMMEDIATE ... COMMIT on the shared database merges each table with one
 *     INSERT ... SELECT ... ON CONFLICT DO UPDATE ... WHERE (columns) IS NOT (new columns)
 *     (re-sending identical data writes nothing), grants import consent, and records the run.
 * A customer's revocation or an operator's decision waits at most for phase 2, never for parsing.
 */
import Database from "better-sqlite3";
import { ACCOUNT_COLS, LIABILITY_COLS, TRANSACTION_COLS, USER_COLS, type AccountRow, type LiabilityRow, type TransactionRow, type UserRow } from "../core/rows";
import { emptyCounts, type CommitOutcome, type Counts, type IngestSink, type KnownAccount, type KnownUser, type OwnershipConflict } from "./sink";
import { SQLITE_BUSY_TIMEOUT_MS, sqliteTime } from "../db/raw";
import { ingestRunInsertSql, ingestRunValues, type IngestRunRecord } from "./run-record";
import { MAX_REPORTED_ERRORS } from "./session";

type Stmt = Database.Statement;
const LOOKUP_CHUNK = 500;
/** Page cache of the staging database (KiB): beyond it SQLite spills to a temporary file. */
const STAGING_CACHE_KIB = 64 * 1024;


const APR_COLS = ["account_id", "apr_type", "apr_percentage", "balance_subject_to_apr_cents", "interest_charge_amount_cents"] as const;
const q = (c: string) => `"${c}"`;
const list = (cols: readonly string[], prefix = "") => cols.map((c) => prefix + q(c)).join(", ");
const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
const bool = (b: boolean | null) => (b == null ? null : b ? 1 : 0);

function stagingSchema(): string {
  return `
    PRAGMA stg.journal_mode = MEMORY;
    PRAGMA stg.synchronous = OFF;
    PRAGMA stg.cache_size = -${STAGING_CACHE_KIB};
    CREATE TABLE stg.users (${list(USER_COLS)}, consent_true INTEGER);
    CREATE TABLE stg.accounts (${list(ACCOUNT_COLS)});
    CREATE TABLE stg.transactions (idx INTEGER, ${list(TRANSACTION_COLS)});
    CREATE TABLE stg.liabilities (${list(LIABILITY_COLS)});
    CREATE TABLE stg.aprs (${list(APR_COLS)});
    CREATE TABLE stg.removed (id TEXT, user_id TEXT);`;
}

/**
 * Merges stg.<table> into main.<table>: inserts new keys, updates rows whose columns differ (and,
 * with `guard`, only when the guard holds), leaves the rest. New rows are told apart by rowid.
 */
function mergeSql(table: string, cols: readonly string[], key: string, extra: Record<string, string> = {}, guard = "", returning = ""): string {
  const rest = cols.filter((c) => c !== key);
  const extraCols = Object.keys(extra);
  return `INSERT INTO main.${table} AS t (${list([...cols, ...extraCols])})
    SELECT ${list(cols)}${extraCols.map((c) => `, ${extra[c]}`).join("")} FROM stg.${table} WHERE true
    ON CONFLICT (${q(key)}) DO UPDATE SET ${rest.map((c) => `${q(c)} = excluded.${q(c)}`).join(", ")}
    WHERE (${list(rest, "t.")}) IS NOT (${list(rest, "excluded.")})${guard ? ` AND ${guard}` : ""}${returning ? ` RETURNING ${returning}` : ""}`;
}

export class SqliteSink implements IngestSink {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;
  private counts = emptyCounts();
  /** Customers whose rows this ingest inserted or changed (what an incremental recompute takes). */
  private changed = new Set<string>();
  private staged = { users: 0, accounts: 0, transactions: 0, liabilities: 0 };
  private st!: Record<"users" | "accounts" | "transactions" | "liabilities" | "aprs", Stmt>;
  /** A staging transaction is open (one per batch). */
  private staging = false;
  /** Stored transactions the bundle would move (found while staging), and how many in all. */
  private conflicts: OwnershipConflict[] = [];
  private conflictCount = 0;
  /** Staged transactions (by rowid) already checked for conflicts. */
  private checkedRows = 0;

  /** Opens its own connection to the database file: the staging database is private to it. */
  constructor(file: string) {
    this.db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
  }

  async begin() {
    this.db.exec(`ATTACH DATABASE '' AS stg; ${stagingSchema()}`);
    const ins = (table: string, cols: readonly string[]) => this.db.prepare(`INSERT INTO stg.${table} (${list(cols)}) VALUES (${marks(cols.length)})`);
    this.st = {
      users: ins("users", [...USER_COLS, "consent_true"]),
      accounts: ins("accounts", ACCOUNT_COLS),
      transactions: ins("transactions", ["idx", ...TRANSACTION_COLS]),
      liabilities: ins("liabilities", LIABILITY_COLS),
      aprs: ins("aprs", APR_COLS),
    };
  }

  private inChunks<T>(ids: string[], sql: (ph: string) => string, f: (row: T) => void) {
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const part = ids.slice(i, i + LOOKUP_CHUNK);
      for (const r of this.db.prepare(sql(marks(part.length))).all(...part) as T[]) f(r);
    }
  }

  async lookupUsers(ids: string[]) {
    const out = new Map<string, KnownUser>();
    this.inChunks<{ id: string; email: string; role: string }>(
      ids,
      (ph) => `SELECT id, email, role FROM main.users WHERE id IN (${ph})`,
      (r) => out.set(r.id, { email: r.email, role: r.role }),
    );
    return out;
  }

  async lookupEmails(emails: string[]) {
    const out = new Map<string, string>();
    this.inChunks<{ id: string; email: string }>(emails, (ph) => `SELECT id, email FROM main.users WHERE email IN (${ph})`, (r) => out.set(r.email, r.id));
    return out;
  }

  async lookupAccounts(ids: string[]) {
    const out = new Map<string, KnownAccount>();
    this.inChunks<{ id: string; user_id: string; type: string }>(
      ids,
      (ph) => `SELECT id, user_id, type FROM main.accounts WHERE id IN (${ph})`,
      (r) => out.set(r.id, { user_id: r.user_id, type: r.type }),
    );
    return out;
  }

  private stage(): void {
    if (this.staging) return;
    this.db.exec("BEGIN");
    this.staging = true;
  }

  writeUser(row: UserRow, consentTrue: boolean) {
    this.stage();
    this.st.users.run(...USER_COLS.map((c) => row[c]), consentTrue ? 1 : 0);
    this.staged.users++;
  }

  writeAccount(row: AccountRow) {
    this.stage();
    this.st.accounts.run(...ACCOUNT_COLS.map((c) => row[c]));
    this.staged.accounts++;
  }

  writeTransaction(r: TransactionRow, index: number) {
    this.stage();
    this.st.transactions.run(index, r.id, r.account_id, r.user_id, r.date, r.authorized_date, r.amount_cents, r.iso_currency_code, r.name, r.merchant_name, r.merchant_entity_id, r.payment_channel, r.pfc_primary, r.pfc_detailed, r.pending ? 1 : 0, r.pending_transaction_id);
    this.staged.transactions++;
  }

  writeLiability(row: LiabilityRow) {
    this.stage();
    const { aprs, ...cols } = row;
    const named: Record<string, unknown> = { ...cols, is_overdue: bool(cols.is_overdue) };
    this.st.liabilities.run(...LIABILITY_COLS.map((c) => named[c]));
    for (const a of aprs) this.st.aprs.run(row.account_id, a.apr_type, a.apr_percentage, a.balance_subject_to_apr_cents, a.interest_charge_amount_cents);
    this.staged.liabilities++;
  }

  removeTransactions(ids: string[], userId: string) {
    this.stage();
    const ins = this.db.prepare("INSERT INTO stg.removed (id, user_id) VALUES (?, ?)");
    for (const id of ids) ins.run(id, userId);
    this.removals += ids.length;
  }
  private removals = 0;

  async afterBatch() {
    if (!this.staging) return;
    this.db.exec("COMMIT");
    this.staging = false;
    if (this.staged.transactions > this.checkedRows) this.checkConflicts();
  }

  /**
   * Runs one merge and counts what it did: rows with a rowid above the old maximum are new. A merge
   * whose SQL ends in RETURNING <user id> adds the owners of the rows it wrote to the changed users.
   */
  private merge(entity: "users" | "accounts" | "transactions" | "liabilities", sql: string, params: unknown[] = []): Counts {
    if (this.staged[entity] === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const maxRowid = this.db.prepare(`SELECT coalesce(max(rowid), 0) FROM main.${entity}`).pluck().get() as number;
    const stmt = this.db.prepare(sql);
    let changed = 0;
    if (stmt.reader) {
      for (const owner of stmt.pluck().iterate(...params) as Iterable<string>) {
        changed++;
        this.changed.add(owner);
      }
    } else changed = stmt.run(...params).changes;
    const inserted = this.db.prepare(`SELECT count(*) FROM main.${entity} WHERE rowid > ?`).pluck().get(maxRowid) as number;
    return { inserted, updated: changed - inserted, unchanged: this.staged[entity] - changed };
  }

  /**
   * Stored transactions the batch just staged sends under another account: checked batch by batch
   * (while the next batch is parsed) against the stored rows; the merge's guard keeps a stored
   * transaction on its account even against an ingest committed in between.
   */
  private checkConflicts(): void {
    const from = `FROM stg.transactions s CROSS JOIN main.transactions t ON t.id = s.id WHERE s.rowid > ? AND t.account_id <> s.account_id`;
    const found = this.db.prepare(`SELECT s.idx AS "index", s.id ${from} ORDER BY s.idx LIMIT ?`).all(this.checkedRows, MAX_REPORTED_ERRORS) as { index: number; id: string }[];
    if (found.length) {
      const count = found.length < MAX_REPORTED_ERRORS ? found.length : (this.db.prepare(`SELECT count(*) ${from}`).pluck().get(this.checkedRows) as number);
      this.conflicts.push(...found.map((x) => ({ section: "transactions" as const, ...x })));
      this.conflictCount += count;
    }
    this.checkedRows = this.staged.transactions;
  }
  /** Import consent: granted only to a customer who is not consenting and has never revoked. */
  private grantImportConsent(now: string): number {
    const granted = this.db
      .prepare(
        `UPDATE main.users SET consent_granted = 1, consent_at = ? WHERE consent_granted = 0 AND role = 'customer'
         AND id IN (SELECT id FROM stg.users WHERE consent_true = 1)
         AND NOT EXISTS (SELECT 1 FROM main.consent_events e WHERE e.user_id = users.id AND e.granted = 0) RETURNING id`,
      )
      .pluck()
      .all(now) as string[];
    const ev = this.db.prepare(`INSERT INTO main.consent_events (user_id, granted, source, at) VALUES (?, 1, 'import', ?)`);
    for (const id of granted) {
      ev.run(id, now);
      this.changed.add(id);
    }
    return granted.length;
  }

  private mergeLiabilities(): Counts {
    if (this.staged.liabilities === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const rest = LIABILITY_COLS.filter((c) => c !== "account_id");
    // APRs of inserted or changed liabilities are replaced; unchanged ones are left alone.
    this.db.exec(`CREATE TABLE stg.changed_liabilities AS SELECT s.account_id FROM stg.liabilities s LEFT JOIN main.liabilities l ON l.account_id = s.account_id
      WHERE l.account_id IS NULL OR (${list(rest, "l.")}) IS NOT (${list(rest, "s.")})`);
    const counts = this.merge("liabilities", mergeSql("liabilities", LIABILITY_COLS, "account_id"));
    const owners = this.db.prepare(`SELECT DISTINCT a.user_id FROM stg.changed_liabilities c JOIN main.accounts a ON a.id = c.account_id`).pluck().all() as string[];
    for (const u of owners) this.changed.add(u);
    this.db.exec(`DELETE FROM main.liability_aprs WHERE account_id IN (SELECT account_id FROM stg.changed_liabilities);
      INSERT INTO main.liability_aprs (${list(APR_COLS)}) SELECT ${list(APR_COLS)} FROM stg.aprs
        WHERE account_id IN (SELECT account_id FROM stg.changed_liabilities) ORDER BY rowid;`);
    return counts;
  }

  async commit(run: IngestRunRecord): Promise<CommitOutcome> {
    await this.afterBatch();
    if (this.conflictCount) {
      await this.rollback();
      return { ok: false, conflicts: this.conflicts.slice(0, MAX_REPORTED_ERRORS), conflict_count: this.conflictCount };
    }
    this.db.exec("BEGIN IMMEDIATE");
    const c = this.counts;
    const now = sqliteTime();
    c.users = this.merge("users", mergeSql("users", USER_COLS, "id", { role: "'customer'", consent_granted: "0", created_at: "?" }, "t.role = 'customer'", "id"), [now]);
    c.consent_events.inserted = this.grantImportConsent(now);
    c.accounts = this.merge("accounts", mergeSql("accounts", ACCOUNT_COLS, "id", { created_at: "?" }, "t.user_id = excluded.user_id", "user_id"), [now]);
    c.liabilities = this.mergeLiabilities();
    c.transactions = this.merge("transactions", mergeSql("transactions", TRANSACTION_COLS, "id", {}, "t.account_id = excluded.account_id", "user_id"));
    if (this.removals) {
      const sql = `DELETE FROM main.transactions WHERE id IN (SELECT r.id FROM stg.removed r WHERE r.user_id = transactions.user_id) RETURNING user_id`;
      const owners = this.db.prepare(sql).pluck().all() as string[];
      for (const u of owners) this.changed.add(u);
      c.transactions_removed = { deleted: owners.length };
    }
    this.db.prepare(ingestRunInsertSql(() => "?")).run(...ingestRunValues(run, c, sqliteTime));
    this.db.exec("COMMIT");
    this.close();
    return { ok: true, counts: c, changedUsers: [...this.changed].sort() };
  }

  async rollback() {
    if (this.db.open && this.db.inTransaction) this.db.exec("ROLLBACK");
    this.staging = false;
    this.close();
  }

  /** Closing the connection drops the staging database. */
  private close() {
    if (this.db.open) this.db.close();
  }
}
