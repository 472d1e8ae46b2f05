/** CSV ingest test helpers: a bundle written as a folder of CSV files, and a database dump to compare. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleToCsv } from "@/lib/core/csv";
import { db } from "@/lib/db/client";

const root = path.resolve(import.meta.dirname, "../..");
let counter = 0;

/** Writes files (name -> text) into a fresh folder under tmp/ and returns it. */
export function csvFolder(files: Map<string, string> | Record<string, string>): string {
  const dir = path.join(root, "tmp", "testfiles", `csv-${process.pid}-${++counter}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files instanceof Map ? files : Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

export const bundleFolder = (bundle: Parameters<typeof bundleToCsv>[0]) => csvFolder(bundleToCsv(bundle));

/** Fields that differ between two ingests of the same data by nature (row ids, clocks). */
const VOLATILE = new Set(["id", "createdAt", "updatedAt", "at", "consentAt"]);
const strip = (rows: object[], keep: string[] = []) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.includes(k) || !VOLATILE.has(k))));

/** Everything an ingest writes, in a stable order, without row ids and timestamps. */
export async function dumpIngested() {
  const d = db();
  const [users, accounts, transactions, liabilities, aprs, consents] = await Promise.all([
    d.user.findMany({ orderBy: { id: "asc" } }),
    d.account.findMany({ orderBy: { id: "asc" } }),
    d.transaction.findMany({ orderBy: { id: "asc" } }),
    d.liability.findMany({ orderBy: { accountId: "asc" } }),
    d.liabilityApr.findMany({ orderBy: [{ accountId: "asc" }, { aprType: "asc" }, { aprPercentage: "asc" }] }),
    d.consentEvent.findMany({ orderBy: [{ userId: "asc" }] }),
  ]);
  return {
    users: strip(users, ["id"]),
    accounts: strip(accounts, ["id"]),
    transactions: strip(transactions, ["id"]),
    liabilities: strip(liabilities),
    aprs: strip(aprs),
    consents: strip(consents),
  };
}
