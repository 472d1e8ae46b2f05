// The operator's user list at any size (issue 12): keyset pages in id order, search by name or email
// in any case, an exact id, the persona filter and true counts. SQLite and Postgres.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { db } from "@/lib/db/client";
import { InvalidUserCursorError, listUsers } from "@/lib/db/user-list";
import type { Actor } from "@/lib/db/actor";

const OP: Actor = { id: "op1", role: "operator" };
const NAMES = ["Ana Lima", "Ben Okafor", "Chen Wei", "Dara Smith", "Eli Smithson", "Fay Ng", "Gus Park", "Hana Mori", "Ian Roe", "Jo Smith_Jones", "Kai Lee", "Lu Zhang"];

async function seed() {
  await db().user.create({ data: { id: "op1", name: "Op Smith", email: "op@bank.test", role: "operator" } });
  for (const [i, name] of NAMES.entries()) {
    const id = `c${String(i * 10).padStart(3, "0")}`;
    await db().user.create({ data: { id, name, email: `${name.split(" ")[0].toLowerCase()}@Example.com`, consentGranted: i % 2 === 0 } });
    await db().personaAssignment.create({ data: { userId: id, window: "30d", asOf: "2026-11-01", primary: i < 4 ? "savings_builder" : null, matchedJson: "[]" } });
  }
  await db().recommendation.createMany({
    data: [0, 1, 2].map((k) => ({ id: `r${k}`, userId: "c000", window: "30d", asOf: "2026-11-01", kind: "education", itemId: `i${k}`, title: "t", rationale: "r", disclosure: "d", rank: k, generator: "template", traceJson: "{}" })),
  });
}

async function allIds(filter: { q?: string; persona?: string }, size: number, between?: () => Promise<void>) {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listUsers(OP, { ...filter, after }, size);
    ids.push(...page.users.map((u) => u.id));
    if (!page.next) return ids;
    after = page.next;
    await between?.();
    between = undefined;
  }
}

describe(`operator user list (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await seed();
  });
  afterAll(closeDatabase);

  it("pages through every customer once, in id order, with the total on each page; operators are not listed", async () => {
    const ids = await allIds({}, 5);
    expect(ids).toEqual(NAMES.map((_, i) => `c${String(i * 10).padStart(3, "0")}`));
    const first = await listUsers(OP, {}, 5);
    expect(first.total).toBe(12);
    expect(first.users[0]).toMatchObject({ id: "c000", name: "Ana Lima", consentGranted: true, persona30d: "savings_builder", persona180d: null, pendingCount: 3 });
    expect(first.users[1]).toMatchObject({ consentGranted: false, pendingCount: 0 });
  });

  it("walks back with the previous page's position: the same pages, in order, ending at the first page", async () => {
    const forward: string[][] = [];
    let page = await listUsers(OP, {}, 5);
    expect(page.prev).toBeNull();
    for (;;) {
      forward.push(page.users.map((u) => u.id));
      if (!page.next) break;
      page = await listUsers(OP, { after: page.next }, 5);
    }
    expect(forward.map((p) => p.length)).toEqual([5, 5, 2]);
    const back: string[][] = [page.users.map((u) => u.id)];
    while (page.prev) {
      page = await listUsers(OP, { before: page.prev }, 5);
      back.unshift(page.users.map((u) => u.id));
      expect(page.next).not.toBeNull();
    }
    expect(back).toEqual(forward);
    // The first page reached backwards leads forward again to the second.
    expect((await listUsers(OP, { after: page.next! }, 5)).users.map((u) => u.id)).toEqual(forward[1]);
    await expect(listUsers(OP, { after: page.next!, before: page.next! }, 5)).rejects.toThrow(InvalidUserCursorError);
  });

  it("a customer added while paging appears once if after the position, never twice", async () => {
    const ids = await allIds({}, 5, async () => {
      await db().user.create({ data: { id: "c001", name: "Early", email: "early@example.com" } }); // before the position: on a page already read
      await db().user.create({ data: { id: "c999", name: "Late", email: "late@example.com" } });
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("c999");
    expect(ids).toHaveLength(13);
  });

  it("searches names and emails in any case, anywhere in the text, or an exact id; % and _ are plain characters", async () => {
    const names = async (q: string) => (await listUsers(OP, { q })).users.map((u) => u.name);
    expect(await names("smith")).toEqual(["Dara Smith", "Eli Smithson", "Jo Smith_Jones"]);
    expect(await names("SMITHSON")).toEqual(["Eli Smithson"]);
    expect(await names("hana@example")).toEqual(["Hana Mori"]);
    expect(await names("c050")).toEqual(["Fay Ng"]);
    expect(await names("h_j")).toEqual(["Jo Smith_Jones"]);
    expect(await names("%")).toEqual([]);
    expect((await listUsers(OP, { q: "smith" })).total).toBe(3);
  });

  it("counts exactly up to the cap and says 'more' beyond it", async () => {
    const at = async (opts: { q?: string }, cap: number) => {
      const p = await listUsers(OP, opts, 5, cap);
      return [p.total, p.more, p.users.length];
    };
    expect(await at({}, 11)).toEqual([11, true, 5]);
    expect(await at({}, 12)).toEqual([12, false, 5]);
    expect(await at({ q: "smith" }, 2)).toEqual([2, true, 3]);
    expect(await at({ q: "smith" }, 3)).toEqual([3, false, 3]);
  });

  it("filters by persona (or none) and says when a page position is not one", async () => {
    expect((await listUsers(OP, { persona: "savings_builder" })).total).toBe(4);
    expect((await listUsers(OP, { persona: "none" })).total).toBe(8);
    await expect(listUsers(OP, { after: "%%%" })).rejects.toThrow(InvalidUserCursorError);
    await expect(listUsers({ id: "c000", role: "customer" }, {})).rejects.toThrow(/operators only/);
  });
});
