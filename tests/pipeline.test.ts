import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { runPipeline, runPipelineForUser } from "@/lib/pipeline";
import { setConsent } from "@/lib/db/consent";
import { decideRecommendation } from "@/lib/db/review";
import { getRecommendationTrace, getUserDetail } from "@/lib/db/user-detail";
import { getCustomerView } from "@/lib/db/customer-view";
import { getProfile } from "@/lib/db/profiles";
import { latestAsOf } from "@/lib/db/as-of";
import { pipelineStore } from "@/lib/db/pipeline-store";
import { ForbiddenError, NotFoundError, SYSTEM } from "@/lib/db/actor";
import { smallBundle } from "./fixtures/bundle";

const AS_OF = "2026-11-01";
const DISCLOSURE = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.";
const operator = { id: "op1", role: "operator" as const };
const alice = { id: "u_alice", role: "customer" as const };
const bob = { id: "u_bob", role: "customer" as const };

describe(`pipeline, consent and review (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await ingestObject(smallBundle());
    await db().user.create({ data: { id: "op1", name: "Op", email: "op@bank.test", role: "operator" } });
  });
  afterAll(closeDatabase);

  it("processes only consenting customers and stores both windows", async () => {
    const out = await runPipeline(AS_OF);
    expect(out.find((o) => o.user_id === "u_alice")?.status).toBe("processed");
    expect(out.find((o) => o.user_id === "u_bob")).toMatchObject({ status: "skipped", reason: "NO_CONSENT_RECORD" });
    expect(out.find((o) => o.user_id === "op1")).toBeUndefined();
    expect(await db().signalSnapshot.count({ where: { userId: "u_bob" } })).toBe(0);
    const snaps = await db().signalSnapshot.findMany({ where: { userId: "u_alice" }, orderBy: { window: "asc" } });
    expect(snaps.map((s) => s.window)).toEqual(["180d", "30d"]);
    const pa = await db().personaAssignment.findFirstOrThrow({ where: { userId: "u_alice", window: "30d" } });
    expect(pa.primary).toBe("high_utilization"); // Visa 4523 at 68%
    const recs = await db().recommendation.findMany({ where: { userId: "u_alice", window: "30d" } });
    const edu = recs.filter((r) => r.kind === "education");
    expect(edu.length).toBeGreaterThanOrEqual(3);
    expect(edu.length).toBeLessThanOrEqual(5);
    expect(recs.filter((r) => r.kind === "offer").length).toBeLessThanOrEqual(3);
    for (const r of recs) {
      expect(r.disclosure).toBe(DISCLOSURE);
      expect(r.status).toBe("pending");
    }
    expect(recs.some((r) => r.rationale.includes("4523") && r.rationale.includes("68%"))).toBe(true);
  });

  it("keeps operator decisions across re-runs and shows customers only approved items", async () => {
    await runPipelineForUser("u_alice", AS_OF);
    const recs = await db().recommendation.findMany({ where: { userId: "u_alice" }, orderBy: { id: "asc" } });
    await decideRecommendation(operator, recs[0].id, "approve", "looks right");
    await decideRecommendation(operator, recs[1].id, "reject");
    await runPipelineForUser("u_alice", AS_OF);
    const after = await db().recommendation.findMany({ where: { userId: "u_alice" } });
    expect(after.length).toBe(recs.length);
    expect(after.find((r) => r.id === recs[0].id)?.status).toBe("approved");
    expect(after.find((r) => r.id === recs[1].id)?.status).toBe("rejected");
    const actions = await db().operatorAction.findMany({ orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["approve", "reject"]);
    const mine = await getCustomerView(alice, "u_alice");
    expect(mine.recommendations.map((r) => r.id)).toEqual([recs[0].id]);
    // The customer's object carries no operator data: no trace, status, generator, notes or actions
    // (catalog text, the rules an offer passed and their own feedback are theirs to read).
    expect(Object.keys(mine.recommendations[0]).sort()).toEqual(["body", "disclosure", "feedback", "id", "itemId", "kind", "passedRules", "rationale", "summary", "title", "window"]);
    expect(JSON.stringify(mine)).not.toMatch(/trace|generator|status|payout/);
    expect(Object.keys(mine).sort()).toEqual(["accounts", "asOf", "recommendations", "user", "windows"]);
    expect(JSON.stringify(mine)).not.toContain("looks right");
    await expect(getCustomerView(bob, "u_alice")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getUserDetail(alice, "u_alice")).rejects.toBeInstanceOf(ForbiddenError);
    // The operator's user page loads no trace; each is read on its own, by operators only.
    const detail = await getUserDetail(operator, "u_alice");
    expect(detail.recommendations.map((r) => r.id).sort()).toEqual(recs.map((r) => r.id).sort());
    expect(JSON.stringify(detail.recommendations)).not.toContain("guardrails");
    const { trace, accounts } = await getRecommendationTrace(operator, recs[0].id);
    expect(trace?.item.id).toBe(recs[0].itemId);
    expect(trace?.guardrails?.passed).toBe(true);
    const aliceAccounts = await db().account.findMany({ where: { userId: "u_alice" } });
    expect(Object.keys(accounts).sort()).toEqual(aliceAccounts.map((a) => a.id).sort());
    await expect(getRecommendationTrace(alice, recs[0].id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRecommendationTrace(operator, "no-such-rec")).rejects.toBeInstanceOf(NotFoundError);
    const own = (await getProfile(alice, "u_alice")) as any;
    const ownRecs = [...own.windows["30d"].recommendations, ...own.windows["180d"].recommendations];
    expect(ownRecs.map((r: any) => r.id)).toEqual([recs[0].id]);
    expect(ownRecs[0].trace).toBeUndefined();
    expect(ownRecs[0].generator).toBeUndefined();
    expect(own.windows["30d"].persona).toBeNull();
    await expect(decideRecommendation(alice, recs[2].id, "approve")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("records what an approval approved, and redacts the action log when consent is revoked", async () => {
    await runPipelineForUser("u_alice", AS_OF);
    const rec = await db().recommendation.findFirstOrThrow({ where: { userId: "u_alice", window: "30d" }, orderBy: { rank: "asc" } });
    await decideRecommendation(operator, rec.id, "approve", "fits her card balance");
    const pa = await db().personaAssignment.findFirstOrThrow({ where: { userId: "u_alice", window: "30d" } });
    const { overridePersona } = await import("@/lib/db/review");
    await overridePersona(operator, "u_alice", "30d", AS_OF, null, "testing the override");
    const approval = await db().operatorAction.findFirstOrThrow({ where: { action: "approve" } });
    expect(JSON.parse(approval.afterJson!)).toEqual({ item_id: rec.itemId, title: rec.title, window: "30d", as_of: AS_OF, status: "approved" });
    expect(JSON.parse(approval.beforeJson!)).toMatchObject({ item_id: rec.itemId, status: "pending" });
    const override = await db().operatorAction.findFirstOrThrow({ where: { action: "override" } });
    expect(JSON.parse(override.beforeJson!)).toMatchObject({ primary: pa.primary });

    const r = await setConsent(alice, "u_alice", false);
    expect(r.deleted?.operator_actions_redacted).toBe(2);
    const log = await db().operatorAction.findMany({ where: { userId: "u_alice" }, orderBy: { at: "asc" } });
    expect(log.map((a) => a.action)).toEqual(["approve", "override"]);
    for (const a of log) {
      expect(a.note).toBeNull();
      expect(a.beforeJson).toBeNull();
      expect(a.afterJson).toBe(JSON.stringify({ redacted: "consent_revoked" }));
      expect(a.operatorId).toBe("op1");
      expect(a.at).toBeInstanceOf(Date);
    }
    expect(JSON.stringify(log)).not.toMatch(new RegExp(`${rec.title}|${pa.primary}|fits her|testing the override`));
  });

  it("a re-run keeps an operator's persona override and refreshes what matched beside it", async () => {
    await runPipelineForUser("u_alice", AS_OF, { now: new Date("2026-11-02T08:00:00.000Z") });
    const { overridePersona } = await import("@/lib/db/review");
    await overridePersona(operator, "u_alice", "30d", AS_OF, null, "testing the override");
    const where = { userId_window_asOf: { userId: "u_alice", window: "30d", asOf: AS_OF } };
    const computed = await db().personaAssignment.findUniqueOrThrow({ where });
    await db().personaAssignment.update({ where, data: { matchedJson: "{}" } });
    const later = new Date("2026-11-03T09:30:00.000Z");
    await runPipelineForUser("u_alice", AS_OF, { now: later });
    const pa = await db().personaAssignment.findUniqueOrThrow({ where });
    expect(pa).toMatchObject({ id: computed.id, primary: null, overriddenBy: "op1", matchedJson: computed.matchedJson, computedAt: later });
    const other = await db().personaAssignment.findUniqueOrThrow({ where: { userId_window_asOf: { userId: "u_alice", window: "180d", asOf: AS_OF } } });
    expect(other).toMatchObject({ overriddenBy: null, computedAt: later });
  });

  it("checks who asks: the pipeline's store is the system's, the latest as-of is per person", async () => {
    await runPipelineForUser("u_alice", AS_OF);
    expect(() => pipelineStore(operator)).toThrow(ForbiddenError);
    expect(() => pipelineStore(alice)).toThrow(ForbiddenError);
    expect(pipelineStore(SYSTEM)).toBeDefined();
    expect(await latestAsOf(alice, "u_alice")).toBe(AS_OF);
    expect(await latestAsOf(bob, "u_bob")).toBeNull();
    await expect(latestAsOf(bob, "u_alice")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(latestAsOf(alice)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await latestAsOf(operator)).toBe(AS_OF);
  });

  it("--signals-only stores both windows' signals and leaves personas and recommendations alone", async () => {
    const o = await runPipelineForUser("u_alice", AS_OF, { signalsOnly: true });
    expect(o.status).toBe("processed");
    expect(await db().signalSnapshot.count({ where: { userId: "u_alice", asOf: AS_OF } })).toBe(2);
    expect(await db().personaAssignment.count()).toBe(0);
    expect(await db().recommendation.count()).toBe(0);
    expect(await runPipelineForUser("u_bob", AS_OF, { signalsOnly: true })).toMatchObject({ status: "skipped" });
    expect(await db().signalSnapshot.count({ where: { userId: "u_bob" } })).toBe(0);
  });

  it("serves the profile JSON in dollars and fractions", async () => {
    await runPipelineForUser("u_alice", AS_OF);
    const p = (await getProfile(operator, "u_alice")) as any;
    expect(p.user_id).toBe("u_alice");
    expect(p.as_of).toBe(AS_OF);
    expect(p.consent.granted).toBe(true);
    const credit = p.windows["30d"].signals.credit;
    expect(credit.max_utilization).toBeCloseTo(0.68, 4);
    expect(credit.cards[0]).toMatchObject({ account_id: "acc_alice_cc", mask: "4523" });
    expect(credit.cards[0].flags).toEqual(["30", "50"]);
    expect(p.windows["30d"].persona.primary).toBe("high_utilization");
    expect(p.windows["30d"].recommendations[0].trace).toBeDefined();
  });

  it("revoking consent stops processing and deletes derived data, keeping an audit; opting in again recomputes", async () => {
    await runPipelineForUser("u_alice", AS_OF);
    expect(await db().recommendation.count({ where: { userId: "u_alice" } })).toBeGreaterThan(0);
    const r = await setConsent(alice, "u_alice", false);
    expect(r.changed).toBe(true);
    expect(r.deleted?.signal_snapshots).toBe(2);
    for (const n of [db().signalSnapshot.count(), db().personaAssignment.count(), db().recommendation.count()]) expect(await n).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: "u_alice" } });
    expect(audit.type).toBe("consent_revoked_derived_data_deleted");
    expect(audit.detailsJson).not.toMatch(/4523|rationale|utilization/);
    expect(await runPipelineForUser("u_alice", AS_OF)).toMatchObject({ status: "skipped", reason: "CONSENT_REVOKED" });
    expect(await db().signalSnapshot.count()).toBe(0);
    const events = await db().consentEvent.findMany({ where: { userId: "u_alice" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.granted, e.source])).toEqual([[true, "import"], [false, "customer"]]);
    await setConsent(alice, "u_alice", true);
    expect((await runPipelineForUser("u_alice", AS_OF)).status).toBe("processed");
    expect(await db().signalSnapshot.count({ where: { userId: "u_alice" } })).toBe(2);
    await expect(setConsent(bob, "u_alice", false)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
