/**
 * Feedback on suggestions: the server action and POST /api/feedback write through the same lib/db
 * function; only the customer, only on their own approved suggestions; stored once per suggestion;
 * shown to operators; deleted with the derived data when consent is revoked. The session is the only
 * stub (next-auth needs a request).
 */
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { runPipelineForUser } from "@/lib/pipeline";
import type { Actor } from "@/lib/db/actor";
import { decideRecommendation } from "@/lib/db/review";
import { setConsent } from "@/lib/db/consent";
import { listFeedback } from "@/lib/db/feedback";
import { getCustomerView } from "@/lib/db/customer-view";
import { smallBundle } from "./fixtures/bundle";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { giveFeedbackAction } = await import("@/lib/actions/give-feedback");
const { POST } = await import("@/app/api/feedback/route");

const AS_OF = "2026-11-01";
const operator: Actor = { id: "op1", role: "operator" };
const alice: Actor = { id: "u_alice", role: "customer" };
const bob: Actor = { id: "u_bob", role: "customer" };

const post = (body: unknown) => POST(new Request("http://test/api/feedback", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }));

describe(`feedback on suggestions (${dbKind})`, () => {
  let approved = "";
  let pending = "";
  beforeEach(async () => {
    await freshDatabase();
    await ingestObject(smallBundle());
    await db().user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
    await runPipelineForUser("u_alice", AS_OF);
    const recs = await db().recommendation.findMany({ where: { userId: "u_alice" }, orderBy: { id: "asc" } });
    approved = recs[0].id;
    pending = recs[1].id;
    await decideRecommendation(operator, approved, "approve");
  });
  afterAll(closeDatabase);

  it("the action stores a verdict once per suggestion (sending again replaces it) and audits ids only", async () => {
    session.actor = alice;
    const fd = new FormData();
    fd.set("recommendationId", approved);
    fd.set("helpful", "true");
    fd.set("note", "Clear and short");
    expect(await giveFeedbackAction(null, fd)).toEqual({ ok: true, message: "Thanks, your feedback is saved.", data: { helpful: true, note: "Clear and short" } });
    expect(await giveFeedbackAction(null, { recommendationId: approved, helpful: false })).toMatchObject({ ok: true, data: { helpful: false, note: null } });
    const rows = await db().suggestionFeedback.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: "u_alice", recommendationId: approved, helpful: false, note: null });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "action:give-feedback" } });
    expect(JSON.parse(audit.detailsJson)).toEqual({ ok: true, recommendation_id: approved, helpful: true });
    // The customer's dashboard shows their verdict; operators read it on the user page.
    const view = await getCustomerView(alice, "u_alice");
    expect(view.recommendations.find((r) => r.id === approved)?.feedback).toEqual({ helpful: false, note: null });
    expect(await listFeedback(operator, "u_alice")).toMatchObject([{ recommendationId: approved, helpful: false, title: rows[0].title }]);
    await expect(listFeedback(alice, "u_alice")).rejects.toThrow(/operators only/);
  });

  it("the action: operators may not speak for a customer; bad input names fields; a pending or someone else's suggestion is not found", async () => {
    session.actor = operator;
    expect(await giveFeedbackAction(null, { recommendationId: approved, helpful: true })).toEqual({ ok: false, error: "You do not have permission to do that." });
    session.actor = alice;
    const bad = await giveFeedbackAction(null, { recommendationId: "", helpful: "maybe" });
    expect(bad.ok ? null : bad.fieldErrors).toEqual({ recommendationId: "Required", helpful: "Choose helpful or not helpful" });
    expect(await giveFeedbackAction(null, { recommendationId: pending, helpful: true })).toEqual({ ok: false, error: "Not found: no such suggestion." });
    session.actor = bob;
    expect(await giveFeedbackAction(null, { recommendationId: approved, helpful: true })).toEqual({ ok: false, error: "Not found: no such suggestion." });
    expect(await db().suggestionFeedback.count()).toBe(0);
  });

  it("POST /api/feedback: 401, 403, 400 problem+json naming fields, 404, then 200 with the stored verdict", async () => {
    session.actor = null;
    expect((await post({ recommendationId: approved, helpful: true })).status).toBe(401);
    session.actor = operator;
    expect((await post({ recommendationId: approved, helpful: true })).status).toBe(403);
    session.actor = alice;
    const notJson = await post("{");
    expect(notJson.status).toBe(400);
    const bad = await post({ recommendationId: approved, helpful: "yes", note: 3 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect((await bad.json()).errors).toEqual([
      { field: "helpful", message: "Choose helpful or not helpful" },
      { field: "note", message: "Must be text" },
    ]);
    expect((await post({ recommendationId: pending, helpful: true })).status).toBe(404);
    expect(await db().suggestionFeedback.count()).toBe(0);
    const ok = await post({ recommendationId: approved, helpful: true, note: "Useful" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ recommendationId: approved, helpful: true, note: "Useful" });
    expect(await db().suggestionFeedback.count({ where: { recommendationId: approved, helpful: true } })).toBe(1);
  });

  it("revoking consent deletes the feedback with the rest of the derived data (counted in the audit)", async () => {
    session.actor = alice;
    await giveFeedbackAction(null, { recommendationId: approved, helpful: true, note: "about my card" });
    const change = await setConsent(alice, "u_alice", false);
    expect(change.deleted?.suggestion_feedback).toBe(1);
    expect(await db().suggestionFeedback.count()).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "consent_revoked_derived_data_deleted" } });
    expect(audit.detailsJson).not.toContain("about my card");
  });

  it("an opened suggestion carries its catalog text (education) or the rules it passed (offers), never a payout", async () => {
    const recs = await db().recommendation.findMany({ where: { userId: "u_alice" } });
    for (const r of recs) await decideRecommendation(operator, r.id, "approve");
    const view = await getCustomerView(alice, "u_alice");
    const edu = view.recommendations.find((r) => r.kind === "education");
    expect(edu?.body.length).toBeGreaterThan(0);
    expect(edu?.passedRules).toEqual([]);
    const offer = view.recommendations.find((r) => r.kind === "offer");
    expect(offer?.passedRules.length).toBeGreaterThan(0);
    expect(offer?.body).toEqual([]);
    expect(JSON.stringify(view)).not.toMatch(/payout/i);
  });
});
