/**
 * PostgreSQL sink: rows are streamed with COPY into temporary staging tables inside one
 * transaction, then merged with INSERT ... ON CONFLICT DO UPDATE ... WHERE (columns) IS DISTINCT
 * FROM (new columns), whose RETURNING (xmax = 0) tells inserted from updated rows.
 * Stored users are neither updated nor locked until the commit: a customer revoking consent (an
 * UPDATE of their users row) never waits for a running ingest, only for its last statements.
 * A stored transaction whose account would change stops the merge (see OwnershipConflict).
 */
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ACCOUNT_COLS, LIABILITY_COLS, TRANSACTION_COLS, USER_COLS, type AccountRow, type LiabilityRow, type TransactionRow, type UserRow } from "../core/rows";
import { emptyCounts, type CommitOutcome, type Counts, type IngestSink, type KnownAccount, type KnownUser, type OwnershipConflict } from "./sink";
import { ingestRunInsertSql, ingestRunValues, type IngestRunRecord } from "./run-record";
import { MAX_REPORTED_ERRORS } from "./session";

/** Rows buffered per staging table before one COPY sends them. */
export const COPY_BATCH_ROWS = 20_000;

const APR_COLS = ["account_id", "apr_type", "apr_percentage", "balance_subject_to_apr_cents", "interest_charge_amount_cents"] as const;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : s;
}

function line(row: Record<string, unknown>, cols: readonly string[]): string {
  let out = "";
  for (let i = 0; i < cols.length; i++) out += (i ? "\t" : "") + copyField(row[cols[i]]);
  return out + "\n";
}

const q = (c: string) => `"${c}"`;

interface Stage {
  table: string;
  cols: readonly string[];
  lines: string[];
}

export class PostgresSink implements IngestSink {
  readonly kind = "postgres" as const;
  private client: pg.PoolClient | null = null;
  private stages: Record<"users" | "accounts" | "transactions" | "liabilities" | "aprs", Stage>;
  private inTx = false;
  private counts = emptyCounts();
  /** Customers whose rows this ingest inserted or changed (what an incremental recompute takes). */
  private changed = new Set<string>();

  constructor(private readonly pool: pg.Pool) {
    this.stages = {
      users: { table: "stg_users", cols: [...USER_COLS, "grant_consent"], lines: [] },
      accounts: { table: "stg_accounts", cols: ACCOUNT_COLS, lines: [] },
      transactions: { table: "stg_transactions", cols: TRANSACTION_COLS, lines: [] },
      liabilities: { table: "stg_liabilities", cols: LIABILITY_COLS, lines: [] },
      aprs: { table: "stg_liability_aprs", cols: APR_COLS, lines: [] },
    };
  }

  async begin() {
    this.client = await this.pool.connect();
    await this.client.query("BEGIN");
    this.inTx = true;
    await this.client.query(`
      CREATE TEMP TABLE stg_users (LIKE users INCLUDING DEFAULTS, grant_consent boolean) ON COMMIT DROP;
      CREATE TEMP TABLE stg_users_all (LIKE stg_users) ON COMMIT DROP;
      CREATE TEMP TABLE stg_accounts (LIKE accounts INCLUDING DEFAULTS) ON COMMIT DROP;
      CREATE TEMP TABLE stg_transactions (LIKE transactions) ON COMMIT DROP;
      CREATE TEMP TABLE stg_liabilities (LIKE liabilities) ON COMMIT DROP;
      CREATE TEMP TABLE stg_liability_aprs ON COMMIT DROP AS SELECT ${APR_COLS.map(q).join(",")} FROM liability_aprs WITH NO DATA;`);
  }

  // Lookups use another pooled connection: the ingest connection may be inside a COPY.
  async lookupUsers(ids: string[]) {
    const r = await this.pool.query<{ id: string; email: string; role: string }>(`SELECT id, email, role FROM users WHERE id = ANY($1)`, [ids]);
    return new Map<string, KnownUser>(r.rows.map((u) => [u.id, { email: u.email, role: u.role }]));
  }

  async lookupEmails(emails: string[]) {
    const r = await this.pool.query<{ id: string; email: string }>(`SELECT id, email FROM users WHERE email = ANY($1)`, [emails]);
    return new Map(r.rows.map((u) => [u.email, u.id]));
  }

  async lookupAccounts(ids: string[]) {
    const r = await this.pool.query<{ id: string; user_id: string; type: string }>(`SELECT id, user_id, type FROM accounts WHERE id = ANY($1)`, [ids]);
    return new Map<string, KnownAccount>(r.rows.map((a) => [a.id, { user_id: a.user_id, type: a.type }]));
  }

  writeUser(row: UserRow, consentTrue: boolean) {
    this.stages.users.lines.push(line({ ...row, grant_consent: consentTrue }, this.stages.users.cols));
    this.usersStaged++;
  }
  private usersStaged = 0;
  writeAccount(row: AccountRow) {
    this.stages.accounts.lines.push(line(row as never, ACCOUNT_COLS));
  }
  writeTransaction(row: TransactionRow, index: number) {
    this.stages.transactions.lines.push(line(row as never, TRANSACTION_COLS));
    this.txIds.push(row.id);
    this.txIndex.push(index);
    this.txUsers.push(row.user_id);
  }
  /** Ids of the buffered transaction lines (the fast path checks that none is stored yet), and their positions. */
  private txIds: string[] = [];
  private txIndex: number[] = [];
  private txUsers: string[] = [];
  /** Stored transactions this bundle would move: found at a merge, which then stops. */
  private conflicts: OwnershipConflict[] = [];
  private conflictCount = 0;
  writeLiability(row: LiabilityRow) {
    this.stages.liabilities.lines.push(line(row as never, LIABILITY_COLS));
    for (const a of row.aprs) this.stages.aprs.lines.push(line({ account_id: row.account_id, ...a }, APR_COLS));
  }

  /** Transactions to delete at the commit (id, owner). */
  private removed: { ids: string[]; users: string[] } = { ids: [], users: [] };
  removeTransactions(ids: string[], userId: string) {
    for (const id of ids) {
      this.removed.ids.push(id);
      this.removed.users.push(userId);
    }
  }

  private async copy(stage: Stage, text: string) {
    const stream = this.client!.query(copyFrom(`COPY ${stage.table} (${stage.cols.map(q).join(",")}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      stream.end(text);
    });
  }

  /** Background work in order: each flush copies what is buffered into staging and merges it. */
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: unknown = null;

  private scheduleFlush(): Promise<void> {
    // Take the buffered lines now; the database work runs while the caller parses the next batch.
    const texts = Object.fromEntries(Object.entries(this.stages).map(([k, st]) => [k, st.lines.join("")])) as Record<keyof PostgresSink["stages"], string>;
    for (const st of Object.values(this.stages)) st.lines = [];
    const tx = { ids: this.txIds, index: this.txIndex, users: this.txUsers };
    this.txIds = [];
    this.txIndex = [];
    this.txUsers = [];
    this.queued++;
    this.chain = this.chain
      .then(() => (this.failure || this.conflictCount ? undefined : this.flushAndMerge(texts, tx)))
      .catch((e) => {
        this.failure ??= e;
      })
      .finally(() => {
        this.queued--;
      });
    return this.chain;
  }

  private add(into: Counts, c: Counts) {
    into.inserted += c.inserted;
    into.updated += c.updated;
    into.unchanged += c.unchanged;
  }

  private async flushAndMerge(t: Record<keyof PostgresSink["stages"], string>, tx: { ids: string[]; index: number[]; users: string[] }) {
    const c = this.client!;
    const counts = this.counts;
    if (t.users) {
      // New users now (accounts refer to them); stored ones are compared and updated at the commit,
      // from stg_users_all.
      await this.copy(this.stages.users, t.users);
      const ins = await c.query<{ id: string }>(`INSERT INTO users (${USER_COLS.map(q).join(",")}) SELECT ${USER_COLS.map(q).join(",")} FROM stg_users ON CONFLICT (id) DO NOTHING RETURNING id`);
      counts.users.inserted += ins.rowCount ?? 0;
      for (const u of ins.rows) this.changed.add(u.id);
      await c.query("INSERT INTO stg_users_all SELECT * FROM stg_users; TRUNCATE stg_users");
    }
    if (t.accounts) {
      await this.copy(this.stages.accounts, t.accounts);
      this.add(counts.accounts, await this.merge("accounts", "stg_accounts", ACCOUNT_COLS, "id", "accounts.user_id = EXCLUDED.user_id"));
      await c.query("TRUNCATE stg_accounts");
    }
    if (t.liabilities) {
      await this.copy(this.stages.liabilities, t.liabilities);
      if (t.aprs) await this.copy(this.stages.aprs, t.aprs);
      // APRs of inserted or changed liabilities are replaced; unchanged ones are left alone.
      const liabRest = LIABILITY_COLS.filter((col) => col !== "account_id");
      await c.query(`
        CREATE TEMP TABLE IF NOT EXISTS stg_changed_liabilities (account_id text) ON COMMIT DROP;
        TRUNCATE stg_changed_liabilities;
        INSERT INTO stg_changed_liabilities
          SELECT s.account_id FROM stg_liabilities s LEFT JOIN liabilities l ON l.account_id = s.account_id
          WHERE l.account_id IS NULL OR (${liabRest.map((col) => `l.${q(col)}`).join(",")}) IS DISTINCT FROM (${liabRest.map((col) => `s.${q(col)}`).join(",")})`);
      this.add(counts.liabilities, await this.merge("liabilities", "stg_liabilities", LIABILITY_COLS, "account_id"));
      await c.query(`
        DELETE FROM liability_aprs WHERE account_id IN (SELECT account_id FROM stg_changed_liabilities);
        INSERT INTO liability_aprs (${APR_COLS.map(q).join(",")})
          SELECT ${APR_COLS.map(q).map((col) => `s.${col}`).join(",")} FROM stg_liability_aprs s
          WHERE s.account_id IN (SELECT account_id FROM stg_changed_liabilities);
        TRUNCATE stg_liabilities, stg_liability_aprs;`);
    }
    if (t.transactions) {
      // Fast path, the usual first ingest: when no id of the batch is stored yet (repeats within the
      // bundle are refused before this point), COPY straight into the table: one write per row.
      const known = await c.query("SELECT 1 FROM transactions WHERE id = ANY($1::text[]) LIMIT 1", [tx.ids]);
      if (known.rowCount === 0) {
        await this.copy({ table: "transactions", cols: TRANSACTION_COLS, lines: [] }, t.transactions);
        counts.transactions.inserted += tx.ids.length;
        for (const u of tx.users) this.changed.add(u);
      } else {
        await this.copy(this.stages.transactions, t.transactions);
        if (await this.findConflicts(tx)) return;
        this.add(counts.transactions, await this.merge("transactions", "stg_transactions", TRANSACTION_COLS, "id", "transactions.account_id = EXCLUDED.account_id"));
        await c.query("TRUNCATE stg_transactions");
      }
    }
  }

  /** Staged transactions stored under another account: recorded (with their positions), and the merge stops. */
  private async findConflicts(tx: { ids: string[]; index: number[] }): Promise<boolean> {
    const from = `FROM stg_transactions s JOIN transactions t ON t.id = s.id WHERE t.account_id <> s.account_id`;
    const r = await this.client!.query<{ id: string; n: string }>(`SELECT s.id, count(*) OVER () AS n ${from} LIMIT ${MAX_REPORTED_ERRORS}`);
    if (!r.rowCount) return false;
    const found = new Set(r.rows.map((x) => x.id));
    for (let i = 0; i < tx.ids.length; i++) if (found.has(tx.ids[i])) this.conflicts.push({ section: "transactions", id: tx.ids[i], index: tx.index[i] });
    this.conflicts.sort((a, b) => a.index - b.index);
    this.conflictCount += Number(r.rows[0].n);
    return true;
  }

  async afterBatch() {
    if (this.failure) throw this.failure;
    if (Object.values(this.stages).some((st) => st.lines.length >= COPY_BATCH_ROWS)) {
      // At most one flush waits behind the running one: bounded memory, overlapped work.
      if (this.queued >= 2) await this.chain;
      void this.scheduleFlush();
    }
  }

  /**
   * guard: a condition the stored row must meet to be updated (it keeps its owner otherwise).
   * The owners (user ids) of the rows inserted or updated join the ingest's changed users: the
   * table's user_id, or (liabilities) the user of the row's account.
   */
  private async merge(table: string, stage: string, cols: readonly string[], key: string, guard = ""): Promise<Counts> {
    const rest = cols.filter((c) => c !== key);
    const owned = cols.includes("user_id");
    const r = await this.client!.query<{ ins: string; upd: string; total: string; users: string[] | null }>(`
      WITH up AS (
        INSERT INTO ${table} (${cols.map(q).join(",")})
        SELECT ${cols.map(q).join(",")} FROM ${stage}
        ON CONFLICT (${q(key)}) DO UPDATE SET ${rest.map((c) => `${q(c)} = EXCLUDED.${q(c)}`).join(", ")}
        WHERE (${rest.map((c) => `${table}.${q(c)}`).join(",")}) IS DISTINCT FROM (${rest.map((c) => `EXCLUDED.${q(c)}`).join(",")})${guard ? ` AND ${guard}` : ""}
        RETURNING (xmax = 0) AS inserted, ${owned ? "user_id" : "account_id"} AS owner)
      SELECT count(*) FILTER (WHERE inserted) AS ins, count(*) FILTER (WHERE NOT inserted) AS upd,
             (SELECT count(*) FROM ${stage}) AS total,
             array_agg(DISTINCT ${owned ? "up.owner" : "a.user_id"}) AS users
      FROM up${owned ? "" : " LEFT JOIN accounts a ON a.id = up.owner"}`);
    const { ins, upd, total, users } = r.rows[0];
    for (const u of users ?? []) if (u) this.changed.add(u);
    return { inserted: Number(ins), updated: Number(upd), unchanged: Number(total) - Number(ins) - Number(upd) };
  }

  /**
   * Stored users of the bundle: updated where they differ, then import consent granted to those
   * not consenting who never revoked. Their rows are locked first, so a revocation committed
   * meanwhile is seen by the grant (a fresh snapshot per statement).
   */
  private async mergeUsersAtCommit(): Promise<void> {
    const c = this.client!;
    const rest = USER_COLS.filter((col) => col !== "id");
    await c.query(`SELECT u.id FROM users u JOIN stg_users_all s ON s.id = u.id ORDER BY u.id FOR NO KEY UPDATE OF u`);
    const upd = await c.query<{ id: string }>(`UPDATE users u SET (${rest.map(q).join(",")}) = (${rest.map((col) => `s.${q(col)}`).join(",")}) FROM stg_users_all s
      WHERE u.id = s.id AND u.role = 'customer' AND (${rest.map((col) => `u.${q(col)}`).join(",")}) IS DISTINCT FROM (${rest.map((col) => `s.${q(col)}`).join(",")})
      RETURNING u.id`);
    for (const u of upd.rows) this.changed.add(u.id);
    const users = this.counts.users;
    users.updated = upd.rowCount ?? 0;
    users.unchanged = this.usersStaged - users.inserted - users.updated;
    const granted = await c.query<{ user_id: string }>(`
      WITH g AS (
        UPDATE users u SET consent_granted = true, consent_at = now()
        WHERE u.consent_granted = false AND u.role = 'customer' AND u.id IN (SELECT id FROM stg_users_all WHERE grant_consent)
          AND NOT EXISTS (SELECT 1 FROM consent_events e WHERE e.user_id = u.id AND NOT e.granted)
        RETURNING u.id)
      INSERT INTO consent_events (user_id, granted, source, at) SELECT id, true, 'import', now() FROM g RETURNING user_id`);
    this.counts.consent_events.inserted = granted.rowCount ?? 0;
    for (const u of granted.rows) this.changed.add(u.user_id);
  }

  async commit(run: IngestRunRecord): Promise<CommitOutcome> {
    await this.scheduleFlush();
    if (this.failure) throw this.failure;
    if (this.conflictCount) {
      await this.rollback();
      return { ok: false, conflicts: this.conflicts.slice(0, MAX_REPORTED_ERRORS), conflict_count: this.conflictCount };
    }
    if (this.usersStaged) await this.mergeUsersAtCommit();
    if (this.removed.ids.length) {
      const del = await this.client!.query(
        `DELETE FROM transactions t USING unnest($1::text[], $2::text[]) AS r(id, user_id) WHERE t.id = r.id AND t.user_id = r.user_id RETURNING t.user_id`,
        [this.removed.ids, this.removed.users],
      );
      for (const u of del.rows as { user_id: string }[]) this.changed.add(u.user_id);
      this.counts.transactions_removed = { deleted: del.rowCount ?? 0 };
    }
    await this.client!.query(ingestRunInsertSql((i) => `$${i}`), ingestRunValues(run, this.counts, (d) => d.toISOString()));
    await this.client!.query("COMMIT");
    this.inTx = false;
    this.release();
    return { ok: true, counts: this.counts, changedUsers: [...this.changed].sort() };
  }

  private release() {
    this.client?.release();
    this.client = null;
  }

  async rollback() {
    await this.chain;
    if (this.client && this.inTx) await this.client.query("ROLLBACK").catch(() => {});
    this.inTx = false;
    this.release();
  }
}
