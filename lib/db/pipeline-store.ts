/**
 * The pipeline's reads and writes for one user. On SQLite they run as plain prepared statements
 * on better-sqlite3 (one BEGIN IMMEDIATE transaction for the write): Prisma's per-query overhead
 * was most of the pipeline's time. On PostgreSQL the same rules run as plain pg statements
 * (lib/db/pipeline-store-pg.ts). Both are exercised by the same tests on each database.
 */
import "server-only";
import type Database from "better-sqlite3";
import { assertSystem, type Actor } from "./actor";
import { openSqlite, sqliteTime } from "./raw";
import { resolveDb } from "./url";
import { addDays } from "../core/time";
import { userDataFromRows } from "../core/rows";
import type { CoreUserData } from "../core/types";
import { ConsentRevoked, DECIDED_SQL, PIPELINE_LOOKBACK_DAYS, loadSql, planWrites, type LoadArgs, type PipelineStore, type PriorRow, type StoreInput } from "./pipeline-plan";
import { PgStore } from "./pipeline-store-pg";

// ---------------------------------------------------------------- SQLite (plain statements)
const SQLITE_LOAD = loadSql(() => "?");
type Stmts = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Stmts>();

function prepare(d: Database.Database) {
  return {
    customers: d.prepare("SELECT id FROM users WHERE role = 'customer' ORDER BY id"),
    customer: d.prepare("SELECT id FROM users WHERE role = 'customer' AND id = ?"),
    consent: d.prepare("SELECT role, consent_granted, consent_at FROM users WHERE id = ?"),
    accounts: d.prepare(SQLITE_LOAD.accounts),
    txs: d.prepare(SQLITE_LOAD.txs),
    liabilities: d.prepare(SQLITE_LOAD.liabilities),
    aprs: d.prepare(SQLITE_LOAD.aprs),
    overridden: d.prepare("SELECT window FROM persona_assignments WHERE user_id = ? AND as_of = ? AND overridden_by IS NOT NULL"),
    priors: d.prepare(`SELECT id, window, item_id, as_of, status, trace_json FROM recommendations WHERE user_id = ? AND as_of <= ? AND status IN (${DECIDED_SQL})`),
    supersede: d.prepare("UPDATE recommendations SET status = 'superseded', updated_at = ? WHERE user_id = ? AND as_of < ? AND status = 'pending'"),
    delSnap: d.prepare("DELETE FROM signal_snapshots WHERE user_id = ? AND as_of = ?"),
    insSnap: d.prepare("INSERT INTO signal_snapshots (user_id, window, as_of, data_json, computed_at) VALUES (?, ?, ?, ?, ?)"),
    delPersona: d.prepare("DELETE FROM persona_assignments WHERE user_id = ? AND as_of = ? AND overridden_by IS NULL"),
    insPersona: d.prepare('INSERT INTO persona_assignments (user_id, window, as_of, "primary", matched_json, computed_at) VALUES (?, ?, ?, ?, ?, ?)'),
    updPersona: d.prepare("UPDATE persona_assignments SET matched_json = ?, computed_at = ? WHERE user_id = ? AND window = ? AND as_of = ?"),
    delRecs: d.prepare("DELETE FROM recommendations WHERE user_id = ? AND as_of = ? AND status = 'pending'"),
    insRec: d.prepare(
      `INSERT INTO recommendations (id, user_id, window, as_of, kind, item_id, title, rationale, disclosure, status, rank, generator, trace_json, carried_from, changes_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    rewriteRec: d.prepare(
      `UPDATE recommendations SET kind = ?, title = ?, rationale = ?, disclosure = ?, status = ?, rank = ?, generator = ?, trace_json = ?, carried_from = ?, changes_json = ?, updated_at = ? WHERE id = ?`,
    ),
  };
}


class SqliteStore implements PipelineStore {
  private s: Stmts;
  constructor(private readonly d: Database.Database) {
    let s = cache.get(d);
    if (!s) cache.set(d, (s = prepare(d)));
    this.s = s;
  }

  async customerIds(only?: string): Promise<string[]> {
    const rows = (only === undefined ? this.s.customers.all() : this.s.customer.all(only)) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async consent(userId: string) {
    const r = this.s.consent.get(userId) as { role: string; consent_granted: number; consent_at: string | null } | undefined;
    return r ? { role: r.role, granted: !!r.consent_granted, at: r.consent_at ? new Date(r.consent_at).toISOString() : null } : null;
  }

  async load(userId: string, asOf: string): Promise<CoreUserData> {
    const s = this.s;
    return userDataFromRows(
      userId,
      s.accounts.all(userId) as LoadArgs[1],
      s.txs.all(userId, addDays(asOf, -PIPELINE_LOOKBACK_DAYS), asOf) as LoadArgs[2],
      s.liabilities.all(userId) as LoadArgs[3],
      s.aprs.all(userId) as LoadArgs[4],
    );
  }

  async storeSignals(x: Pick<StoreInput, "userId" | "asOf" | "now" | "snapshots">): Promise<void> {
    const s = this.s;
    const now = sqliteTime(x.now);
    this.d.transaction(() => {
      const c = s.consent.get(x.userId) as { consent_granted: number } | undefined;
      if (!c?.consent_granted) throw new ConsentRevoked();
      s.delSnap.run(x.userId, x.asOf);
      for (const r of x.snapshots) s.insSnap.run(r.userId, r.window, r.asOf, r.dataJson, now);
    }).immediate();
  }

  async store(x: StoreInput): Promise<void> {
    const s = this.s;
    const now = sqliteTime(x.now);
    this.d.transaction(() => {
      const c = s.consent.get(x.userId) as { consent_granted: number } | undefined;
      if (!c?.consent_granted) throw new ConsentRevoked();
      const keepPrimary = new Set((s.overridden.all(x.userId, x.asOf) as { window: string }[]).map((r) => r.window));
      const writes = planWrites(s.priors.all(x.userId, x.asOf) as PriorRow[], x.recommendations);
      s.delSnap.run(x.userId, x.asOf);
      for (const r of x.snapshots) s.insSnap.run(r.userId, r.window, r.asOf, r.dataJson, now);
      s.delPersona.run(x.userId, x.asOf);
      for (const r of x.personas) {
        if (keepPrimary.has(r.window)) s.updPersona.run(r.matchedJson, now, r.userId, r.window, r.asOf);
        else s.insPersona.run(r.userId, r.window, r.asOf, r.primary, r.matchedJson, now);
      }
      s.delRecs.run(x.userId, x.asOf);
      s.supersede.run(now, x.userId, x.asOf);
      for (const r of writes.insert)
        s.insRec.run(r.id, r.userId, r.window, r.asOf, r.kind, r.itemId, r.title, r.rationale, r.disclosure, r.status, r.rank, r.generator, r.traceJson, r.carriedFrom, r.changesJson, now, now);
      for (const r of writes.rewrite)
        s.rewriteRec.run(r.kind, r.title, r.rationale, r.disclosure, r.status, r.rank, r.generator, r.traceJson, r.carriedFrom, r.changesJson, now, r.id);
    }).immediate();
  }
}

/** The pipeline's store: the system's only (no person reads or writes through it). */
export function pipelineStore(actor: Actor): PipelineStore {
  assertSystem(actor);
  const t = resolveDb();
  return t.kind === "sqlite" ? new SqliteStore(openSqlite(t.file)) : new PgStore(t.url);
}
