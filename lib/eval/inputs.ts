/** The evaluation's inputs, checked before anything runs: errors name the flag and the reason. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { isIsoDate } from "../core/time";
import type { UserLabels } from "../generator/labels";

export class EvalInputError extends Error {}

export function checkAsOf(asOf: string | undefined): string {
  if (!asOf || !isIsoDate(asOf)) throw new EvalInputError(`--as-of must be a date (YYYY-MM-DD), got ${asOf === undefined ? "nothing" : `"${asOf}"`}`);
  return asOf;
}

export function checkLabelsPath(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new EvalInputError(`--labels: no such file "${file}" (the generator writes FILE.labels.jsonl beside its bundle)`);
}

/** The generator's labels file (one UserLabels per line), by user id. */
export async function readLabelsFile(file: string): Promise<Map<string, UserLabels>> {
  checkLabelsPath(file);
  const out = new Map<string, UserLabels>();
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === "") continue;
    let v: UserLabels;
    try {
      v = JSON.parse(line) as UserLabels;
    } catch {
      throw new EvalInputError(`--labels: line ${n} of "${file}" is not JSON`);
    }
    if (typeof v?.user_id !== "string" || !Array.isArray(v.streams) || !Array.isArray(v.expected_personas) || typeof v.behaviors !== "object") {
      throw new EvalInputError(`--labels: line ${n} of "${file}" is not a labels line (needs user_id, streams, behaviors, expected_personas)`);
    }
    out.set(v.user_id, v);
  }
  return out;
}
