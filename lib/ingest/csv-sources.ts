/**
 * Where CSV files come from: a folder (the CLI) or the parts of a multipart/form-data body (the
 * API, one part per file, named by its filename or, without one, by its field name).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileChunks } from "./scan";
import type { CsvSource } from "./csv";

/** The .csv files of a folder (other files, such as the generator's labels, are not read). */
export function csvDirSources(dir: string): CsvSource[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".csv"))
    .map((e) => ({
      file: e.name,
      async *chunks() {
        yield* fileChunks(path.join(dir, e.name));
      },
    }));
}

/** A part's file name: its filename's base name, else its field name (".csv" added when missing). */
function partName(field: string, value: FormDataEntryValue): string {
  const given = typeof value === "string" ? "" : path.basename(value.name ?? "");
  const name = given || field;
  return name.toLowerCase().endsWith(".csv") ? name : `${name}.csv`;
}

/** The files of a multipart/form-data body (already size-checked by the caller). */
export async function multipartSources(body: Uint8Array, contentType: string): Promise<CsvSource[]> {
  const form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  const out: CsvSource[] = [];
  for (const [field, value] of form.entries()) {
    const bytes = typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(await value.arrayBuffer());
    out.push({
      file: partName(field, value),
      async *chunks() {
        yield bytes;
      },
    });
  }
  return out;
}
