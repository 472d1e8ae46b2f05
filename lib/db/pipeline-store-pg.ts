/**
 * The pipeline store on PostgreSQL: plain pg statements on the pool of lib/db/raw.ts, the same
 * rules as the SQLite store (lib/db/pipeline-plan.ts). A store is one transaction on one pooled
 * client in four round trips: BEGIN + the user's advisory lock; consent re-check, what to keep and
 * the deletes of this as-of (one statement); every insert and rewrite (one statement, multi-row
 * via unnest); COMMIT. Statements are named (prepared once per connection). Prisma's interactive
 * transaction took about twelve round trips and most of a worker's CPU (docs/scaling.md).
 */
import "server-only";
import type pg from "pg";
import { openPgPool } from "./raw";
import { addDays } from "../core/time";
import { userDataFromRows } from "../core/rows";
import type { CoreUserData } from "../core/types";
import { ConsentRevoked, DECIDED_SQL, PIPELINE_LOOKBACK_DAYS, loadSql, planWrites, type LoadArgs, type PipelineStore, type PriorRow, type StoreInput } from "./pipeline-plan";

const LOAD = loadSql((n) => `$${n}`);

/** A timestamp(3) column as Prisma writes it: UTC wall time (the cast drops the "Z"). */
const utc = (d: Date) => d.toISOString();

const SQL = {
  customers: `SELECT id FROM users WHERE role = 'customer' ORDER BY id`,
  customer: `SELECT id FROM users WHERE role = 'customer' AND id = $1`,
  consent: `SELECT role, consent_granted, to_char(consent_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS consent_at FROM users WHERE id = $1`,
  /** Consent again, the overridden personas' windows and the decided recommendations so far; and this as-of's replaceable rows deleted, older pending ones superseded. */
  begin: `WITH
      del_snap AS (DELETE FROM signal_snapshots WHERE user_id = $1 AND as_of = $2),
      del_persona AS (DELETE FROM persona_assignments WHERE user_id = $1 AND as_of = $2 AND overridden_by IS NULL),
      del_rec AS (DELETE FROM recommendations WHERE user_id = $1 AND as_of = $2 AND status = 'pending'),
      supersede AS (UPDATE recommendations SET status = 'superseded', updated_at = $3::timestamp(3) WHERE user_id = $1 AND as_of < $2 AND status = 'pending')
    SELECT u.consent_granted AS granted,
      ARRAY(SELECT "window" FROM persona_assignments WHERE user_id = $1 AND as_of = $2 AND overridden_by IS NOT NULL) AS kept,
      p.id, p."window", p.item_id, p.as_of, p.status, p.trace_json
    FROM users u LEFT JOIN recommendations p ON p.user_id = u.id AND p.as_of <= $2 AND p.status IN (${DECIDED_SQL})
    WHERE u.id = $1`,
  write: `WITH
      ins_snap AS (INSERT INTO signal_snapshots (user_id, "window", as_of, data_json, computed_at)
        SELECT $1, w, $2, d, $3::timestamp(3) FROM unnest($4::text[], $5::text[]) AS t(w, d)),
      ins_persona AS (INSERT INTO persona_assignments (user_id, "window", as_of, "primary", matched_json, computed_at)
        SELECT $1, w, $2, pr, m, $3::timestamp(3) FROM unnest($6::text[], $7::text[], $8::text[]) AS t(w, pr, m)),
      upd_persona AS (UPDATE persona_assignments p SET matched_json = t.m, computed_at = $3::timestamp(3)
        FROM unnest($9::text[], $10::text[]) AS t(w, m) WHERE p.user_id = $1 AND p.as_of = $2 AND p."window" = t.w),
      ins_rec AS (INSERT INTO recommendations (id, user_id, "window", as_of, kind, item_id, title, rationale, disclosure, status, rank, generator, trace_json, carried_from, changes_json, created_at, updated_at)
        SELECT id, $1, w, $2, kind, item, title, rat, dis, st, rk, gen, tr, cf, ch, $3::timestamp(3), $3::timestamp(3)
        FROM unnest($11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::int[], $20::text[], $21::text[], $22::text[], $23::text[])
          AS t(id, w, kind, item, title, rat, dis, st, rk, gen, tr, cf, ch)),
      upd_rec AS (UPDATE recommendations r SET kind = t.kind, title = t.title, rationale = t.rat, disclosure = t.dis, status = t.st, rank = t.rk, generator = t.gen,
          trace_json = t.tr, carried_from = t.cf, changes_json = t.ch, updated_at = $3::timestamp(3)
        FROM unnest($24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::int[], $31::text[], $32::text[], $33::text[], $34::text[])
          AS t(id, kind, title, rat, dis, st, rk, gen, tr, cf, ch) WHERE r.id = t.id)
    SELECT 1`,
  signalsBegin: `WITH del_snap AS (DELETE FROM signal_snapshots WHERE user_id = $1 AND as_of = $2) SELECT consent_granted AS granted FROM users WHERE id = $1`,
  signalsWrite: `INSERT INTO signal_snapshots (user_id, "window", as_of, data_json, computed_at)
    SELECT $1, w, $2, d, $3::timestamp(3) FROM unnest($4::text[], $5::text[]) AS t(w, d)`,
};

/** A named statement: parsed and planned once per connection. */
const q = (name: keyof typeof SQL, values: unknown[]): pg.QueryConfig => ({ name: `pipeline_${name}`, text: SQL[name], values });
const col = <T, K extends keyof T>(rows: T[], k: K) => rows.map((r) => r[k]);

type BeginRow = { granted: boolean | null; kept: string[] } & { [K in keyof PriorRow]: PriorRow[K] | null };

/** One transaction on one client, serialized per user with the other pipeline writers of that user (any worker, any as-of). */
async function inUserTransaction(pool: pg.Pool, userId: string, f: (c: pg.PoolClient) => Promise<void>): Promise<void> {
  const c = await pool.connect();
  let broken: Error | undefined;
  try {
    await c.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${c.escapeLiteral("pipeline:" + userId)}, 0))`);
    await f(c);
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK").catch((re: Error) => (broken = re));
    throw e;
  } finally {
    c.release(broken);
  }
}

export class PgStore implements PipelineStore {
  private readonly pool: pg.Pool;
  constructor(url: string) {
    this.pool = openPgPool(url);
  }

  async customerIds(only?: string): Promise<string[]> {
    const r = await this.pool.query<{ id: string }>(only === undefined ? q("customers", []) : q("customer", [only]));
    return col(r.rows, "id");
  }

  async consent(userId: string) {
    const r = await this.pool.query<{ role: string; consent_granted: boolean; consent_at: string | null }>(q("consent", [userId]));
    const u = r.rows[0];
    return u ? { role: u.role, granted: u.consent_granted, at: u.consent_at } : null;
  }

  async load(userId: string, asOf: string): Promise<CoreUserData> {
    const p = this.pool;
    const [accounts, txs, liabilities, aprs] = await Promise.all([
      p.query({ name: "pipeline_accounts", text: LOAD.accounts, values: [userId] }),
      p.query({ name: "pipeline_txs", text: LOAD.txs, values: [userId, addDays(asOf, -PIPELINE_LOOKBACK_DAYS), asOf] }),
      p.query({ name: "pipeline_liabilities", text: LOAD.liabilities, values: [userId] }),
      p.query({ name: "pipeline_aprs", text: LOAD.aprs, values: [userId] }),
    ]);
    return userDataFromRows(userId, accounts.rows as LoadArgs[1], txs.rows as LoadArgs[2], liabilities.rows as LoadArgs[3], aprs.rows as LoadArgs[4]);
  }

  async storeSignals(x: Pick<StoreInput, "userId" | "asOf" | "now" | "snapshots">): Promise<void> {
    await inUserTransaction(this.pool, x.userId, async (c) => {
      const r = await c.query<{ granted: boolean }>(q("signalsBegin", [x.userId, x.asOf]));
      if (!r.rows[0]?.granted) throw new ConsentRevoked();
      await c.query(q("signalsWrite", [x.userId, x.asOf, utc(x.now), col(x.snapshots, "window"), col(x.snapshots, "dataJson")]));
    });
  }

  async store(x: StoreInput): Promise<void> {
    const { userId, asOf } = x;
    const now = utc(x.now);
    await inUserTransaction(this.pool, userId, async (c) => {
      const rows = (await c.query<BeginRow>(q("begin", [userId, asOf, now]))).rows;
      if (!rows[0]?.granted) throw new ConsentRevoked();
      const keepPrimary = new Set(rows[0].kept);
      const priors = rows.filter((r): r is BeginRow & PriorRow => r.id !== null);
      const { insert, rewrite } = planWrites(priors, x.recommendations);
      const fresh = x.personas.filter((r) => !keepPrimary.has(r.window));
      const kept = x.personas.filter((r) => keepPrimary.has(r.window));
      await c.query(q("write", [
        userId, asOf, now,
        col(x.snapshots, "window"), col(x.snapshots, "dataJson"),
        col(fresh, "window"), col(fresh, "primary"), col(fresh, "matchedJson"),
        col(kept, "window"), col(kept, "matchedJson"),
        col(insert, "id"), col(insert, "window"), col(insert, "kind"), col(insert, "itemId"), col(insert, "title"), col(insert, "rationale"), col(insert, "disclosure"),
        col(insert, "status"), col(insert, "rank"), col(insert, "generator"), col(insert, "traceJson"), col(insert, "carriedFrom"), col(insert, "changesJson"),
        col(rewrite, "id"), col(rewrite, "kind"), col(rewrite, "title"), col(rewrite, "rationale"), col(rewrite, "disclosure"), col(rewrite, "status"), col(rewrite, "rank"),
        col(rewrite, "generator"), col(rewrite, "traceJson"), col(rewrite, "carriedFrom"), col(rewrite, "changesJson"),
      ]));
    });
  }
}
