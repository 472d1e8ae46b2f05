/** A plan's bundle objects, in Plaid's shapes and the field order the bundle is written in. */
import type { BundleAccount, BundleTransaction, BundleUser } from "../core/plaid";
import { toDollars } from "../core/money";
import type { UserPlan } from "./model";
import { drawProfile } from "./population";
import { bundleUser } from "./bundle-user";

export function userOf(seed: number, index: number): BundleUser {
  return bundleUser(seed, index, drawProfile(seed, index));
}

export function accountsOf(plan: UserPlan): BundleAccount[] {
  return plan.accounts.map((a) => ({
    account_id: a.account_id,
    user_id: plan.user_id,
    type: a.type,
    subtype: a.subtype,
    name: a.name,
    official_name: a.official_name,
    mask: a.mask,
    holder_category: a.holder_category,
    balances: {
      current: toDollars(a.currentCents),
      available: a.availableCents === null ? null : toDollars(a.availableCents),
      limit: a.limitCents === null ? null : toDollars(a.limitCents),
      iso_currency_code: "USD",
      unofficial_currency_code: null,
    },
  }));
}


const str = (s: string | null | undefined): string => (s == null ? "null" : JSON.stringify(s));

/**
 * JSON of a generated transaction, byte-identical to JSON.stringify(t) for the objects the
 * generator makes (same keys, same order; ids, dates and enums never need escaping), but several
 * times faster: the transaction pass writes millions of these.
 */
export function transactionJson(t: BundleTransaction): string {
  const c = t.personal_finance_category;
  const category =
    c == null ? "null" : `{"primary":"${c.primary}","detailed":"${c.detailed}","confidence_level":${str(c.confidence_level)}}`;
  return (
    `{"transaction_id":"${t.transaction_id}","account_id":"${t.account_id}","date":"${t.date}","authorized_date":${str(t.authorized_date)}` +
    `,"amount":${t.amount},"iso_currency_code":${str(t.iso_currency_code)},"name":${JSON.stringify(t.name)},"merchant_name":${str(t.merchant_name)}` +
    `,"merchant_entity_id":${str(t.merchant_entity_id)},"payment_channel":"${t.payment_channel}","personal_finance_category":${category}` +
    `,"pending":${t.pending},"pending_transaction_id":${str(t.pending_transaction_id)}}`
  );
}
