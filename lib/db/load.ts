import { db, type Db } from "./client";
import { addDays } from "../core/time";
import type { CoreUserData, CoreAccount, CoreTransaction, AccountType } from "../core/types";

/** How far back the pipeline reads before the as-of date: 180-day window + 13 months for annual cadence. */
export const PIPELINE_LOOKBACK_DAYS = 400;

type Tx = Pick<Db, "account" | "transaction" | "liability">;

/** One user's data as the core takes it: nothing after asOf, nothing before asOf - PIPELINE_LOOKBACK_DAYS. */
export async function loadUserData(userId: string, asOf: string, client: Tx = db()): Promise<CoreUserData> {
  const from = addDays(asOf, -PIPELINE_LOOKBACK_DAYS);
  const [accounts, txs, liabilities] = await Promise.all([
    client.account.findMany({ where: { userId } }),
    client.transaction.findMany({
      where: { userId, date: { gte: from, lte: asOf } },
      select: {
        id: true, accountId: true, date: true, amountCents: true, isoCurrencyCode: true, name: true, merchantName: true,
        merchantEntityId: true, paymentChannel: true, pfcPrimary: true, pfcDetailed: true, pending: true, pendingTransactionId: true,
      },
    }),
    client.liability.findMany({ where: { account: { userId } }, include: { aprs: true } }),
  ]);
  return {
    user_id: userId,
    accounts: accounts.map(
      (a): CoreAccount => ({
        account_id: a.id, user_id: a.userId, type: a.type as AccountType, subtype: a.subtype, name: a.name, mask: a.mask,
        holder_category: (a.holderCategory as CoreAccount["holder_category"]) ?? null, current_cents: a.currentCents,
        available_cents: a.availableCents, limit_cents: a.limitCents, iso_currency_code: a.isoCurrencyCode,
      }),
    ),
    transactions: txs.map(
      (t): CoreTransaction => ({
        transaction_id: t.id, account_id: t.accountId, date: t.date, amount_cents: t.amountCents, iso_currency_code: t.isoCurrencyCode,
        name: t.name, merchant_name: t.merchantName, merchant_entity_id: t.merchantEntityId,
        payment_channel: t.paymentChannel as CoreTransaction["payment_channel"], pfc_primary: t.pfcPrimary, pfc_detailed: t.pfcDetailed,
        pending: t.pending, pending_transaction_id: t.pendingTransactionId,
      }),
    ),
    credit: liabilities
      .filter((l) => l.kind === "credit")
      .map((l) => ({
        account_id: l.accountId,
        aprs: l.aprs.map((a) => ({ apr_type: a.aprType, apr_percentage: a.aprPercentage, balance_subject_to_apr_cents: a.balanceSubjectToAprCents, interest_charge_amount_cents: a.interestChargeAmountCents })),
        is_overdue: l.isOverdue, last_payment_amount_cents: l.lastPaymentAmountCents, last_payment_date: l.lastPaymentDate,
        last_statement_issue_date: l.lastStatementIssueDate, last_statement_balance_cents: l.lastStatementBalanceCents,
        minimum_payment_amount_cents: l.minimumPaymentAmountCents, next_payment_due_date: l.nextPaymentDueDate,
      })),
    loans: liabilities
      .filter((l) => l.kind !== "credit")
      .map((l) => ({
        account_id: l.accountId, kind: l.kind as "student" | "mortgage", interest_rate_percentage: l.interestRatePercentage,
        is_overdue: l.isOverdue, last_payment_amount_cents: l.lastPaymentAmountCents, last_payment_date: l.lastPaymentDate,
        minimum_payment_amount_cents: l.minimumPaymentAmountCents, next_payment_due_date: l.nextPaymentDueDate, past_due_amount_cents: l.pastDueAmountCents,
      })),
  };
}
