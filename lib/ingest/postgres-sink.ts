/**
 * PostgreSQL sink: rows are streamed with COPY into temporary staging tables inside one
 * transaction, then merged with INSERT ... ON CONFLICT DO UPDATE ... WHERE (columns) IS DISTINCT
 * FROM (new columns), whose RETURNING (xmax = 0) tells inserted from updated rows.
 */
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ACCOUNT_COLS, LIABILITY_COLS, TRANSACTION_COLS, USER_COLS, type AccountRow, type LiabilityRow, type TransactionRow, type UserRow } from "../core/rows";
import { emptyCounts, type Counts, type EntityCounts, type IngestSink, type KnownAccount, type KnownUser } from "./sink";

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
      CREATE TEMP TABLE stg_accounts (LIKE accounts INCLUDING DEFAULTS) ON COMMIT DROP;
      CREATE TEMP TABLE stg_transactions (LIKE transactions) ON COMMIT DROP;
      CREATE TEMP TABLE stg_liabilities (LIKE liabilities) ON COMMIT DROP;
      CREATE TEMP TABLE stg_liability_aprs ON COMMIT DROP AS SELECT ${APR_COLS.map(q).join(",")} FROM liability_aprs WITH NO DATA;`);
  }

  // Lookups use another pooled connection: the ingest connection may be inside a COPY.
  async lookupUsers(ids: string[]) {
    const r = await this.pool.query<{ id: string; email: string; role: string; consent_granted: boolean }>(
      `SELECT id, email, role, consent_granted FROM users WHERE id = ANY($1)`,
      [ids],
    );
    return new Map<string, KnownUser>(r.rows.map((u) => [u.id, { email: u.email, role: u.role, consent_granted: u.consent_granted }]));
  }

  async lookupEmails(emails: string[]) {
    const r = await this.pool.query<{ id: string; email: string }>(`SELECT id, email FROM users WHERE email = ANY($1)`, [emails]);
    return new Map(r.rows.map((u) => [u.email, u.id]));
  }

  async lookupAccounts(ids: string[]) {
    const r = await this.pool.query<{ id: string; user_id: string; type: string }>(`SELECT id, user_id, type FROM accounts WHERE id = ANY($1)`, [ids]);
    return new Map<string, KnownAccount>(r.rows.map((a) => [a.id, { user_id: a.user_id, type: a.type }]));
  }

  writeUser(row: UserRow, grantConsent: boolean) {
    this.stages.users.lines.push(line({ ...row, grant_consent: grantConsent }, this.stages.users.cols));
  }
  writeAccount(row: AccountRow) {
    this.stages.accounts.lines.push(line(row as never, ACCOUNT_COLS));
  }
  writeTransaction(row: TransactionRow) {
    this.stages.transactions.lines.push(line(row as never, TRANSACTION_COLS));
    this.txIds.push(row.id);
  }
  /** Ids of the buffered transaction lines (the fast path checks that none is stored yet). */
  private txIds: string[] = [];
  writeLiability(row: LiabilityRow) {
    this.stages.liabilities.lines.push(line(row as never, LIABILITY_COLS));
    for (const a of row.aprs) this.stages.aprs.lines.push(line({ account_id: row.account_id, ...a }, APR_COLS));
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
    const txIds = this.txIds;
    this.txIds = [];
    this.queued++;
    this.chain = this.chain
      .then(() => (this.failure ? undefined : this.flushAndMerge(texts, txIds)))
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

  private async flushAndMerge(t: Record<keyof PostgresSink["stages"], string>, txIds: string[]) {
    const c = this.client!;
    const counts = this.counts;
    if (t.users) {
      await this.copy(this.stages.users, t.users);
      this.add(counts.users, await this.merge("users", "stg_users", USER_COLS, "id"));
      const consent = await c.query(`
        WITH g AS (SELECT id FROM stg_users WHERE grant_consent),
        ev AS (INSERT INTO consent_events (user_id, granted, source, at) SELECT id, true, 'import', now() FROM g RETURNING 1)
        UPDATE users SET consent_granted = true, consent_at = now() WHERE id IN (SELECT id FROM g)`);
      counts.consent_events.inserted += consent.rowCount ?? 0;
      await c.query("TRUNCATE stg_users");
    }
    if (t.accounts) {
      await this.copy(this.stages.accounts, t.accounts);
      this.add(counts.accounts, await this.merge("accounts", "stg_accounts", ACCOUNT_COLS, "id"));
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
      const known = await c.query("SELECT 1 FROM transactions WHERE id = ANY($1::text[]) LIMIT 1", [txIds]);
      if (known.rowCount === 0) {
        await this.copy({ table: "transactions", cols: TRANSACTION_COLS, lines: [] }, t.transactions);
        counts.transactions.inserted += txIds.length;
      } else {
        await this.copy(this.stages.transactions, t.transactions);
        this.add(counts.transactions, await this.merge("transactions", "stg_transactions", TRANSACTION_COLS, "id"));
        await c.query("TRUNCATE stg_transactions");
      }
    }
  }

  async afterBatch() {
    if (this.failure) throw this.failure;
    if (Object.values(this.stages).some((st) => st.lines.length >= COPY_BATCH_ROWS)) {
      // At most one flush waits behind the running one: bounded memory, overlapped work.
      if (this.queued >= 2) await this.chain;
      void this.scheduleFlush();
    }
  }

  private async merge(table: string, stage: string, cols: readonly string[], key: string): Promise<Counts> {
    const rest = cols.filter((c) => c !== key);
    const r = await this.client!.query<{ ins: string; upd: string; total: string }>(`
      WITH up AS (
        INSERT INTO ${table} (${cols.map(q).join(",")})
        SELECT ${cols.map(q).join(",")} FROM ${stage}
        ON CONFLICT (${q(key)}) DO UPDATE SET ${rest.map((c) => `${q(c)} = EXCLUDED.${q(c)}`).join(", ")}
        WHERE (${rest.map((c) => `${table}.${q(c)}`).join(",")}) IS DISTINCT FROM (${rest.map((c) => `EXCLUDED.${q(c)}`).join(",")})
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted) AS ins, count(*) FILTER (WHERE NOT inserted) AS upd,
             (SELECT count(*) FROM ${stage}) AS total FROM up`);
    const { ins, upd, total } = r.rows[0];
    return { inserted: Number(ins), updated: Number(upd), unchanged: Number(total) - Number(ins) - Number(upd) };
  }

  async commit(): Promise<EntityCounts> {
    await this.scheduleFlush();
    if (this.failure) throw this.failure;
    await this.client!.query("COMMIT");
    this.inTx = false;
    this.release();
    return this.counts;
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
