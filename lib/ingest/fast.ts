/**
 * A fast path for the bulk of a bundle: transactions. It accepts only what BundleTransactionSchema
 * accepts (a differential test holds it to that) and returns the same data; anything it is not
 * sure of returns null and goes through zod, which also writes the error messages.
 */
import { isIsoDate } from "../core/time";
import { MAX_ABS_CENTS } from "../core/money";
import type { BundleTransaction } from "../core/plaid";

const MAX_DOLLARS = MAX_ABS_CENTS / 100;
const CURRENCY_RE = /^[A-Z]{3}$/;
const CHANNELS = new Set(["online", "in store", "other"]);

const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200 && v.trim() === v;
const optStr = (v: unknown, max: number) => v === undefined || v === null || (typeof v === "string" && v.length <= max);

export function fastTransaction(v: unknown): BundleTransaction | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const t = v as Record<string, unknown>;
  const { transaction_id, account_id, date, authorized_date, amount, iso_currency_code, name, merchant_name, merchant_entity_id, payment_channel, personal_finance_category, pending, pending_transaction_id } = t;
  if (!isId(transaction_id) || !isId(account_id)) return null;
  if (typeof date !== "string" || !isIsoDate(date)) return null;
  if (authorized_date != null && (typeof authorized_date !== "string" || !isIsoDate(authorized_date))) return null;
  if (typeof amount !== "number" || !Number.isFinite(amount) || Math.abs(amount) > MAX_DOLLARS) return null;
  if (iso_currency_code != null && (typeof iso_currency_code !== "string" || !CURRENCY_RE.test(iso_currency_code))) return null;
  if (typeof name !== "string" || name.length > 500) return null;
  if (!optStr(merchant_name, 200) || !optStr(merchant_entity_id, 200) || !optStr(pending_transaction_id, 200)) return null;
  if (typeof payment_channel !== "string" || !CHANNELS.has(payment_channel)) return null;
  if (typeof pending !== "boolean") return null;
  let pfc: BundleTransaction["personal_finance_category"] = personal_finance_category as null | undefined;
  if (personal_finance_category != null) {
    if (typeof personal_finance_category !== "object" || Array.isArray(personal_finance_category)) return null;
    const p = personal_finance_category as Record<string, unknown>;
    if (typeof p.primary !== "string" || p.primary.length < 1 || p.primary.length > 80) return null;
    if (typeof p.detailed !== "string" || p.detailed.length < 1 || p.detailed.length > 120) return null;
    if (!optStr(p.confidence_level, Infinity)) return null;
    pfc = { primary: p.primary, detailed: p.detailed, confidence_level: p.confidence_level as string | null | undefined };
  }
  return {
    transaction_id,
    account_id,
    date,
    authorized_date: authorized_date as string | null | undefined,
    amount,
    iso_currency_code: iso_currency_code as string | null | undefined,
    name,
    merchant_name: merchant_name as string | null | undefined,
    merchant_entity_id: merchant_entity_id as string | null | undefined,
    payment_channel: payment_channel as BundleTransaction["payment_channel"],
    personal_finance_category: pfc,
    pending,
    pending_transaction_id: pending_transaction_id as string | null | undefined,
  };
}
