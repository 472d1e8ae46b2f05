/**
 * "Ask SpendSense" storage and reads. The chat is the customer's own: every read of the tools and
 * every write of a turn is for the signed-in customer themself (assertSelf), and only while they
 * consent. Operators read transcripts; the evaluation reads counts. Conversations are deleted with
 * the derived data when consent is revoked (lib/db/consent.ts).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import { assertOperator, assertSelf, ForbiddenError, NotFoundError, type Actor } from "./actor";
import { latestAsOf } from "./as-of";
import { approvedRecommendationsWithFacts, type StreamableRecommendation } from "./explain";
import { addDays } from "../core/time";
import { userDataFromRows } from "../core/rows";
import { loadSql } from "./pipeline-plan";
import { openPgPool, openSqlite } from "./raw";
import { resolveDb } from "./url";
import { CHAT_RATE_LIMIT_QUESTIONS, CHAT_RATE_LIMIT_WINDOW_MINUTES } from "../core/chat/constants";
import type { CoreUserData } from "../core/types";
import type { WindowSignals } from "../core/signals/types";
import type { ChatCounts, ChatSentenceView, ChatTurnRecord, ChatTurnView } from "../types/chat";

/** The customer has not opted in (or has opted out): the chat reads and stores nothing. */
export class ConsentRequiredError extends ForbiddenError {
  constructor() {
    super("Ask SpendSense works only while you share your data for personalized insights");
  }
}

export class RateLimitedError extends Error {
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`at most ${CHAT_RATE_LIMIT_QUESTIONS} questions in ${CHAT_RATE_LIMIT_WINDOW_MINUTES} minutes`);
  }
}

/** The customer themself, consenting; throws otherwise. */
async function assertConsentingSelf(actor: Actor, userId: string): Promise<void> {
  assertSelf(actor, userId);
  const u = await db().user.findUnique({ where: { id: userId }, select: { role: true, consentGranted: true } });
  if (!u || u.role !== "customer") throw new NotFoundError("no such customer");
  if (!u.consentGranted) throw new ConsentRequiredError();
}

/**
 * Stores a new question as a pending turn, then enforces the rate limit by counting the
 * customer's turns in the window (all instances write the same table). Over the limit, the turn is
 * removed and RateLimitedError says when to retry. Inserting before counting means concurrent
 * requests can only be refused together, never let through together.
 */
export async function reserveChatTurn(actor: Actor, userId: string, input: { conversationId: string; question: string; now?: Date }): Promise<{ id: string }> {
  await assertConsentingSelf(actor, userId);
  const now = input.now ?? new Date();
  const id = randomUUID();
  const p = db();
  await p.chatTurn.create({ data: { id, userId, conversationId: input.conversationId, question: input.question, createdAt: now } });
  const since = new Date(now.getTime() - CHAT_RATE_LIMIT_WINDOW_MINUTES * 60_000);
  const recent = await p.chatTurn.findMany({ where: { userId, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  if (recent.length > CHAT_RATE_LIMIT_QUESTIONS) {
    await p.chatTurn.deleteMany({ where: { id } });
    const frees = recent[recent.length - CHAT_RATE_LIMIT_QUESTIONS - 1].createdAt.getTime() + CHAT_RATE_LIMIT_WINDOW_MINUTES * 60_000;
    throw new RateLimitedError(Math.max(1, Math.ceil((frees - now.getTime()) / 1000)));
  }
  return { id };
}

/** Records what the customer saw. A turn deleted meanwhile (consent revoked) stays deleted. */
export async function finishChatTurn(actor: Actor, userId: string, id: string, r: ChatTurnRecord): Promise<void> {
  assertSelf(actor, userId);
  await db().chatTurn.updateMany({
    where: { id, userId },
    data: {
      outcome: r.outcome, answer: r.answer, reason: r.reason, modelId: r.modelId, toolsJson: JSON.stringify(r.tools),
      checksJson: JSON.stringify(r.sentences), disclosure: r.disclosure, firstTokenMs: r.firstTokenMs, answerMs: r.answerMs,
    },
  });
}

/** The last `limit` finished turns of one of the customer's conversations, oldest first. */
export async function getChatHistory(actor: Actor, userId: string, conversationId: string, limit: number): Promise<{ question: string; answer: string }[]> {
  assertSelf(actor, userId);
  const rows = await db().chatTurn.findMany({
    where: { userId, conversationId, NOT: { outcome: "pending" } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { question: true, answer: true },
  });
  return rows.reverse();
}

/** The customer's stored signals of their latest as-of date (what the tools read). */
export async function getChatSignals(actor: Actor, userId: string): Promise<{ asOf: string | null; w30: WindowSignals | null; w180: WindowSignals | null }> {
  await assertConsentingSelf(actor, userId);
  const asOf = await latestAsOf(actor, userId);
  if (!asOf) return { asOf, w30: null, w180: null };
  const snaps = await db().signalSnapshot.findMany({ where: { userId, asOf }, select: { window: true, dataJson: true } });
  const get = (w: string) => {
    const s = snaps.find((x) => x.window === w);
    return s ? (JSON.parse(s.dataJson) as WindowSignals) : null;
  };
  return { asOf, w30: get("30d"), w180: get("180d") };
}

/** The customer's approved recommendations of their latest as-of date, with the facts of each trace. */
export async function getChatSuggestions(actor: Actor, userId: string): Promise<StreamableRecommendation[]> {
  await assertConsentingSelf(actor, userId);
  return approvedRecommendationsWithFacts(actor, userId);
}

/** The customer's accounts and the transactions of the `days` days ending on their latest as-of date. */
export async function getChatTransactions(actor: Actor, userId: string, days: number): Promise<{ asOf: string; data: CoreUserData } | null> {
  await assertConsentingSelf(actor, userId);
  const asOf = await latestAsOf(actor, userId);
  if (!asOf) return null;
  const data = userDataFromRows(userId, ...(await readAccountsAndTransactions(userId, addDays(asOf, -(days - 1)), asOf)), [], []);
  return { asOf, data };
}

type RowArgs = Parameters<typeof userDataFromRows>;
const SQLITE_READ = loadSql(() => "?");
const PG_READ = loadSql((n) => `$${n}`);

/**
 * One customer's accounts and their transactions dated [from, to], in date order, through the
 * pipeline's plain SQL (the dashboard reads half a year of rows on every view: Prisma's per-row
 * decoding was most of that page's database time).
 */
async function readAccountsAndTransactions(userId: string, from: string, to: string): Promise<[RowArgs[1], RowArgs[2]]> {
  const t = resolveDb();
  const order = " ORDER BY date, id";
  if (t.kind === "sqlite") {
    const d = openSqlite(t.file);
    return [d.prepare(`${SQLITE_READ.accounts} ORDER BY id`).all(userId) as RowArgs[1], d.prepare(SQLITE_READ.txs + order).all(userId, from, to) as RowArgs[2]];
  }
  const pool = openPgPool(t.url);
  const [a, x] = await Promise.all([pool.query(`${PG_READ.accounts} ORDER BY id`, [userId]), pool.query(PG_READ.txs + order, [userId, from, to])]);
  return [a.rows as RowArgs[1], x.rows as RowArgs[2]];
}

const parseList = <T>(json: string): T[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

/** Operators: a customer's chat turns with the checks' results, oldest first (the latest 200). */
export async function getChatTranscript(actor: Actor, userId: string): Promise<ChatTurnView[]> {
  assertOperator(actor);
  const rows = await db().chatTurn.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 200 });
  return rows.reverse().map((r) => ({
    id: r.id, conversationId: r.conversationId, question: r.question, answer: r.answer, outcome: r.outcome, reason: r.reason, modelId: r.modelId,
    tools: parseList<string>(r.toolsJson), sentences: parseList<ChatSentenceView>(r.checksJson), disclosure: r.disclosure,
    firstTokenMs: r.firstTokenMs, answerMs: r.answerMs, createdAt: r.createdAt.toISOString(),
  }));
}

/** Operators and the evaluation: how chat turns ended (optionally since a time). */
export async function chatCounts(actor: Actor, opts: { since?: Date } = {}): Promise<ChatCounts> {
  assertOperator(actor);
  const groups = await db().chatTurn.groupBy({ by: ["outcome"], _count: { _all: true }, where: opts.since ? { createdAt: { gte: opts.since } } : {} });
  const n = (o: string) => groups.find((g) => g.outcome === o)?._count._all ?? 0;
  const counts = { answers: n("answer"), fallbacks: n("fallback"), refusals: n("refusal"), unfinished: n("pending") };
  return { ...counts, total: counts.answers + counts.fallbacks + counts.refusals + counts.unfinished };
}
