/**
 * "Ask SpendSense" latency with the local provider: 50 questions (the panel's starters and a
 * spending question, over the customers of a small generated population) through startChat, the
 * route's whole work minus HTTP: rate-limit row, tools' reads, model steps, checks, stored turn.
 * Beside it, two floors: the same questions' tool reads alone (the lib/db reads the answer needs),
 * and the same answer over the customer's data held in memory (tools, AI SDK steps and checks; no
 * database), which shows what the database adds.
 */
import path from "node:path";
import type { UIMessageChunk } from "ai";
import { emit, median, percentile } from "./util";
import { freshSqlite } from "../db/fresh";
import { closeRaw } from "../db/raw";
import { db, disconnectDb } from "../db/client";
import { ingestObject } from "../ingest";
import { runPipeline } from "../pipeline";
import { generateBundle } from "../generator";
import { CHAT_PANEL_TEXT } from "../core/chat/messages";
import { INTENT_TOOL, isDataIntent, readQuestion } from "../core/chat/intents";
import { createLocalChatModel } from "../ai/chat/local-model";
import { dbChatSource, startChat } from "../ai/chat/service";
import { runChatTool, type ChatDataSource } from "../ai/chat/tools";
import { chatAnswerEvents } from "../ai/chat/answer";

const ms = (x: number) => Number(x.toFixed(2));
const QUESTIONS = [...CHAT_PANEL_TEXT.starters, "Where did my money go last month?"];
const COUNT = 50;
const WARMUP = 5;

/** The customer's data read once, then served from memory. */
async function inMemory(source: ChatDataSource): Promise<ChatDataSource> {
  const [signals, suggestions, spending] = await Promise.all([source.signals(), source.suggestions(), source.spending()]);
  return { signals: async () => signals, suggestions: async () => suggestions, spending: async () => spending };
}

/** Milliseconds of one answer without the database. */
async function timeInMemory(question: string, source: ChatDataSource): Promise<number> {
  const t0 = performance.now();
  for await (const e of chatAnswerEvents({ question, source, model: createLocalChatModel() })) void e;
  return performance.now() - t0;
}

/** Milliseconds to the first text delta and to the end of the stream. */
async function timeStream(start: () => Promise<ReadableStream<UIMessageChunk>>): Promise<{ first: number; total: number }> {
  const t0 = performance.now();
  const reader = (await start()).getReader();
  let first = Number.NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === "text-delta" && Number.isNaN(first)) first = performance.now() - t0;
  }
  return { first, total: performance.now() - t0 };
}

export async function runChatBench(opts: { dir: string; asOf: string; ctx: Record<string, unknown> }): Promise<void> {
  await disconnectDb();
  await closeRaw();
  process.env.DATABASE_URL = freshSqlite(path.join(opts.dir, "chat.db"));
  const r = await ingestObject(generateBundle({ users: 10, seed: 42, months: 13, asOf: opts.asOf }).bundle);
  if (!r.ok) throw new Error("chat bench: ingest failed");
  await runPipeline(opts.asOf);
  const ids = (await db().user.findMany({ where: { role: "customer", consentGranted: true }, orderBy: { id: "asc" }, select: { id: true } })).map((u) => u.id);
  const first: number[] = [];
  const total: number[] = [];
  const floor: number[] = [];
  const memory: number[] = [];
  for (let i = 0; i < WARMUP + COUNT; i++) {
    const id = ids[i % ids.length];
    const actor = { id, role: "customer" as const };
    const question = QUESTIONS[i % QUESTIONS.length];
    const t = await timeStream(() => startChat(actor, { conversationId: `bench-${i}`, question, model: createLocalChatModel(), log: () => {} }));
    const { intent } = readQuestion(question);
    const f0 = performance.now();
    if (isDataIntent(intent)) await runChatTool(INTENT_TOOL[intent], dbChatSource(actor, id));
    const f = performance.now() - f0;
    const m = await timeInMemory(question, await inMemory(dbChatSource(actor, id)));
    if (i < WARMUP) continue;
    memory.push(m);
    first.push(t.first);
    total.push(t.total);
    floor.push(f);
  }
  const base = { provider: "local-chat", database: "sqlite", questions: COUNT, customers: ids.length, ...opts.ctx };
  emit("chat_first_token_ms", median(first), "ms", { ...base, p50: ms(median(first)), p95: ms(percentile(first, 95)), note: "startChat -> first checked text delta" });
  emit("chat_answer_ms", median(total), "ms", { ...base, p50: ms(median(total)), p95: ms(percentile(total, 95)), note: "startChat -> end of stream, turn stored" });
  emit("chat_tool_read_floor_ms", median(floor), "ms", { ...base, p50: ms(median(floor)), p95: ms(percentile(floor, 95)), note: "the question's tool reads alone (lib/db)" });
  emit("chat_answer_in_memory_ms", median(memory), "ms", { ...base, p50: ms(median(memory)), p95: ms(percentile(memory, 95)), note: "the same answer over data held in memory: tools, AI SDK steps, checks; no database" });
  emit("chat_answer_ratio_to_floor_p50", median(total) / median(floor), "x", base);
  await disconnectDb();
  await closeRaw();
}
