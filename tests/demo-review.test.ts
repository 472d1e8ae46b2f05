// The quick start's review pass: about half of the pending suggestions approved through the
// console's review code (OperatorAction and audit record each), every user with suggestions sees one.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { runPipelineForUser } from "@/lib/pipeline";
import { SYSTEM } from "@/lib/db/actor";
import { approveHalfForDemo } from "@/lib/db/demo-review";
import { smallBundle } from "./fixtures/bundle";

const AS_OF = "2026-11-01";

describe(`demo review pass (${dbKind})`, () => {
  beforeEach(async () => {
    await freshDatabase();
    await ingestObject(smallBundle());
    await db().user.create({ data: { id: "operator-demo", name: "Demo Operator", email: "operator@spendsense.local", role: "operator" } });
    await runPipelineForUser("u_alice", AS_OF);
  });
  afterAll(closeDatabase);

  it("approves every other pending suggestion of each user, as the operator, with the console's log and audit records", async () => {
    const before = await db().recommendation.count({ where: { status: "pending" } });
    expect(before).toBeGreaterThan(1);
    const r = await approveHalfForDemo(SYSTEM, "Operator@SpendSense.local");
    expect(r).toEqual({ approved: Math.ceil(before / 2), pending: Math.floor(before / 2), users: 1 });
    expect(await db().recommendation.count({ where: { status: "approved" } })).toBe(r.approved);
    expect(await db().recommendation.count({ where: { status: "pending" } })).toBe(r.pending);
    const actions = await db().operatorAction.findMany({ where: { operatorId: "operator-demo", action: "approve" } });
    expect(actions).toHaveLength(r.approved);
    expect(JSON.parse(actions[0].beforeJson!)).toMatchObject({ status: "pending" });
    const audits = await db().auditEvent.findMany({ where: { type: "action:decide-recommendation", actorId: "operator-demo" } });
    expect(audits).toHaveLength(r.approved);
    expect(JSON.parse(audits[0].detailsJson)).toMatchObject({ ok: true, status: "approved", source: "demo" });
    // Run again: half of what is left, never an approved one twice.
    const again = await approveHalfForDemo(SYSTEM, "operator@spendsense.local");
    expect(again.approved).toBe(Math.ceil(r.pending / 2));
  });

  it("only a trusted script runs it, as an existing operator", async () => {
    await expect(approveHalfForDemo({ id: "operator-demo", role: "operator" }, "operator@spendsense.local")).rejects.toThrow(/system processes only/);
    await expect(approveHalfForDemo(SYSTEM, "u_alice@example.com")).rejects.toThrow(/no operator/);
    expect(await db().recommendation.count({ where: { status: "approved" } })).toBe(0);
  });
});
