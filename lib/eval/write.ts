/**
 * Writes a run's files into its folder: metrics.json, metrics.csv, the three Parquet files,
 * report.md and report.html. Each file is written under a temporary name and renamed into place,
 * so a file in the folder is always whole (a failed upload or a crash leaves whole files or none).
 */
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { metricRows, toCsv } from "./csv";
import { PARQUET_FILES, writeParquet, type ParquetRows } from "./parquet";
import { buildReport, renderMarkdown, type RunInfo } from "./report";
import { renderHtml } from "./report-html";
import type { EvalArtifact, EvalArtifacts, EvalMetrics } from "./types";

export const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".md": "text/markdown; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

async function whole(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await write(tmp);
  await rename(tmp, file);
}

export interface Written {
  artifacts: EvalArtifacts;
  reportMd: string;
}

export async function writeArtifacts(dir: string, metrics: EvalMetrics, rows: ParquetRows, info: RunInfo, traces: { dir: string; count: number }): Promise<Written> {
  await mkdir(dir, { recursive: true });
  const report = buildReport(metrics, info);
  const reportMd = renderMarkdown(report);
  const run = { run_id: info.runId, git_commit: info.gitCommit, generated_at: info.generatedAt, labels_file: info.labelsFile };
  const text: [string, string][] = [
    ["metrics.json", JSON.stringify({ ...run, ...metrics }, null, 2) + "\n"],
    ["metrics.csv", toCsv(metricRows(metrics))],
    ["report.md", reportMd],
    ["report.html", renderHtml(report, metrics)],
  ];
  for (const [name, body] of text) await whole(path.join(/* turbopackIgnore: true */ dir, name), (tmp) => writeFile(tmp, body));
  for (const [name, spec] of Object.entries(PARQUET_FILES)) {
    const { columns, rows: data } = spec(rows);
    await whole(path.join(/* turbopackIgnore: true */ dir, name), (tmp) => writeParquet(tmp, columns, data));
  }
  const names = ["metrics.json", "metrics.csv", ...Object.keys(PARQUET_FILES), "report.md", "report.html"];
  const files: EvalArtifact[] = [];
  for (const name of names) {
    const p = path.join(/* turbopackIgnore: true */ dir, name);
    files.push({ name, path: path.resolve(/* turbopackIgnore: true */ p), bytes: (await stat(p)).size, content_type: CONTENT_TYPES[path.extname(name)] });
  }
  return { artifacts: { dir: path.resolve(/* turbopackIgnore: true */ dir), files, traces, labels_file: info.labelsFile, s3: null }, reportMd };
}
