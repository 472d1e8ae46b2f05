/**
 * The floor beside each ingest figure: the same transaction rows inserted by plain prepared
 * statements in one transaction (better-sqlite3) or by one COPY (Postgres), with no parsing,
 * validation or change detection.
 */
import type Database from "better-sqlite3";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { TRANSACTION_COLS, type TransactionRow } from "../core/rows";
import { copyField } from "../ingest/postgres-sink";

export function sqliteFloor(db: Database.Database, rows: TransactionRow[]): void {
  const st = db.prepare(`INSERT INTO transactions (${TRANSACTION_COLS.map((c) => `"${c}"`).join(",")}) VALUES (${TRANSACTION_COLS.map(() => "?").join(",")})`);
  db.transaction(() => {
    for (const r of rows)
      st.run(r.id, r.account_id, r.user_id, r.date, r.authorized_date, r.amount_cents, r.iso_currency_code, r.name, r.merchant_name, r.merchant_entity_id, r.payment_channel, r.pfc_primary, r.pfc_detailed, r.pending ? 1 : 0, r.pending_transaction_id);
  })();
}

export async function postgresFloor(pool: pg.Pool, rows: TransactionRow[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const stream = client.query(copyFrom(`COPY transactions (${TRANSACTION_COLS.map((c) => `"${c}"`).join(",")}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      const CHUNK = 10_000;
      let i = 0;
      const pump = () => {
        while (i < rows.length) {
          let text = "";
          const end = Math.min(rows.length, i + CHUNK);
          for (; i < end; i++) {
            const r = rows[i] as unknown as Record<string, unknown>;
            text += TRANSACTION_COLS.map((c) => copyField(r[c])).join("\t") + "\n";
          }
          if (!stream.write(text)) return void stream.once("drain", pump);
        }
        stream.end();
      };
      pump();
    });
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}
