/**
 * docs/decisions.md and docs/personas.md state the values of the rule constants as `` `NAME` = value ``
 * (`NAME.field.sub` for a field of a table such as CADENCE_BANDS; a value is a number, true/false, or a
 * list [a, b]). Every such statement must name an exported constant and give its value: a page that
 * drifts from the code fails here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as guardrails from "@/lib/core/guardrails/constants";
import * as insights from "@/lib/core/insights/constants";
import * as personas from "@/lib/core/personas/constants";
import * as recommend from "@/lib/core/recommend/constants";
import * as compare from "@/lib/core/shared/compare";
import * as signals from "@/lib/core/signals/constants";
import * as evaluation from "@/lib/eval/constants";
import * as console_ from "@/lib/core/console/review-query";
import * as plaid from "@/lib/plaid/constants";
import * as meHistory from "@/lib/core/me/history";

const CONSTANTS: Record<string, unknown> = { ...signals, ...personas, ...recommend, ...guardrails, ...compare, ...insights, ...evaluation, ...console_, ...plaid, ...meHistory };

interface Statement {
  line: number;
  name: string;
  text: string;
}

/** Every `` `NAME` = value `` of a page (code spans written with double backticks are examples, not statements). */
function statements(markdown: string): Statement[] {
  const out: Statement[] = [];
  markdown.split("\n").forEach((raw, i) => {
    const line = raw.replace(/``.*?``/g, "");
    for (const m of line.matchAll(/`([A-Z][A-Z0-9_]*(?:\.[A-Za-z_]+)*)`\s*=\s*(\[[^\]]*\]|[^\s,;:)]+)/g)) {
      out.push({ line: i + 1, name: m[1], text: m[2].replace(/\.$/, "") });
    }
  });
  return out;
}

/** The value a statement writes: a number (underscores allowed), true/false, or a list of numbers. */
function parseValue(text: string): number | boolean | number[] | undefined {
  if (text === "true" || text === "false") return text === "true";
  const list = /^\[(.*)\]$/.exec(text);
  if (list) {
    const items = list[1].split(",").map((x) => parseValue(x.trim()));
    return items.every((x) => typeof x === "number") ? (items as number[]) : undefined;
  }
  return /^-?\d[\d_]*(\.\d+)?$/.test(text) ? Number(text.replace(/_/g, "")) : undefined;
}

/** The value of NAME or NAME.field.sub among the exported constants (undefined when there is none). */
function resolve(name: string): unknown {
  const [head, ...fields] = name.split(".");
  let v: unknown = CONSTANTS[head];
  for (const f of fields) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[f] : undefined;
  return v;
}

/** Mismatches of one page, as readable lines. */
function check(file: string): { statements: Statement[]; problems: string[] } {
  const found = statements(readFileSync(path.resolve(import.meta.dirname, "..", file), "utf8"));
  const problems: string[] = [];
  for (const s of found) {
    const doc = parseValue(s.text);
    const code = resolve(s.name);
    const where = `${file}:${s.line} ${s.name}`;
    if (code === undefined) problems.push(`${where}: no such constant`);
    else if (doc === undefined) problems.push(`${where}: "${s.text}" is not a number, true/false or [list]`);
    else if (JSON.stringify(doc) !== JSON.stringify(code)) problems.push(`${where}: the page says ${JSON.stringify(doc)}, the code ${JSON.stringify(code)}`);
  }
  return { statements: found, problems };
}

describe("docs state the constants' values", () => {
  it("reads statements, values and tables the way the pages write them", () => {
    const md = "a `FOO_BAR` = 5_000 cents, `T.WEEKLY.gap` = [3, 11], `B` = true; example `` `NAME` = value ``";
    expect(statements(md).map((s) => [s.name, parseValue(s.text)])).toEqual([
      ["FOO_BAR", 5000],
      ["T.WEEKLY.gap", [3, 11]],
      ["B", true],
    ]);
    expect(parseValue("0,5")).toBeUndefined();
  });

  it("a value that differs from the code is reported", () => {
    const wrong = statements("the weekly band `CADENCE_BANDS.WEEKLY.gap` = [4, 10]")[0];
    expect(JSON.stringify(parseValue(wrong.text))).not.toBe(JSON.stringify(resolve(wrong.name)));
  });

  it.each(["docs/decisions.md", "docs/personas.md"])("%s agrees with the code", (file) => {
    const { statements: found, problems } = check(file);
    expect(problems).toEqual([]);
    expect(found.length).toBeGreaterThan(file.endsWith("personas.md") ? 15 : 40);
  });

  it("docs/personas.md states every persona rule constant", () => {
    const named = new Set(check("docs/personas.md").statements.map((s) => s.name));
    expect(Object.keys(personas.PERSONA_RULES).filter((n) => !named.has(n))).toEqual([]);
  });
});
