// npm run eval -- --as-of YYYY-MM-DD --out DIR [--labels FILE]
// Evaluates the stored results for the as-of date (running the pipeline first for consenting users
// whose results are missing) and writes metrics.json, metrics.csv, Parquet, report.md, report.html
// and traces/ into DIR; records an EvaluationRun; uploads to S3 when S3_BUCKET is set.
// Progress on stderr; the headline on stdout.
import { parseArgs } from "node:util";
import { runEvaluation, type EvalProgress } from "../lib/eval/run.ts";
import { EvalInputError } from "../lib/eval/inputs.ts";
import { buildReport } from "../lib/eval/report.ts";
import { SYSTEM } from "../lib/db/actor.ts";
import { disconnectDb } from "../lib/db/client.ts";
import { closeRaw } from "../lib/db/raw.ts";

const USAGE = "usage: npm run eval -- --as-of YYYY-MM-DD --out DIR [--labels FILE.labels.jsonl]";

function progressPrinter() {
  let stage = "";
  let lastAt = 0;
  return (p: EvalProgress) => {
    const now = performance.now();
    const newStage = p.stage !== stage;
    if (!newStage && p.done !== p.total && now - lastAt < 1000) return;
    stage = p.stage;
    lastAt = now;
    if (p.total > 0 || newStage) console.error(`eval: ${p.stage} ${p.done}/${p.total}`);
  };
}

async function main(): Promise<number> {
  let values: { "as-of"?: string; out?: string; labels?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { "as-of": { type: "string" }, out: { type: "string" }, labels: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (e) {
    console.error(`eval: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.error(USAGE), 0;
  if (!values.out) return console.error(`eval: --out DIR is required (the folder the files go to)\n${USAGE}`), 2;
  const t0 = performance.now();
  try {
    const r = await runEvaluation({ asOf: values["as-of"] ?? "", outDir: values.out, labelsFile: values.labels ?? null, actor: SYSTEM, onProgress: progressPrinter() });
    const report = buildReport(r.metrics, { runId: r.runId, gitCommit: r.gitCommit, generatedAt: "", labelsFile: values.labels ?? null });
    for (const h of report.headline) console.log(`${h.metric}: 30d ${h.values["30d"]}, 180d ${h.values["180d"]} (target ${h.target}, met: ${h.met})`);
    const s3 = r.artifacts.s3 ? `; uploaded to ${r.artifacts.s3.endpoint} s3://${r.artifacts.s3.bucket}/${r.artifacts.s3.prefix}` : "";
    console.error(`eval: run ${r.runId} done in ${((performance.now() - t0) / 1000).toFixed(2)} s -> ${r.artifacts.dir} (${r.artifacts.files.length} files, ${r.artifacts.traces.count} traces)${s3}`);
    return 0;
  } catch (e) {
    console.error(`eval: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof EvalInputError) console.error(USAGE);
    return e instanceof EvalInputError ? 2 : 1;
  }
}

const code = await main();
await disconnectDb();
await closeRaw();
process.exit(code);
