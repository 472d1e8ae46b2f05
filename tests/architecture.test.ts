/**
 * The layers of docs/architecture.md, checked: the linter's import rules bite where they should,
 * and every server module carries the `server-only` marker.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return r.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries (ESLint no-restricted-imports)", () => {
  const forbidden: [string, string][] = [
    ["lib/core/x.ts", 'import { db } from "../db/client";'],
    ["lib/core/signals/x.ts", 'import { db } from "@/lib/db/client";'],
    ["lib/core/x.ts", 'import { redirect } from "next/navigation";'],
    ["lib/core/x.ts", 'import { useState } from "react";'],
    ["lib/core/x.ts", 'import { readFileSync } from "node:fs";'],
    ["lib/core/x.ts", 'import { generateText } from "ai";'],
    ["lib/core/x.ts", 'import { getCatalog } from "../content";'],
    ["lib/core/x.ts", 'import { ingestObject } from "../ingest";'],
    ["components/x.tsx", 'import { db } from "@/lib/db/client";'],
    ["components/me/x.tsx", 'import { getCustomerView } from "@/lib/db/customer-view";'],
    ["components/x.tsx", 'import { PrismaClient } from "@prisma/client";'],
    ["lib/db/x.ts", 'import { ingestObject } from "../ingest";'],
    ["lib/db/x.ts", 'import { setConsentAction } from "../actions/set-consent";'],
    ["lib/db/x.ts", 'import Page from "@/app/me/page";'],
    ["lib/db/x.ts", 'import { ConsentCard } from "@/components/me/consent-card";'],
    ["app/me/x.tsx", 'import { db } from "@/lib/db/client";'],
    ["app/x.ts", 'import Database from "better-sqlite3";'],
  ];
  it.each(forbidden)("%s may not: %s", async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  const allowed: [string, string][] = [
    ["lib/core/x.ts", 'import { z } from "zod";'],
    ["lib/core/signals/x.ts", 'import { addDays } from "../time";'],
    ["lib/core/x.ts", 'import { BundleSchema } from "./plaid";'],
    ["components/x.tsx", 'import type { CustomerView } from "@/lib/types/views";'],
    ["app/me/x.tsx", 'import { getCustomerView } from "@/lib/db/customer-view";'],
    ["lib/db/x.ts", 'import { computeSignals } from "../core/signals";'],
  ];
  it.each(allowed)("%s may: %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((f) => {
    const rel = path.join(dir, f);
    if (statSync(path.join(root, rel)).isDirectory()) return f === "generated" ? [] : files(rel);
    return /\.(ts|tsx)$/.test(f) && !/\.test\.ts$/.test(f) ? [rel] : [];
  });
}

describe("server-only", () => {
  // lib/db/url.ts is read by the Prisma CLI's config files, outside any React server environment;
  // it holds configuration only (no data access).
  const EXEMPT = new Set(["lib/db/url.ts"]);
  const serverModules = [...files("lib/db"), ...files("lib/actions"), "lib/pipeline.ts"].filter((f) => !EXEMPT.has(f));

  it.each(serverModules)("%s is marked server-only", (file) => {
    const src = readFileSync(path.join(root, file), "utf8");
    expect(/^import "server-only";$/m.test(src) || /^"use server";$/m.test(src)).toBe(true);
  });
});
