// The preview database's chores for `npm run vercel-build` and its check (scripts/vercel-build-check.sh):
//   tsx scripts/preview-db.mts is-empty      exit 0 when DATABASE_URL holds no user (seed the demo), 3 when it has users
//   tsx scripts/preview-db.mts state FILE    write what it holds (users, pending, approved, a customer with approved suggestions) as JSON
//   tsx scripts/preview-db.mts recreate URL  drop and create the PostgreSQL database of URL (the check's fresh database)
import { writeFileSync } from "node:fs";
import pg from "pg";
import { disconnectDb } from "../lib/db/client.ts";
import { SYSTEM } from "../lib/db/actor.ts";
import { demoState } from "../lib/db/demo-accounts.ts";

const [cmd, arg] = process.argv.slice(2);

async function recreate(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^\w+$/.test(name)) throw new Error(`recreate: database name "${name}" must be letters, digits or _`);
  u.pathname = "/postgres";
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  console.error(`preview-db: created an empty database ${name}`);
}

switch (cmd) {
  case "is-empty": {
    const s = await demoState(SYSTEM);
    await disconnectDb();
    console.error(s.users === 0 ? "preview-db: the database is empty" : `preview-db: the database has ${s.users} user(s)`);
    process.exit(s.users === 0 ? 0 : 3);
    break;
  }
  case "state": {
    const s = await demoState(SYSTEM);
    await disconnectDb();
    if (arg) writeFileSync(arg, JSON.stringify(s) + "\n");
    console.log(JSON.stringify(s));
    break;
  }
  case "recreate":
    await recreate(arg ?? process.env.DATABASE_URL ?? "");
    break;
  default:
    console.error("usage: tsx scripts/preview-db.mts is-empty | state [FILE] | recreate URL");
    process.exit(1);
}
