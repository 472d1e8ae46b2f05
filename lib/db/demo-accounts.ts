import "server-only";
import { db } from "./client";
import { assertOperator, type Actor } from "./actor";
import { hashPassword } from "../auth/password";

export interface DemoAccounts {
  operatorEmail: string;
  operatorPassword: string;
  customerPassword: string;
}

/** How many customers are hashed at once (scrypt runs on libuv's pool of 4 threads). */
const HASH_CONCURRENCY = 4;

/**
 * Demo sign-in accounts (a trusted script: the SYSTEM actor). Creates or updates the operator, and
 * gives every customer without a password the demo password, each hashed with its own salt, so
 * no two accounts share a hash. Idempotent: customers who have a password keep it.
 */
export async function seedDemoAccounts(actor: Actor, demo: DemoAccounts): Promise<{ customers: number; example: string | null }> {
  assertOperator(actor);
  const p = db();
  const opHash = await hashPassword(demo.operatorPassword);
  await p.user.upsert({
    where: { email: demo.operatorEmail },
    create: { id: "operator-demo", name: "Demo Operator", email: demo.operatorEmail, role: "operator", passwordHash: opHash },
    update: { passwordHash: opHash, role: "operator", sessionVersion: { increment: 1 } },
  });
  const todo = await p.user.findMany({ where: { role: "customer", passwordHash: null }, select: { id: true }, orderBy: { id: "asc" } });
  for (let i = 0; i < todo.length; i += HASH_CONCURRENCY) {
    const batch = todo.slice(i, i + HASH_CONCURRENCY);
    const hashes = await Promise.all(batch.map(() => hashPassword(demo.customerPassword)));
    await p.$transaction(batch.map((u, j) => p.user.updateMany({ where: { id: u.id, passwordHash: null }, data: { passwordHash: hashes[j] } })));
  }
  const first = await p.user.findFirst({ where: { role: "customer", consentGranted: true }, orderBy: { id: "asc" }, select: { email: true } });
  return { customers: todo.length, example: first?.email ?? null };
}

export interface DemoState {
  users: number;
  pending: number;
  approved: number;
  /** A customer with an approved suggestion (a preview's smoke test signs in as them); null when none. */
  customerWithApproved: string | null;
  /** The id of a customer with a pending suggestion; null when none. */
  customerWithPending: string | null;
}

/** What a preview database holds: empty (users 0) means `npm run vercel-build` seeds the demo. */
export async function demoState(actor: Actor): Promise<DemoState> {
  assertOperator(actor);
  const p = db();
  const [users, pending, approved, one, waiting] = await Promise.all([
    p.user.count(),
    p.recommendation.count({ where: { status: "pending" } }),
    p.recommendation.count({ where: { status: "approved" } }),
    p.recommendation.findFirst({ where: { status: "approved", user: { consentGranted: true, passwordHash: { not: null } } }, orderBy: { userId: "asc" }, select: { user: { select: { email: true } } } }),
    p.recommendation.findFirst({ where: { status: "pending" }, orderBy: { userId: "asc" }, select: { userId: true } }),
  ]);
  return { users, pending, approved, customerWithApproved: one?.user.email ?? null, customerWithPending: waiting?.userId ?? null };
}
