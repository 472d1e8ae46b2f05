/**
 * The one action wrapper, through the real actions: session, role, input, audit record, error
 * mapping; and set-consent's idempotence. The session is the only thing stubbed (next-auth needs a
 * request); everything below it runs against the test database.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { runPipelineForUser } from "@/lib/pipeline";
import type { Actor } from "@/lib/db/actor";
import { smallBundle } from "./fixtures/bundle";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth", () => ({ currentActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { decideRecommendationAction } = await import("@/lib/actions/decide-recommendation");
const { setConsentAction } = await import("@/lib/actions/set-consent");
const { overridePersonaAction } = await import("@/lib/actions/override-persona");

const AS_OF = "2026-11-01";
const operator: Actor = { id: "op1", role: "operator" };
const alice: Actor = { id: "u_alice", role: "customer" };

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe(`server actions through one wrapper (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await ingestObject(smallBundle());
    await db().user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
    process.env.AS_OF = AS_OF;
    await runPipelineForUser("u_alice", AS_OF);
  });
  afterAll(async () => {
    delete process.env.AS_OF;
    await closeDatabase();
  });

  it("signed out: asks to sign in and changes nothing", async () => {
    session.actor = null;
    const rec = await db().recommendation.findFirstOrThrow();
    const r = await decideRecommendationAction(null, form({ recommendationId: rec.id, decision: "approve" }));
    expect(r).toEqual({ ok: false, error: "You are signed out. Sign in again to continue." });
    expect((await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("pending");
  });

  it("wrong role: refused, audited as denied, nothing changed", async () => {
    session.actor = alice;
    const rec = await db().recommendation.findFirstOrThrow();
    const r = await decideRecommendationAction(null, form({ recommendationId: rec.id, decision: "approve" }));
    expect(r).toEqual({ ok: false, error: "You do not have permission to do that." });
    expect((await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("pending");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "action:decide-recommendation" } });
    expect(audit.actorId).toBe("u_alice");
    expect(JSON.parse(audit.detailsJson)).toEqual({ ok: false, denied: true });
  });

  it("bad input: each field named with its problem", async () => {
    session.actor = operator;
    const r = await decideRecommendationAction(null, form({ recommendationId: "", decision: "maybe" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors).toEqual({ recommendationId: "Required", decision: "Choose approve, reject or flag" });
    const o = await overridePersonaAction(null, form({ userId: "u_alice", window: "7d", asOf: "yesterday", primary: "none", note: "" }));
    expect(o.ok ? {} : o.fieldErrors).toEqual({ window: "Must be 30d or 180d", asOf: "Must be a date (YYYY-MM-DD)", note: "A note explaining the override is required" });
  });

  it("unknown ids are a message, not a crash", async () => {
    session.actor = operator;
    const r = await decideRecommendationAction(null, form({ recommendationId: "rec_nope", decision: "approve" }));
    expect(r).toEqual({ ok: false, error: "Not found: no such recommendation." });
  });

  it("success: changes the record and writes the audit record with ids, not content", async () => {
    session.actor = operator;
    const rec = await db().recommendation.findFirstOrThrow({ orderBy: { id: "asc" } });
    const r = await decideRecommendationAction(null, form({ recommendationId: rec.id, decision: "approve", note: "ok" }));
    expect(r).toEqual({ ok: true, message: "Marked approved.", data: { status: "approved" } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "action:decide-recommendation" } });
    expect(audit).toMatchObject({ actorId: "op1", subjectId: "u_alice" });
    expect(JSON.parse(audit.detailsJson)).toEqual({ ok: true, recommendation_id: rec.id, status: "approved" });
  });

  it("set-consent takes the same input shapes as every action and is idempotent", async () => {
    session.actor = alice;
    const before = await db().signalSnapshot.findMany({ where: { userId: "u_alice" }, select: { id: true, computedAt: true } });
    const same = await setConsentAction(null, { granted: true });
    expect(same).toMatchObject({ ok: true, message: "You're already opted in.", data: { granted: true, changed: false, recomputed: false } });
    // Nothing was recomputed: the same snapshot rows, untouched.
    expect(await db().signalSnapshot.findMany({ where: { userId: "u_alice" }, select: { id: true, computedAt: true } })).toEqual(before);
    expect(await db().consentEvent.count({ where: { userId: "u_alice" } })).toBe(1);

    const off = await setConsentAction(null, form({ granted: "false" }));
    expect(off).toMatchObject({ ok: true, data: { granted: false, changed: true } });
    expect(await db().signalSnapshot.count({ where: { userId: "u_alice" } })).toBe(0);
    const offAgain = await setConsentAction(null, { granted: false });
    expect(offAgain).toMatchObject({ ok: true, message: "You're already opted out.", data: { changed: false } });
    const on = await setConsentAction(null, { granted: true });
    expect(on).toMatchObject({ ok: true, data: { granted: true, changed: true, recomputed: true, asOf: AS_OF } });
    expect(await db().signalSnapshot.count({ where: { userId: "u_alice" } })).toBe(2);
    expect(await db().consentEvent.count({ where: { userId: "u_alice" } })).toBe(3);
    const bad = await setConsentAction(null, { granted: "maybe" });
    expect(bad.ok ? null : bad.fieldErrors).toEqual({ granted: "Must be true or false" });
  });

  it("a customer acts only for themselves, whatever userId they send", async () => {
    session.actor = alice;
    const r = await setConsentAction(null, { granted: false, userId: "u_bob" });
    expect(r).toMatchObject({ ok: true, data: { changed: true } });
    expect((await db().user.findUniqueOrThrow({ where: { id: "u_alice" } })).consentGranted).toBe(false);
    expect(await db().consentEvent.count({ where: { userId: "u_bob" } })).toBe(0);
  });
});
