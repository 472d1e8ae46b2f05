/** Operators: the console's list of customers, with consent, latest personas and pending counts. */
import "server-only";
import { db } from "./client";
import { assertOperator, type Actor } from "./actor";

export const PAGE_SIZE = 50;

export async function listUsers(actor: Actor, opts: { q?: string; persona?: string; page?: number } = {}) {
  assertOperator(actor);
  const p = db();
  const page = Math.max(1, opts.page ?? 1);
  const where = {
    role: "customer",
    ...(opts.q ? { OR: [{ name: { contains: opts.q } }, { email: { contains: opts.q.toLowerCase() } }, { id: { contains: opts.q } }] } : {}),
    ...(opts.persona ? { personas: { some: { primary: opts.persona === "none" ? null : opts.persona } } } : {}),
  };
  const [total, users] = await Promise.all([
    p.user.count({ where }),
    p.user.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, name: true, email: true, consentGranted: true,
        personas: { select: { window: true, asOf: true, primary: true }, orderBy: { asOf: "desc" }, take: 2 },
        _count: { select: { recommendations: { where: { status: "pending" } } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageSize: PAGE_SIZE,
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      consentGranted: u.consentGranted,
      persona30d: u.personas.find((x) => x.window === "30d")?.primary ?? null,
      persona180d: u.personas.find((x) => x.window === "180d")?.primary ?? null,
      pendingCount: u._count.recommendations,
    })),
  };
}

