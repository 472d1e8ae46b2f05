/**
 * A customer's own dashboard: a small object of their own (consent, accounts, signals, approved
 * recommendations). No traces, no statuses, no operator notes or actions, no persona internals.
 */
import "server-only";
import { db } from "./client";
import { assertSelfOrOperator, NotFoundError, type Actor } from "./actor";
import { latestAsOf } from "./as-of";
import { WINDOW_DAYS, WINDOW_IDS, type WindowSignals } from "../core/signals/types";
import { spendingByCategory, type SpendingByCategory } from "../core/chat/spending";
import { getChatTransactions } from "./chat";
import type { CustomerRecommendation, CustomerView } from "../types/views";
import type { DecisionTrace } from "../core/guardrails/trace";
import { passedRules } from "../core/me/suggestion";
import { getCatalog } from "../content";
import { paycheckHistory, savingsHistory, type PaycheckHistory, type SavingsHistory } from "../core/me/history";

export async function getCustomerView(actor: Actor, userId: string, asOfWanted?: string): Promise<CustomerView> {
  assertSelfOrOperator(actor, userId);
  const p = db();
  const user = await p.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, consentGranted: true, consentAt: true } });
  if (!user || user.role !== "customer") throw new NotFoundError("no such customer");
  const base = { user: { id: user.id, name: user.name, consentGranted: user.consentGranted, consentAt: user.consentAt?.toISOString() ?? null } };
  const accounts = await p.account.findMany({
    where: { userId, NOT: { holderCategory: "business" } },
    orderBy: { id: "asc" },
    select: { type: true, subtype: true, name: true, mask: true, currentCents: true, limitCents: true },
  });
  const empty = Object.fromEntries(WINDOW_IDS.map((w) => [w, { signals: null }])) as CustomerView["windows"];
  // Without consent nothing derived is shown (and revocation deleted it).
  if (!user.consentGranted) return { ...base, asOf: null, accounts, windows: empty, recommendations: [] };
  const asOf = asOfWanted ?? (await latestAsOf(actor, userId));
  if (!asOf) return { ...base, asOf, accounts, windows: empty, recommendations: [] };
  const [snaps, recs, feedback] = await Promise.all([
    p.signalSnapshot.findMany({ where: { userId, asOf }, select: { window: true, dataJson: true } }),
    p.recommendation.findMany({
      where: { userId, asOf, status: "approved" },
      orderBy: [{ window: "asc" }, { kind: "asc" }, { rank: "asc" }],
      select: { id: true, window: true, kind: true, itemId: true, title: true, rationale: true, disclosure: true, traceJson: true },
    }),
    p.suggestionFeedback.findMany({ where: { userId }, select: { recommendationId: true, helpful: true, note: true } }),
  ]);
  const windows = {} as CustomerView["windows"];
  for (const w of WINDOW_IDS) {
    const s = snaps.find((x) => x.window === w);
    windows[w] = { signals: s ? (JSON.parse(s.dataJson) as WindowSignals) : null };
  }
  const byRec = new Map(feedback.map((f) => [f.recommendationId, { helpful: f.helpful, note: f.note }]));
  return { ...base, asOf, accounts, windows, recommendations: recs.map((r) => customerRecommendation(r, byRec.get(r.id) ?? null)) };
}

type RecRow = Omit<CustomerRecommendation, "summary" | "body" | "passedRules" | "feedback"> & { traceJson: string };

/** The catalog text of an education item, or the rules an offer passed (from its stored trace); never its payout. */
function customerRecommendation({ traceJson, ...r }: RecRow, feedback: CustomerRecommendation["feedback"]): CustomerRecommendation {
  const catalog = getCatalog();
  if (r.kind === "education") {
    const item = catalog.education.find((e) => e.id === r.itemId);
    return { ...r, summary: item?.summary ?? null, body: item?.body ?? [], passedRules: [], feedback };
  }
  const offer = catalog.offers.find((o) => o.id === r.itemId);
  const checks = (JSON.parse(traceJson) as DecisionTrace).eligibility?.checks ?? [];
  return { ...r, summary: offer?.summary ?? null, body: [], passedRules: passedRules(checks), feedback };
}

export interface CustomerCharts {
  recent: SpendingByCategory;
  long: SpendingByCategory;
  savings: SavingsHistory;
  paychecks: PaycheckHistory;
}

/** The data behind the dashboard's charts, from one read of the customer's last 180 days of transactions; null without consent or a run. */
export async function getCustomerCharts(actor: Actor, userId: string): Promise<CustomerCharts | null> {
  const t = await getChatTransactions(actor, userId, WINDOW_DAYS["180d"]);
  if (!t) return null;
  const long = WINDOW_DAYS["180d"];
  return {
    recent: spendingByCategory(t.data, t.asOf, WINDOW_DAYS["30d"]),
    long: spendingByCategory(t.data, t.asOf, long),
    savings: savingsHistory(t.data, t.asOf, long),
    paychecks: paycheckHistory(t.data, t.asOf, long),
  };
}
