/**
 * Item-by-item validation of bundle elements against the contract (lib/core/plaid.ts), with
 * errors that name the field's full path in the bundle and the reason.
 */
import type { z } from "zod";
import {
  BundleAccountSchema,
  BundleTransactionSchema,
  BundleUserSchema,
  CreditLiabilitySchema,
  MortgageLiabilitySchema,
  StudentLoanSchema,
} from "../core/plaid";
import type { Section } from "./scan";
import { fastTransaction } from "./fast";
import { ruleErrors, type FieldError } from "./rules";


export const SECTION_SCHEMAS = {
  users: BundleUserSchema,
  accounts: BundleAccountSchema,
  transactions: BundleTransactionSchema,
  credit: CreditLiabilitySchema,
  student: StudentLoanSchema,
  mortgage: MortgageLiabilitySchema,
} as const;

export type SectionData = { [K in Section]: z.infer<(typeof SECTION_SCHEMAS)[K]> };

export function sectionPath(section: Section, index: number): string {
  return section === "credit" || section === "student" || section === "mortgage"
    ? `liabilities.${section}[${index}]`
    : `${section}[${index}]`;
}

export function joinPath(base: string, parts: readonly PropertyKey[]): string {
  let p = base;
  for (const k of parts) p += typeof k === "number" ? `[${k}]` : `.${String(k)}`;
  return p;
}

function valueAt(root: unknown, parts: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of parts) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function reasonOf(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === "invalid_type" && valueAt(root, issue.path) === undefined) return "is required";
  return issue.message;
}

/** Validates one element against the contract, then the ingest's own rules (lib/ingest/rules.ts). */
export function validateItem<S extends Section>(
  section: S,
  index: number,
  value: unknown,
  escaped = false,
): { ok: true; data: SectionData[S] } | { ok: false; errors: FieldError[] } {
  const r = validateSchema(section, index, value);
  if (!r.ok) return r;
  const errors = ruleErrors(section, sectionPath(section, index), r.data, escaped);
  return errors.length ? { ok: false, errors } : r;
}

function validateSchema<S extends Section>(section: S, index: number, value: unknown): { ok: true; data: SectionData[S] } | { ok: false; errors: FieldError[] } {
  if (section === "transactions") {
    const fast = fastTransaction(value);
    if (fast) return { ok: true, data: fast as SectionData[S] };
  }
  const base = sectionPath(section, index);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, errors: [{ path: base, reason: "must be an object" }] };
  }
  const r = SECTION_SCHEMAS[section].safeParse(value);
  if (r.success) return { ok: true, data: r.data as SectionData[S] };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: joinPath(base, i.path), reason: reasonOf(i, value) })) };
}

/** The outcome of validating one element; plain data, so it can cross a worker boundary. */
export type ValidatedItem =
  | { section: Section; index: number; ok: true; data: unknown }
  | { section: Section; index: number; ok: false; errors: FieldError[]; invalidKey: string | null };

/**
 * Validates a batch of scanned elements. An invalid user or account leaves its key
 * ("users:<id>", "accounts:<id>") so that elements referring to it are not reported again.
 */
export function validateBatch(batch: readonly { section: Section; index: number; value: unknown; escaped?: boolean }[]): ValidatedItem[] {
  const out: ValidatedItem[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const { section, index, value, escaped } = batch[i];
    const r = validateItem(section, index, value, escaped);
    if (r.ok) {
      out[i] = { section, index, ok: true, data: r.data };
      continue;
    }
    let invalidKey: string | null = null;
    if (value && typeof value === "object") {
      const id = section === "users" ? (value as { user_id?: unknown }).user_id : section === "accounts" ? (value as { account_id?: unknown }).account_id : undefined;
      if (typeof id === "string") invalidKey = `${section}:${id}`;
    }
    out[i] = { section, index, ok: false, errors: r.errors, invalidKey };
  }
  return out;
}
