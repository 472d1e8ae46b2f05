/**
 * Where a CSV ingest's errors are: the session names an element's field by its bundle path
 * ("transactions[10].amount", "liabilities.credit[2].aprs[1].apr_percentage"); this maps it back to
 * the file, the line the row starts on and the column ("transactions.csv:12:5 (amount)").
 */
import { CSV_FILES, type CsvColumn, type CsvSection } from "../core/csv";
import type { FieldError } from "./rules";

/** The start line of each row of one file, by the row's index among the file's rows. */
export interface FileLines {
  add(line: number): number;
}

interface FileState {
  file: string;
  lines: number[];
  columns: Map<string, number>;
}

const FILE_OF = new Map(CSV_FILES.map((f) => [f.section, f.file]));
const BUNDLE_PATH = /^(users|accounts|transactions|liabilities\.(?:credit|student|mortgage))\[(\d+)\](.*)$/;
const APR_PATH = /^\.aprs\[(\d+)\](?:\.(.*))?$/;

export class CsvLines {
  private files = new Map<CsvSection, FileState>();
  /** credit row index -> the credit_aprs.csv lines of its aprs, in order */
  private aprs = new Map<number, number[]>();

  /** Starts a file (its header's columns); returns where its rows' lines are recorded. */
  headerOf(section: CsvSection, columns: readonly CsvColumn[]): FileLines {
    const state: FileState = { file: FILE_OF.get(section)!, lines: [], columns: new Map(columns.map((c, i) => [c.name, i + 1])) };
    this.files.set(section, state);
    return {
      add(line: number) {
        state.lines.push(line);
        return state.lines.length - 1;
      },
    };
  }

  aprLines(creditIndex: number, lines: number[]): void {
    if (lines.length) this.aprs.set(creditIndex, lines);
  }

  private at(section: CsvSection, line: number | undefined, column: string): string {
    const f = this.files.get(section);
    if (!f || line === undefined) return column;
    if (!column) return `${f.file}:${line}`;
    const col = f.columns.get(column);
    return col ? `${f.file}:${line}:${col} (${column})` : `${f.file}:${line} (${column})`;
  }

  /** The error with its path as file:line:column; errors already in that form are kept. */
  locate(e: FieldError): FieldError {
    const m = BUNDLE_PATH.exec(e.path);
    if (!m) return e;
    const section = m[1].replace("liabilities.", "") as CsvSection;
    const index = Number(m[2]);
    const rest = m[3];
    const apr = section === "credit" ? APR_PATH.exec(rest) : null;
    if (apr) return { path: this.at("aprs", this.aprs.get(index)?.[Number(apr[1])], apr[2] ?? ""), reason: e.reason };
    return { path: this.at(section, this.files.get(section)?.lines[index], rest.replace(/^\./, "")), reason: e.reason };
  }
}
