// The review queue at any size (issue 10): keyset pages that neither skip nor repeat an item (also
// while new items arrive), true counts, filters, and bulk decisions that act only on what the
// operator confirmed. Runs on SQLite and on Postgres (TEST_DATABASE_URL=postgres://...).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { db } from "@/lib/db/client";
import { InvalidCursorError, reviewQueuePage } from "@/lib/db/review-queue";
import { decideMatching } from "@/lib/db/review-bulk";
import { BULK_DECISION_MAX, COUNT_EXACT_UP_TO, parseReviewQuery, type ReviewQuery } from "@/lib/core/console/review-query";
import type { Actor } from "@/lib/db/actor";

const OP: Actor = { id: "op1", role: "operator" };
const AS_OF = "2026-11-01";
const USERS = ["u1", "u2", "u3", "u4", "u5", "u6"];
const PERSONA = (u: string) => (u === "u6" ? null : ["high_utilization", "savings_builder"][Number(u.slice(1)) % 2]);
const ITEMS = [
  ["edu_a", "education"],
  ["edu_b", "education"],
  ["offer_a", "offer"],
] as const;

/** 6 customers x 2 windows x 3 items = 36 pending items; created in 4 batches that share a timestamp (ties on created_at). */
async function seed() {
  const p = db();
  await p.user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
  for (const [i, u] of USERS.entries()) {
    await p.user.create({ data: { id: u, name: `Customer ${u}`, email: `${u}@example.com`, consentGranted: true } });
    for (const w of ["30d", "180d"]) {
      await p.personaAssignment.create({ data: { userId: u, window: w, asOf: AS_OF, primary: PERSONA(u), matchedJson: "[]" } });
      await p.recommendation.createMany({
        data: ITEMS.map(([item, kind], rank) => ({
          id: `${u}-${w}-${item}`, userId: u, window: w, asOf: AS_OF, kind, itemId: item, title: `Title ${item}`, rationale: "because", disclosure: "d",
          rank, generator: "template", traceJson: "{}", createdAt: new Date(Date.UTC(2026, 10, 1, 0, Math.floor(i / 2))), updatedAt: new Date(Date.UTC(2026, 10, 1)),
        })),
      });
    }
  }
}

const query = (params: Record<string, string> = {}): ReviewQuery => {
  const r = parseReviewQuery(params);
  if (!r.ok) throw new Error(r.error);
  return r.query;
};

async function allPages(q: ReviewQuery, size: number, between?: (pageNo: number) => Promise<void>) {
  const ids: string[] = [];
  let after: string | undefined;
  for (let n = 0; n < 100; n++) {
    const page = await reviewQueuePage(OP, { ...q, after }, size);
    ids.push(...page.items.map((i) => i.id));
    if (!page.next) return ids;
    after = page.next;
    await between?.(n);
  }
  throw new Error("paging did not end");
}

describe(`review queue (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await seed();
  });
  afterAll(closeDatabase);

  it("pages through every item once, in each sort's order, with the true total on every page", async () => {
    const all = (await db().recommendation.findMany({ select: { id: true, userId: true, window: true, rank: true, createdAt: true } })).map((r) => ({ ...r, t: r.createdAt.getTime() }));
    const byOldest = [...all].sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : 1)).map((r) => r.id);
    const byUser = [...all].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.window < b.window ? -1 : a.window > b.window ? 1 : a.rank - b.rank)).map((r) => r.id);
    expect(await allPages(query(), 7)).toEqual(byOldest);
    expect(await allPages(query({ sort: "newest" }), 5)).toEqual([...byOldest].reverse());
    expect(await allPages(query({ sort: "user" }), 4)).toEqual(byUser);
    const first = await reviewQueuePage(OP, query(), 7);
    expect(first.total).toBe(36);
    expect(first.items).toHaveLength(7);
    const second = await reviewQueuePage(OP, { ...query(), after: first.next! }, 7);
    expect(second.total).toBe(36);
  });

  it("walks back page by page with the previous page's position, in every sort", async () => {
    for (const sort of ["oldest", "newest", "user"] as const) {
      const q = query({ sort });
      const forward: string[][] = [];
      let page = await reviewQueuePage(OP, q, 8);
      expect(page.prev).toBeNull();
      for (;;) {
        forward.push(page.items.map((i) => i.id));
        if (!page.next) break;
        page = await reviewQueuePage(OP, { ...q, after: page.next }, 8);
      }
      const back: string[][] = [forward[forward.length - 1]];
      while (page.prev) {
        page = await reviewQueuePage(OP, { ...q, before: page.prev }, 8);
        back.unshift(page.items.map((i) => i.id));
      }
      expect(back, sort).toEqual(forward);
      expect(page.total).toBe(36);
    }
    expect(parseReviewQuery({ after: "x", before: "y" })).toEqual({ ok: false, error: "before: cannot be given together with after" });
  });

  it("neither skips nor repeats an item when items arrive or leave while paging", async () => {
    const before = new Set((await db().recommendation.findMany({ select: { id: true } })).map((r) => r.id));
    const seen = await allPages(query(), 5, async (n) => {
      if (n !== 1) return;
      // A re-run adds items (newest), and another operator approves one already shown.
      await db().recommendation.create({
        data: { id: "late-1", userId: "u1", window: "30d", asOf: "2026-11-02", kind: "education", itemId: "edu_late", title: "Late", rationale: "r", disclosure: "d", rank: 9, generator: "template", traceJson: "{}", createdAt: new Date(Date.UTC(2026, 10, 2)) },
      });
      await db().recommendation.update({ where: { id: "u1-30d-edu_a" }, data: { status: "approved" } });
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    expect(seen).toContain("late-1");
  });

  it("filters by kind, window, persona, customer and status, and counts what each matches", async () => {
    const count = async (params: Record<string, string>) => (await reviewQueuePage(OP, query(params), 100)).total;
    expect(await count({ kind: "offer" })).toBe(12);
    expect(await count({ window: "30d" })).toBe(18);
    expect(await count({ kind: "education", window: "180d" })).toBe(12);
    expect(await count({ persona: "savings_builder" })).toBe(18); // u1, u3, u5
    expect(await count({ persona: "high_utilization" })).toBe(12); // u2, u4
    expect(await count({ persona: "none" })).toBe(6);
    expect(await count({ user: "u3" })).toBe(6);
    expect(await count({ status: "approved" })).toBe(0);
    const page = await reviewQueuePage(OP, query({ persona: "high_utilization", kind: "offer", sort: "user" }), 100);
    expect(page.items.map((i) => i.id)).toEqual(["u2-180d-offer_a", "u2-30d-offer_a", "u4-180d-offer_a", "u4-30d-offer_a"]);
  });

  it("counts exactly up to the cap and says 'more' beyond it; the cap is above what a bulk decision takes", async () => {
    const at = async (params: Record<string, string>, cap: number) => {
      const p = await reviewQueuePage(OP, query(params), 5, cap);
      return [p.total, p.more, p.items.length];
    };
    expect(await at({}, 10)).toEqual([10, true, 5]); // 36 match: the count stops after 11
    expect(await at({}, 36)).toEqual([36, false, 5]);
    expect(await at({ kind: "offer" }, 12)).toEqual([12, false, 5]);
    expect(await at({ kind: "offer" }, 11)).toEqual([11, true, 5]);
    expect(COUNT_EXACT_UP_TO).toBeGreaterThan(BULK_DECISION_MAX);
    expect((await reviewQueuePage(OP, query())).more).toBe(false);
  });

  it("says what is wrong with a bad filter or page position instead of failing", async () => {
    const bad = parseReviewQuery({ kind: "bonus", window: "7d" });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/kind: "bonus" is not one of education, offer; window: "7d" is not one of 30d, 180d/) });
    await expect(reviewQueuePage(OP, { ...query(), after: "not-a-cursor" })).rejects.toThrow(InvalidCursorError);
    const first = await reviewQueuePage(OP, query({ sort: "user" }), 3);
    await expect(reviewQueuePage(OP, { ...query(), after: first.next! })).rejects.toThrow(InvalidCursorError);
    await expect(reviewQueuePage({ id: "u1", role: "customer" }, query())).rejects.toThrow(/operators only/);
  });

  it("approves exactly the N matching items, each with its own action log entry naming the item and title", async () => {
    const q = query({ kind: "offer" });
    const page = await reviewQueuePage(OP, q, 50);
    expect(page.total).toBe(12);
    const r = await decideMatching(OP, { ...q, status: "pending" }, "approve", { count: page.total, viewedAt: new Date(page.viewedAt) });
    expect(r).toEqual({ ok: true, changed: 12, users: 6, status: "approved" });
    expect(await db().recommendation.count({ where: { kind: "offer", status: "approved" } })).toBe(12);
    expect(await db().recommendation.count({ where: { status: "pending" } })).toBe(24);
    const actions = await db().operatorAction.findMany({ where: { action: "approve" } });
    expect(actions).toHaveLength(12);
    expect(JSON.parse(actions[0].afterJson!)).toMatchObject({ item_id: "offer_a", title: "Title offer_a", status: "approved" });
    expect((await reviewQueuePage(OP, q, 50)).total).toBe(0);
  });

  it("changes nothing when the matching set is not what the operator confirmed", async () => {
    const q = query({ window: "30d" });
    const page = await reviewQueuePage(OP, q, 50);
    const seen = { count: page.total, viewedAt: new Date(page.viewedAt) };
    // Another operator decided one of them: 17 match now, not 18.
    await db().recommendation.update({ where: { id: "u2-30d-edu_a" }, data: { status: "rejected" } });
    expect(await decideMatching(OP, { ...q, status: "pending" }, "approve", seen)).toEqual({ ok: false, reason: "changed", matching: 17 });
    // Back to 18, but one of them was rewritten after the page was shown (a re-run changed its facts).
    await db().recommendation.update({ where: { id: "u2-30d-edu_a" }, data: { status: "pending", updatedAt: new Date(Date.now() + 1000) } });
    expect(await decideMatching(OP, { ...q, status: "pending" }, "reject", seen)).toEqual({ ok: false, reason: "changed", matching: 18 });
    expect(await db().recommendation.count({ where: { status: { not: "pending" } } })).toBe(0);
    expect(await db().operatorAction.count()).toBe(0);
  });

  it("reviews one customer's whole pending set in one decision, and nobody else's", async () => {
    const q = query({ user: "u4" });
    const page = await reviewQueuePage(OP, q, 50);
    const r = await decideMatching(OP, { ...q, status: "pending" }, "reject", { count: page.total, viewedAt: new Date(page.viewedAt) });
    expect(r).toEqual({ ok: true, changed: 6, users: 1, status: "rejected" });
    expect(await db().recommendation.count({ where: { userId: "u4", status: "rejected" } })).toBe(6);
    expect(await db().recommendation.count({ where: { status: "pending" } })).toBe(30);
    await expect(decideMatching({ id: "u4", role: "customer" }, { ...q, status: "pending" }, "approve", { count: 1, viewedAt: new Date() })).rejects.toThrow(/operators only/);
  });
});
