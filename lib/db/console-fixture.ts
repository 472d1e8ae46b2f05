/**
 * The console-volume fixture of `npm run bench -- --scale-console` (issue 12: the console at 100,000
 * users and 1.5 million recommendations). The pipeline cannot run for 100,000 users on the bench
 * machine in a session, so the population beyond a sample of real pipeline output is COPIES: each
 * round gives every sample customer one new customer (next user_NNNNNN id, same name, own email, no
 * password) with copies of its accounts, consent events, signal snapshots, persona assignments and
 * recommendations (new ids, same as-of). These rows are a fixture for the console's queries, not
 * pipeline output. PostgreSQL only; each round is one transaction, so a fill stopped half-way resumes
 * at the first missing round.
 */
import "server-only";
import { db } from "./client";
import { assertSystem, type Actor } from "./actor";
import { resolveDb } from "./url";

/** Of the copies of an approved sample recommendation, one round in this many rejects it instead (the queue shows all three outcomes). */
const REJECTED_EVERY_NTH_ROUND = 5;

/** The sample: generated customers (user_NNNNNN ids) numbered 0..S-1 in id order. */
const SAMPLE_TABLE = "console_fixture_sample";

/** Per table: the columns a copy computes (the rest are copied as they are); `serial` ids are left to their sequence. */
const COPIES: { table: string; serialId: boolean; set: Record<string, string> }[] = [
  {
    table: "users",
    serialId: false,
    set: {
      id: "$NEW",
      email: `regexp_replace(s.email, '\\.[0-9]+@', '.' || $IDX || '@')`,
      password_hash: "NULL",
      session_version: "0",
    },
  },
  { table: "accounts", serialId: false, set: { id: "s.id || '-c' || $ROUND", user_id: "$NEW" } },
  { table: "consent_events", serialId: true, set: { user_id: "$NEW" } },
  { table: "signal_snapshots", serialId: true, set: { user_id: "$NEW" } },
  { table: "persona_assignments", serialId: true, set: { user_id: "$NEW", overridden_by: "NULL" } },
  {
    table: "recommendations",
    serialId: false,
    set: {
      id: "s.id || '-c' || $ROUND",
      user_id: "$NEW",
      status: `CASE WHEN s.status = 'approved' AND $ROUND % ${REJECTED_EVERY_NTH_ROUND} = 0 THEN 'rejected' ELSE s.status END`,
      carried_from: "NULL",
      created_at: "s.created_at + make_interval(secs => $ROUND)",
      updated_at: "s.updated_at + make_interval(secs => $ROUND)",
    },
  },
];

async function columnsOf(table: string): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<{ c: string }[]>(
    "SELECT column_name::text AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    table,
  );
  return rows.map((r) => r.c);
}

/** INSERT ... SELECT of one table's rows of the sample as round `$ROUND` ($1) for sample numbers below $2. */
async function copySql(c: (typeof COPIES)[number]): Promise<string> {
  const cols = (await columnsOf(c.table)).filter((x) => !(c.serialId && x === "id"));
  const sampleSize = `(SELECT count(*) FROM ${SAMPLE_TABLE})`;
  const idx = `($1::int * ${sampleSize} + m.idx)`;
  const exprs = cols.map((x) =>
    (c.set[x] ?? `s."${x}"`).replaceAll("$NEW", `'user_' || lpad(${idx}::text, 6, '0')`).replaceAll("$IDX", `${idx}::text`).replaceAll("$ROUND", "$1::int"),
  );
  const join = c.table === "users" ? "s.id = m.id" : "s.user_id = m.id";
  return `INSERT INTO ${c.table} (${cols.map((x) => `"${x}"`).join(", ")}) SELECT ${exprs.join(", ")} FROM ${c.table} s JOIN ${SAMPLE_TABLE} m ON ${join} WHERE m.idx < $2::int`;
}

/** Fixes the sample (every customer present now, which must be user_000000.. in order) unless already fixed; its size. */
async function fixSample(): Promise<number> {
  await db().$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${SAMPLE_TABLE} (id text PRIMARY KEY, idx int NOT NULL)`);
  const [{ n }] = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${SAMPLE_TABLE}`);
  if (Number(n) > 0) return Number(n);
  await db().$executeRawUnsafe(
    `INSERT INTO ${SAMPLE_TABLE} SELECT id, (row_number() OVER (ORDER BY id) - 1)::int FROM users WHERE role = 'customer' AND id ~ '^user_[0-9]{6}$'`,
  );
  const [{ bad }] = await db().$queryRawUnsafe<{ bad: bigint }[]>(`SELECT count(*) AS bad FROM ${SAMPLE_TABLE} WHERE id <> 'user_' || lpad(idx::text, 6, '0')`);
  if (Number(bad) > 0) throw new Error("console fixture: the sample customers are not user_000000.. in order");
  const [{ m }] = await db().$queryRawUnsafe<{ m: bigint }[]>(`SELECT count(*) AS m FROM ${SAMPLE_TABLE}`);
  return Number(m);
}

/**
 * Grows the customers to `target` by copy rounds of the sample (PostgreSQL only; resumable). Calls
 * `onRound` after each round it ran. Returns the sample size and the rounds run now.
 */
export async function fillConsoleFixture(actor: Actor, target: number, onRound: (round: number, rounds: number) => void = () => {}): Promise<{ sample: number; ran: number }> {
  assertSystem(actor);
  if (resolveDb().kind !== "postgres") throw new Error("console fixture: PostgreSQL only (DATABASE_URL)");
  const sample = await fixSample();
  if (sample === 0) throw new Error("console fixture: no sample customers (ingest and run the pipeline first)");
  const sqls = await Promise.all(COPIES.map(copySql));
  const rounds = Math.ceil(target / sample) - 1;
  let ran = 0;
  for (let round = 1; round <= rounds; round++) {
    const first = `user_${String(round * sample).padStart(6, "0")}`;
    if (await db().user.findUnique({ where: { id: first }, select: { id: true } })) continue;
    const upTo = Math.min(sample, target - round * sample);
    await db().$transaction(sqls.map((sql) => db().$executeRawUnsafe(sql, round, upTo)));
    ran++;
    onRound(round, rounds);
  }
  await db().$executeRawUnsafe("ANALYZE");
  return { sample, ran };
}
