/**
 * `npm run eval`'s run end to end on a real database: a generated population ingested, the pipeline
 * run by the evaluation where results are missing, every file written and read back (Parquet with
 * hyparquet, row by row against the database), traces in the profile format, the EvaluationRun row.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { closeDatabase, dbKind, freshDatabase } from "./helpers/testdb";
import { generateBundle } from "@/lib/generator";
import { ingestObject } from "@/lib/ingest";
import { db } from "@/lib/db/client";
import { ForbiddenError, SYSTEM } from "@/lib/db/actor";
import { getProfile } from "@/lib/db/profiles";
import { getEvaluationRun } from "@/lib/db/evaluation-runs";
import { runEvaluation, type EvalRunResult } from "@/lib/eval/run";
import { EvalInputError } from "@/lib/eval/inputs";
import { gitCommit } from "@/lib/eval/git";
import { SIGNAL_COLUMNS, valueAt } from "@/lib/eval/parquet";
import { CSV_COLUMNS } from "@/lib/eval/csv";
import { traceFileName } from "@/lib/eval/collect";

const AS_OF = "2026-11-01";
const dir = path.resolve("tmp", `eval-run-${process.pid}`);
const out = path.join(dir, "out");
const labelsFile = path.join(dir, "bundle.labels.jsonl");
const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : v);
const readParquet = async (name: string) => parquetReadObjects({ file: await asyncBufferFromFile(path.join(out, name)) });

describe(`npm run eval (${dbKind})`, () => {
  let first: EvalRunResult;
  let consenting: string[];

  beforeAll(async () => {
    await freshDatabase();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { bundle, labels } = generateBundle({ users: 14, seed: 7, months: 12, asOf: AS_OF });
    writeFileSync(labelsFile, labels.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const r = await ingestObject(bundle);
    expect(r.ok).toBe(true);
    consenting = (await db().user.findMany({ where: { role: "customer", consentGranted: true }, select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
    first = await runEvaluation({ asOf: AS_OF, outDir: out, labelsFile, actor: SYSTEM, s3: null });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await closeDatabase();
  });

  it("runs the pipeline where results are missing, and only there", async () => {
    expect(consenting.length).toBeGreaterThan(8);
    expect(first.metrics.population).toEqual({ customers: 14, consenting: consenting.length, pipeline_run_for: consenting.length });
    const again = await runEvaluation({ asOf: AS_OF, outDir: path.join(dir, "again"), actor: SYSTEM, s3: null });
    expect(again.metrics.population.pipeline_run_for).toBe(0);
    expect(again.metrics.accuracy).toBeNull();
    expect(first.metrics.accuracy?.users).toBe(consenting.length);
    expect(again.metrics.windows).toEqual(first.metrics.windows);
  });

  it("stores the run with its metrics and the git commit", async () => {
    const run = await getEvaluationRun(SYSTEM, first.runId);
    expect(run).toMatchObject({ status: "done", stage: "done", asOf: AS_OF, gitCommit: gitCommit(), actorId: "system", error: null });
    expect(run?.metrics).toEqual(first.metrics);
    expect(run?.artifacts?.files.map((f) => f.name)).toEqual(["metrics.json", "metrics.csv", "signals.parquet", "personas.parquet", "recommendations.parquet", "report.md", "report.html"]);
    expect(run?.reportMd).toBe(readFileSync(path.join(out, "report.md"), "utf8"));
    expect(run?.progressDone).toBe(run?.progressTotal);
  });

  it("writes metrics.json and one CSV row per metric, window and group", () => {
    const json = JSON.parse(readFileSync(path.join(out, "metrics.json"), "utf8"));
    expect(json).toMatchObject({ run_id: first.runId, as_of: AS_OF, labels_file: labelsFile });
    expect(json.windows).toEqual(first.metrics.windows);
    const lines = readFileSync(path.join(out, "metrics.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    const keys = lines.slice(1).map((l) => l.split(",").slice(0, 3).join("|"));
    expect(new Set(keys).size).toBe(keys.length);
    const cov = first.metrics.windows["30d"].coverage;
    expect(lines).toContain(`coverage,30d,all,${cov.share},${cov.count},${cov.total},share,`);
    expect(keys.some((k) => k.startsWith("fairness.rate.persona:none|180d|income_tier="))).toBe(true);
  });

  it("Parquet files read back with hyparquet equal the database, row by row", async () => {
    const snaps = await db().signalSnapshot.findMany({ where: { asOf: AS_OF }, orderBy: [{ userId: "asc" }, { window: "asc" }] });
    const signals = await readParquet("signals.parquet");
    expect(signals).toHaveLength(snaps.length);
    const byKey = new Map(signals.map((r) => [`${r.user_id}|${r.window}`, r]));
    for (const s of snaps) {
      const row = byKey.get(`${s.userId}|${s.window}`)!;
      const data = JSON.parse(s.dataJson);
      expect(row.as_of).toBe(AS_OF);
      for (const c of SIGNAL_COLUMNS) expect(num(row[c.name]), `${s.userId} ${s.window} ${c.name}`).toEqual(valueAt(data, c.path) ?? null);
    }
    const pas = await db().personaAssignment.findMany({ where: { asOf: AS_OF } });
    const personas = await readParquet("personas.parquet");
    expect(personas).toHaveLength(pas.length);
    for (const pa of pas) {
      const row = personas.find((r) => r.user_id === pa.userId && r.window === pa.window)!;
      expect([row.primary_persona, row.overridden]).toEqual([pa.primary, pa.overriddenBy !== null]);
      expect(row.matched_personas).toEqual(JSON.parse(pa.matchedJson).matched.map((m: { id: string }) => m.id));
    }
    const recs = await db().recommendation.findMany({ where: { asOf: AS_OF } });
    const rows = await readParquet("recommendations.parquet");
    expect(rows).toHaveLength(recs.length);
    for (const r of recs) {
      const row = rows.find((x) => x.id === r.id)!;
      expect({ ...row, rank: num(row.rank) }).toMatchObject({
        user_id: r.userId, window: r.window, as_of: r.asOf, kind: r.kind, item_id: r.itemId, rank: r.rank, title: r.title,
        rationale: r.rationale, disclosure: r.disclosure, status: r.status, generator: r.generator,
      });
      expect(typeof row.explainable).toBe("boolean");
    }
  });

  it("writes each consenting user's trace in the profile format, the same as the profile API", async () => {
    for (const id of consenting) {
      const file = path.join(out, "traces", traceFileName(id));
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(await getProfile(SYSTEM, id, AS_OF));
    }
    const others = (await db().user.findMany({ where: { role: "customer", consentGranted: false }, select: { id: true } })).map((u) => u.id);
    for (const id of others) expect(existsSync(path.join(out, "traces", traceFileName(id)))).toBe(false);
    expect(first.artifacts.traces.count).toBe(consenting.length);
  });

  it("writes a report in Markdown and a self-contained HTML page", () => {
    const md = readFileSync(path.join(out, "report.md"), "utf8");
    expect(md).toMatch(/^# SpendSense evaluation, as of 2026-11-01/);
    expect(md).toContain("| Coverage (persona + ≥3 behaviors) |");
    expect(md).toContain("## Fairness");
    const html = readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("checks who asks and what it is given", async () => {
    await expect(runEvaluation({ asOf: AS_OF, outDir: path.join(dir, "x"), actor: { id: consenting[0], role: "customer" }, s3: null })).rejects.toBeInstanceOf(ForbiddenError);
    const before = await db().evaluationRun.count();
    await expect(runEvaluation({ asOf: AS_OF, outDir: path.join(dir, "x"), labelsFile: path.join(dir, "nope.jsonl"), actor: SYSTEM, s3: null })).rejects.toThrow(
      /--labels: no such file/,
    );
    await expect(runEvaluation({ asOf: "2026-13-01", outDir: path.join(dir, "x"), actor: SYSTEM, s3: null })).rejects.toBeInstanceOf(EvalInputError);
    expect(await db().evaluationRun.count()).toBe(before);
  });
});
