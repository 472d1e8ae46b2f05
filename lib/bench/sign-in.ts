/**
 * Sign-in timing (issue 7, item 10: "timing tells real emails from unknown ones, 80 ms vs 14 ms"):
 * medians of a wrong password for a known email and of an unknown email, interleaved, through the
 * real credentials check on SQLite, beside the floor of one scrypt hash measured in the same run.
 */
import path from "node:path";
import { emit, median, time } from "./util";
import { freshSqlite } from "../db/fresh";
import { closeRaw } from "../db/raw";
import { db, disconnectDb } from "../db/client";
import { hashPassword } from "../auth/password";
import { verifyCredentials } from "../db/sign-in";

/** Attempts per kind (interleaved known / unknown / floor, in rotating order). */
const SIGN_IN_BENCH_RUNS = 21;

export async function runSignInBench(opts: { dir: string; ctx: Record<string, unknown> }): Promise<void> {
  await disconnectDb();
  await closeRaw();
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = freshSqlite(path.join(opts.dir, "sign-in.db"));
  await db().user.create({ data: { id: "u1", name: "Bench", email: "known@bench.test", role: "customer", passwordHash: await hashPassword("right-password-1") } });
  const known: number[] = [];
  const unknown: number[] = [];
  const floor: number[] = [];
  const steps = [
    async (i: number) => known.push((await time(() => verifyCredentials("known@bench.test", `wrong-${i}`))).ms),
    async (i: number) => unknown.push((await time(() => verifyCredentials(`nobody-${i}@bench.test`, `wrong-${i}`))).ms),
    async (i: number) => floor.push((await time(() => hashPassword(`wrong-${i}`))).ms),
  ];
  // Rotate which kind goes first: the position in a round alone moved medians by 10-15%.
  for (let i = 0; i < SIGN_IN_BENCH_RUNS; i++) for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length](i);
  const base = { runs: SIGN_IN_BENCH_RUNS, database: "sqlite", ...opts.ctx };
  emit("signin_known_email_wrong_password_ms", median(known), "ms", { ...base, note: "median, lib/db/sign-in verifyCredentials" });
  emit("signin_unknown_email_ms", median(unknown), "ms", { ...base, note: "median; must cost the same hash work as a known email" });
  emit("signin_hash_floor_ms", median(floor), "ms", { ...base, note: "one scrypt hash at the stored cost" });
  emit("signin_unknown_to_known_ratio", median(unknown) / median(known), "x", { ...base, goal: "close to 1 (was 14/80 = 0.18)" });
  await disconnectDb();
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
}
