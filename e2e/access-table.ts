/**
 * Who may open what: every page, route handler and server action of the app, with what each of
 * signed out, customer A, customer B and an operator gets. e2e/access-matrix.spec.ts walks it
 * and fails when the app has a route or action without a row here (found by walking app/ and
 * lib/actions); e2e/sessions.spec.ts walks it again with an ended session.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import type { E2EData } from "./fixtures";

export const ROLES = ["signedOut", "customerA", "customerB", "operator"] as const;
export type Role = (typeof ROLES)[number];

const root = path.resolve(import.meta.dirname, "..");

// ---- discovery -------------------------------------------------------------------------------

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** app/(auth)/signin/page.tsx → /signin; route groups drop out, dynamic segments stay as [id]. */
function routePath(file: string): string {
  const segs = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segs.join("/")}`;
}

/** Every page of the app, as its path pattern. */
export function discoverPages(): string[] {
  return walk(path.join(root, "app")).filter((f) => /[/\\]page\.tsx?$/.test(f)).map(routePath).sort();
}

/** Every exported method of every route handler: "GET /api/users/[id]/profile". */
export function discoverRoutes(): string[] {
  const out: string[] = [];
  for (const f of walk(path.join(root, "app")).filter((f) => /[/\\]route\.tsx?$/.test(f))) {
    const src = readFileSync(f, "utf8");
    const methods = new Set<string>();
    for (const m of src.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]);
    for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1].matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(n[1]);
    for (const m of methods) out.push(`${m} ${routePath(f)}`);
  }
  return out.sort();
}

/** Every server action: the exported async functions of "use server" files in lib/actions. */
export function discoverActions(): string[] {
  const dir = path.join(root, "lib/actions");
  return readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith(".test.ts"))
    .flatMap((f) => {
      const src = readFileSync(path.join(dir, f), "utf8");
      if (!/^\s*["']use server["']/.test(src)) return [];
      // export async function x(...) or export const x = defineAction({...}) (lib/actions/safe-action.ts)
      return [...src.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*defineAction\b)/g)].map((m) => m[1] ?? m[2]);
    })
    .sort();
}

/** The id Next gave an action in the production build (.next/server/server-reference-manifest.json). */
export function actionId(name: string): string {
  const m = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
  const id = Object.entries(m.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`server action ${name} is not in the build (no page uses it)`);
  return id;
}

// ---- the table -------------------------------------------------------------------------------

/** What opening a page gives: the page itself (its h1), a redirect, the 403 page or the 404 page. */
export type PageOutcome = { page: string } | { redirect: string } | "signin" | "forbidden" | "notFound";

/** Opens a page and says what came of it, in the table's terms. */
export async function pageOutcome(page: Page, url: string): Promise<PageOutcome | string> {
  const res = await page.goto(url);
  const asked = new URL(url, page.url()).pathname;
  const landed = new URL(page.url()).pathname;
  if (landed === "/signin" && asked !== "/signin") return "signin";
  if (landed !== asked) return { redirect: landed };
  const h1 = (await page.getByRole("heading", { level: 1 }).first().innerText()).trim();
  if (res?.status() === 403 && h1 === "This page is not available to you") return "forbidden";
  if (res?.status() === 404) return "notFound";
  if (res?.status() === 200) return { page: h1 };
  return `status ${res?.status()}`;
}

export interface PageRow {
  url: (d: E2EData) => string;
  expect: (d: E2EData) => Record<Role, PageOutcome>;
}

const operatorOnly = (h1: (d: E2EData) => string) => (d: E2EData) =>
  ({ signedOut: "signin", customerA: "forbidden", customerB: "forbidden", operator: { page: h1(d) } }) as Record<Role, PageOutcome>;
const firstName = (name: string) => `Hi, ${name.split(" ")[0]}`;

export const PAGES: Record<string, PageRow> = {
  "/": { url: () => "/", expect: () => ({ signedOut: "signin", customerA: { redirect: "/me" }, customerB: { redirect: "/me" }, operator: { redirect: "/operator" } }) },
  "/signin": { url: () => "/signin", expect: () => ({ signedOut: { page: "SpendSense" }, customerA: { page: "SpendSense" }, customerB: { page: "SpendSense" }, operator: { page: "SpendSense" } }) },
  "/me": { url: () => "/me", expect: (d) => ({ signedOut: "signin", customerA: { page: firstName(d.customer.name) }, customerB: { page: firstName(d.other.name) }, operator: { redirect: "/operator" } }) },
  "/account": { url: () => "/account", expect: () => ({ signedOut: "signin", customerA: { page: "Your account" }, customerB: { page: "Your account" }, operator: { page: "Your account" } }) },
  "/operator": { url: () => "/operator", expect: operatorOnly(() => "Users") },
  "/operator/review": { url: () => "/operator/review", expect: operatorOnly(() => "Review queue") },
  "/operator/users/[id]": { url: (d) => `/operator/users/${encodeURIComponent(d.customer.id)}`, expect: operatorOnly((d) => d.customer.name) },
  "/operator/metrics": { url: () => "/operator/metrics", expect: operatorOnly(() => "Evaluation metrics") },
};

/** One request to a route handler and the status each role gets. */
export interface RouteProbe {
  label: string;
  send: (req: APIRequestContext, d: E2EData) => Promise<APIResponse>;
  status: Record<Role, number>;
}

const everyone = (status: number): Record<Role, number> => ({ signedOut: status, customerA: status, customerB: status, operator: status });
const ownOrOperator = { signedOut: 401, customerA: 200, customerB: 403, operator: 200 };
const noRedirect = { maxRedirects: 0 } as const;

export const ROUTES: Record<string, RouteProbe[]> = {
  "GET /api/auth/[...nextauth]": [
    { label: "csrf token", send: (r) => r.get("/api/auth/csrf"), status: everyone(200) },
    { label: "session", send: (r) => r.get("/api/auth/session"), status: everyone(200) },
    { label: "credentials callback by GET", send: (r) => r.get("/api/auth/callback/credentials", noRedirect), status: everyone(405) },
  ],
  "POST /api/auth/[...nextauth]": [
    // Without next-auth's CSRF token a sign-in is sent back to the sign-in page, for anyone.
    { label: "credentials without a CSRF token", send: (r, d) => r.post("/api/auth/callback/credentials", { form: { email: d.customer.email, password: "x" }, ...noRedirect }), status: everyone(302) },
  ],
  "POST /api/ingest": [
    // An invalid bundle: 400 proves the operator got past authorization, and nothing is written.
    { label: "invalid bundle", send: (r) => r.post("/api/ingest", { data: { users: [{ user_id: "" }] } }), status: { signedOut: 401, customerA: 401, customerB: 401, operator: 400 } },
  ],
  "GET /api/users/[id]/profile": [
    { label: "customer A's profile", send: (r, d) => r.get(`/api/users/${encodeURIComponent(d.customer.id)}/profile`), status: ownOrOperator },
    { label: "a malformed id", send: (r) => r.get("/api/users/%ZZ/profile"), status: everyone(400) },
  ],
  "GET /api/users/[id]/recommendations/stream": [
    { label: "customer A's recommendations", send: (r, d) => r.get(`/api/users/${encodeURIComponent(d.customer.id)}/recommendations/stream`), status: ownOrOperator },
  ],
  "POST /api/chat": [
    // A body without a question: 400 proves a consenting customer got past authorization; nothing is stored.
    { label: "a chat without a question", send: (r) => r.post("/api/chat", { data: { messages: [] } }), status: { signedOut: 401, customerA: 400, customerB: 400, operator: 403 } },
  ],
  "POST /api/feedback": [
    // A body without a suggestion: 400 proves a customer got past authorization; nothing is stored.
    { label: "feedback without a suggestion", send: (r) => r.post("/api/feedback", { data: { helpful: true } }), status: { signedOut: 401, customerA: 400, customerB: 400, operator: 403 } },
  ],
  "GET /api/operator/evaluations/[id]/files/[name]": [
    // An unknown run: 404 proves the operator got past authorization.
    { label: "an unknown run's file", send: (r) => r.get("/api/operator/evaluations/no-such-run/files/metrics.json"), status: { signedOut: 401, customerA: 403, customerB: 403, operator: 404 } },
  ],
  "GET /api/operator/recommendations/[id]/trace": [
    // An unknown recommendation: 404 proves the operator got past authorization (a real trace: operator.spec.ts).
    { label: "an unknown recommendation's trace", send: (r) => r.get("/api/operator/recommendations/no-such-rec/trace"), status: { signedOut: 401, customerA: 403, customerB: 403, operator: 404 } },
  ],
  "POST /api/plaid/webhook": [
    // The e2e server runs without the Plaid variables: the route is not there for anyone (verified webhooks: tests/plaid-live.test.ts).
    { label: "a webhook while Plaid is not configured", send: (r) => r.post("/api/plaid/webhook", { data: { webhook_type: "TRANSACTIONS" } }), status: everyone(404) },
  ],
  "GET /session-ended": [
    { label: "session-ended redirect", send: (r) => r.get("/session-ended", noRedirect), status: everyone(307) },
  ],
};

/** What a server action call gets: stopped before it ran (signed out), refused (role), or let through to its input check. */
export type ActionOutcome = "signedOut" | "denied" | "allowed";

export interface ActionRow {
  /** The page whose form calls it (the action is posted there). */
  page: (d: E2EData) => string;
  /** Arguments that fail the action's input check, so an allowed call changes nothing. */
  body: { json: unknown[] } | { form: Record<string, string> };
  expect: Record<Role, ActionOutcome>;
}

const operatorAction: Record<Role, ActionOutcome> = { signedOut: "signedOut", customerA: "denied", customerB: "denied", operator: "allowed" };
const anySignedIn: Record<Role, ActionOutcome> = { signedOut: "signedOut", customerA: "allowed", customerB: "allowed", operator: "allowed" };
const userPage = (d: E2EData) => `/operator/users/${encodeURIComponent(d.customer.id)}`;

export const ACTIONS: Record<string, ActionRow> = {
  setConsentAction: { page: () => "/me", body: { json: [{ granted: "maybe" }] }, expect: anySignedIn },
  // Feedback is the customer's own word: an operator is refused before the input check.
  giveFeedbackAction: { page: () => "/me", body: { form: { recommendationId: "", helpful: "maybe" } }, expect: { signedOut: "signedOut", customerA: "allowed", customerB: "allowed", operator: "denied" } },
  changePasswordAction: { page: () => "/account", body: { form: { currentPassword: "", newPassword: "short", confirmPassword: "" } }, expect: anySignedIn },
  decideRecommendationAction: { page: () => "/operator/review", body: { form: { recommendationId: "", decision: "maybe" } }, expect: operatorAction },
  // count 0 fails its input check ("Nothing to decide"): an allowed call changes nothing.
  decideMatchingAction: { page: () => "/operator/review", body: { form: { status: "pending", decision: "approve", count: "0", viewedAt: "2026-01-01T00:00:00Z" } }, expect: operatorAction },
  overridePersonaAction: { page: userPage, body: { form: { userId: "", window: "7d" } }, expect: operatorAction },
  setCustomerDisabledAction: { page: userPage, body: { form: { userId: "", disabled: "maybe" } }, expect: operatorAction },
  // Takes no input: an unknown field fails its check, so an allowed call starts no evaluation. Sent as
  // (prevState, object): the multipart encoding above does not carry fields to this page's action.
  // Connecting a bank is the customer's own act: an operator is refused before the input check.
  createPlaidLinkTokenAction: { page: () => "/me", body: { json: [null, { unexpected: "1" }] }, expect: { signedOut: "signedOut", customerA: "allowed", customerB: "allowed", operator: "denied" } },
  exchangePlaidTokenAction: { page: () => "/me", body: { form: { publicToken: "" } }, expect: { signedOut: "signedOut", customerA: "allowed", customerB: "allowed", operator: "denied" } },
  startEvaluationAction: { page: () => "/operator/metrics", body: { json: [null, { unexpected: "1" }] }, expect: operatorAction },
};

/** Calls a server action over HTTP the way React's client does (JSON arguments, or (prevState, FormData) as multipart). */
export async function callAction(req: APIRequestContext, baseURL: string, name: string, row: ActionRow, d: E2EData): Promise<ActionOutcome | string> {
  const headers = { "next-action": actionId(name), origin: baseURL, accept: "text/x-component" };
  const res =
    "json" in row.body
      ? await req.post(row.page(d), { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: JSON.stringify(row.body.json), maxRedirects: 0 })
      : await req.post(row.page(d), {
          headers,
          multipart: { 0: JSON.stringify([null, "$K1"]), ...Object.fromEntries(Object.entries(row.body.form).map(([k, v]) => [`1_${k}`, v])) },
          maxRedirects: 0,
        });
  if (res.status() >= 300 && res.status() < 400 && /\/signin/.test(res.headers()["location"] ?? "")) return "signedOut";
  const text = await res.text();
  if (text.includes("You are signed out")) return "signedOut";
  if (text.includes("You do not have permission")) return "denied";
  if (/"ok":false,"error":"Invalid input/.test(text)) return "allowed";
  return `unexpected ${res.status()}: ${text.slice(0, 200)} … ${text.slice(-300)}`;
}
