/**
 * The pipeline's reads and writes for one user. On SQLite they run as plain prepared statements
 * on better-sqlite3 (one BEGIN IMMEDIATE transaction for the write): Prisma's per-query overhead
 * was most of the pipeline's time. On PostgreSQL they go through Prisma. Both implement the same
 * rules and are exercised by the same tests on each database.
 */
import "server-only";
import type Database from "better-sqlite3";
import { db } from "./client";
import { assertSystem, type Actor } from "./actor";
import { openPgPool, openSqlite, sqliteTime } from "./raw";
import { resolveDb } from "./url";
import { addDays } from "../core/time";
import { userDataFromRows } from "../core/rows";
import type { CoreUserData } from "../core/types";
import type { Fact } from "../core/shared/types";
import { DECIDED_STATUSES, planCarryOver, type DecidedStatus, type PriorDecision } from "../core/recommend/carry-over";

const DECIDED_SQL = DECIDED_STATUSES.map((s) => `'${s}'`).join(", ");

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
type LoadArgs = Parameters<typeof userDataFromRows>;

export interface SnapshotRow { userId: string; window: string; asOf: string; dataJson: string }
export interface PersonaRow { userId: string; window: string; asOf: string; primary: string | null; matchedJson: string }
export interface RecRow {
  id: string; userId: string; window: string; asOf: string; itemId: string; status: string; kind: string; title: string;
  rationale: string; disclosure: string; rank: number; generator: string; traceJson: string;
  /** The facts the rationale cites (also inside traceJson): what decides whether a decision carries over. */
  facts: Fact[];
}
/** A row as written: the decision it carried over, or what changed since the last decision. */
type RecWrite = Omit<RecRow, "facts"> & { carriedFrom: string | null; changesJson: string | null };
interface PriorRow { id: string; window: string; item_id: string; as_of: string; status: string; trace_json: string }

/**
 * Which rows to insert or rewrite, given the user's decided recommendations so far (the newest
 * decision on a window and item decides; lib/core/recommend/carry-over.ts): same facts = the
 * decision carries over (a row already decided at this as-of is left alone); changed facts = the
 * item waits for review again, with the diff. Pending rows of this as-of were deleted before.
 */
function planWrites(priorRows: PriorRow[], recs: RecRow[]): { insert: RecWrite[]; rewrite: RecWrite[] } {
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

// ---------------------------------------------------------------- SQLite (plain statements)
const SQLITE_LOAD = loadSql(() => "?");
const PG_LOAD = loadSql((n) => `$${n}`);
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

// ---------------------------------------------------------------- PostgreSQL (reads: pg, writes: Prisma)
class PrismaStore implements PipelineStore {
  async customerIds(only?: string): Promise<string[]> {
    const users = await db().user.findMany({ where: { role: "customer", ...(only === undefined ? {} : { id: only }) }, select: { id: true }, orderBy: { id: "asc" } });
    return users.map((u) => u.id);
  }

  async consent(userId: string) {
    const u = await db().user.findUnique({ where: { id: userId }, select: { role: true, consentGranted: true, consentAt: true } });
    return u ? { role: u.role, granted: u.consentGranted, at: u.consentAt?.toISOString() ?? null } : null;
  }

  async load(userId: string, asOf: string): Promise<CoreUserData> {
    const pool = openPgPool(resolveDb().url);
    const [accounts, txs, liabilities, aprs] = await Promise.all([
      pool.query(PG_LOAD.accounts, [userId]),
      pool.query(PG_LOAD.txs, [userId, addDays(asOf, -PIPELINE_LOOKBACK_DAYS), asOf]),
      pool.query(PG_LOAD.liabilities, [userId]),
      pool.query(PG_LOAD.aprs, [userId]),
    ]);
    return userDataFromRows(userId, accounts.rows as LoadArgs[1], txs.rows as LoadArgs[2], liabilities.rows as LoadArgs[3], aprs.rows as LoadArgs[4]);
  }

  async storeSignals(x: Pick<StoreInput, "userId" | "asOf" | "now" | "snapshots">): Promise<void> {
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${"pipeline:" + x.userId}, 0))`;
      const fresh = await tx.user.findUnique({ where: { id: x.userId }, select: { consentGranted: true } });
      if (!fresh?.consentGranted) throw new ConsentRevoked();
      await tx.signalSnapshot.deleteMany({ where: { userId: x.userId, asOf: x.asOf } });
      await tx.signalSnapshot.createMany({ data: x.snapshots.map((r) => ({ ...r, computedAt: x.now })) });
    });
  }

  async store(x: StoreInput): Promise<void> {
    const { userId, asOf, now } = x;
    await db().$transaction(async (tx) => {
      // Writes for one user never interleave, whichever workers (and as-of dates) they come from.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${"pipeline:" + userId}, 0))`;
      const fresh = await tx.user.findUnique({ where: { id: userId }, select: { consentGranted: true } });
      if (!fresh?.consentGranted) throw new ConsentRevoked();
      const [overridden, priors] = await Promise.all([
        tx.personaAssignment.findMany({ where: { userId, asOf, overriddenBy: { not: null } }, select: { window: true } }),
        tx.recommendation.findMany({
          where: { userId, asOf: { lte: asOf }, status: { in: [...DECIDED_STATUSES] } },
          select: { id: true, window: true, itemId: true, asOf: true, status: true, traceJson: true },
        }),
      ]);
      const keepPrimary = new Set(overridden.map((o) => o.window));
      const writes = planWrites(priors.map((p) => ({ id: p.id, window: p.window, item_id: p.itemId, as_of: p.asOf, status: p.status, trace_json: p.traceJson })), x.recommendations);
      await tx.signalSnapshot.deleteMany({ where: { userId, asOf } });
      await tx.signalSnapshot.createMany({ data: x.snapshots.map((r) => ({ ...r, computedAt: now })) });
      await tx.personaAssignment.deleteMany({ where: { userId, asOf, overriddenBy: null } });
      const fresh2 = x.personas.filter((r) => !keepPrimary.has(r.window));
      if (fresh2.length) await tx.personaAssignment.createMany({ data: fresh2.map((r) => ({ ...r, computedAt: now })) });
      for (const r of x.personas.filter((p) => keepPrimary.has(p.window)))
        await tx.personaAssignment.update({ where: { userId_window_asOf: { userId, window: r.window, asOf } }, data: { matchedJson: r.matchedJson, computedAt: now } });
      await tx.recommendation.deleteMany({ where: { userId, asOf, status: "pending" } });
      await tx.recommendation.updateMany({ where: { userId, asOf: { lt: asOf }, status: "pending" }, data: { status: "superseded", updatedAt: now } });
      if (writes.insert.length) await tx.recommendation.createMany({ data: writes.insert.map((r) => ({ ...r, createdAt: now, updatedAt: now })) });
      for (const r of writes.rewrite) {
        const data = { kind: r.kind, title: r.title, rationale: r.rationale, disclosure: r.disclosure, status: r.status, rank: r.rank, generator: r.generator, traceJson: r.traceJson };
        await tx.recommendation.update({ where: { id: r.id }, data: { ...data, carriedFrom: r.carriedFrom, changesJson: r.changesJson, updatedAt: now } });
      }
    });
  }
}

/** The pipeline's store: the system's only (no person reads or writes through it). */
export function pipelineStore(actor: Actor): PipelineStore {
  assertSystem(actor);
  const t = resolveDb();
  return t.kind === "sqlite" ? new SqliteStore(openSqlite(t.file)) : new PrismaStore();
}
