/**
 * A local HTTP server that speaks OpenAI's chat-completions protocol (POST /v1/chat/completions,
 * JSON or streamed server-sent events, function tool calls), for tests that run @ai-sdk/openai's
 * real provider code against it (OPENAI_BASE_URL). Each request gets the next scripted reply; every
 * request is recorded and checked against the protocol's shape (problems are listed, not thrown).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply =
  | { kind: "text"; text: string; chunks?: number }
  | { kind: "tool_calls"; calls: { name: string; arguments: string }[] }
  | { kind: "status"; status: number; message: string };

export interface SeenRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: any;
  /** What is wrong with the request, by the protocol (empty when well-formed). */
  problems: string[];
}

const ROLES = new Set(["system", "developer", "user", "assistant", "tool"]);

/** The protocol's shape of a request body (what OpenAI would reject with a 400). */
export function requestProblems(path: string, headers: IncomingMessage["headers"], body: any): string[] {
  const p: string[] = [];
  if (path !== "/v1/chat/completions") p.push(`path ${path}`);
  if (!/^Bearer \S+/.test(String(headers.authorization ?? ""))) p.push("authorization");
  if (!String(headers["content-type"] ?? "").includes("application/json")) p.push("content-type");
  if (typeof body?.model !== "string") p.push("model");
  if (!Array.isArray(body?.messages) || body.messages.length === 0) return [...p, "messages"];
  const callIds = new Set<string>();
  body.messages.forEach((m: any, i: number) => {
    if (!ROLES.has(m.role)) p.push(`messages[${i}].role`);
    if (m.role === "assistant") for (const c of m.tool_calls ?? []) {
      if (c.type !== "function" || typeof c.id !== "string" || typeof c.function?.name !== "string" || typeof c.function?.arguments !== "string") p.push(`messages[${i}].tool_calls`);
      callIds.add(c.id);
    }
    if (m.role === "tool" && (!callIds.has(m.tool_call_id) || typeof m.content !== "string")) p.push(`messages[${i}] answers no earlier tool call`);
    if (m.role !== "assistant" && m.role !== "tool" && typeof m.content !== "string" && !Array.isArray(m.content)) p.push(`messages[${i}].content`);
  });
  for (const [i, t] of (body.tools ?? []).entries()) {
    if (t.type !== "function" || typeof t.function?.name !== "string" || t.function?.parameters?.type !== "object") p.push(`tools[${i}]`);
  }
  if (body.stream !== undefined && typeof body.stream !== "boolean") p.push("stream");
  return p;
}

const head = (model: string) => ({ id: "chatcmpl-test", object: "chat.completion.chunk", created: 1_700_000_000, model });

function sse(reply: Reply, model: string): string {
  const chunks: unknown[] = [];
  const choice = (delta: object, finish: string | null = null) => ({ ...head(model), choices: [{ index: 0, delta, finish_reason: finish }] });
  if (reply.kind === "text") {
    const n = Math.max(1, reply.chunks ?? 4);
    const size = Math.ceil(reply.text.length / n);
    chunks.push(choice({ role: "assistant", content: "" }));
    for (let i = 0; i < reply.text.length; i += size) chunks.push(choice({ content: reply.text.slice(i, i + size) }));
    chunks.push(choice({}, "stop"));
  } else if (reply.kind === "tool_calls") {
    reply.calls.forEach((c, i) => {
      chunks.push(choice({ role: "assistant", content: null, tool_calls: [{ index: i, id: `call_${i}_${c.name}`, type: "function", function: { name: c.name, arguments: "" } }] }));
      chunks.push(choice({ tool_calls: [{ index: i, function: { arguments: c.arguments } }] }));
    });
    chunks.push(choice({}, "tool_calls"));
  }
  chunks.push({ ...head(model), choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } });
  return chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("") + "data: [DONE]\n\n";
}

function completion(reply: Reply, model: string): unknown {
  const message =
    reply.kind === "text"
      ? { role: "assistant", content: reply.text }
      : { role: "assistant", content: null, tool_calls: reply.kind === "tool_calls" ? reply.calls.map((c, i) => ({ id: `call_${i}`, type: "function", function: c })) : [] };
  return { id: "chatcmpl-test", object: "chat.completion", created: 1_700_000_000, model, choices: [{ index: 0, message, finish_reason: reply.kind === "text" ? "stop" : "tool_calls" }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } };
}

export interface FakeOpenAI {
  baseURL: string;
  seen: SeenRequest[];
  /** Replies for the next requests, in order (the last one repeats). */
  script(replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const seen: SeenRequest[] = [];
  let replies: Reply[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      let body: any = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      seen.push({ path: req.url ?? "", headers: req.headers, body, problems: requestProblems(req.url ?? "", req.headers, body) });
      const reply = replies[Math.min(next++, replies.length - 1)] ?? { kind: "status", status: 500, message: "no scripted reply" };
      const model = typeof body?.model === "string" ? body.model : "gpt-4o-mini";
      if (reply.kind === "status") {
        res.writeHead(reply.status, { "content-type": "application/json", ...(reply.status === 429 ? { "retry-after": "20" } : {}) });
        res.end(JSON.stringify({ error: { message: reply.message, type: reply.status === 429 ? "rate_limit_error" : "server_error", code: null } }));
      } else if (body?.stream) {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
        res.end(sse(reply, model));
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(completion(reply, model)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    seen,
    script(r) {
      replies = r;
      next = 0;
      seen.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
