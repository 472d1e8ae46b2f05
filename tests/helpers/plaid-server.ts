/**
 * A local HTTP server answering Plaid's endpoints with Plaid's documented example responses
 * (tests/fixtures/plaid-examples.ts), for tests that run the `plaid` client against it (basePath).
 * /transactions/sync answers by cursor from a list of pages; every request is recorded.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACCESS_TOKEN, ITEM_ID, LINK_TOKEN, PUBLIC_TOKEN, cardAccount, checkingAccount, liabilitiesGet, type SyncPage } from "../fixtures/plaid-examples";

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface PlaidStub {
  url: string;
  requests: SeenRequest[];
  /** Pages by the cursor they answer ("" = the first call, without a cursor). */
  pages: Map<string, SyncPage>;
  /** Cursors whose next request fails once with TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION. */
  mutateOnce: Set<string>;
  /** JWKs by kid for /webhook_verification_key/get. */
  keys: Map<string, object>;
  close(): Promise<void>;
}

const plaidError = (code: string, type = "INVALID_REQUEST") => ({
  display_message: null,
  error_code: code,
  error_message: code.toLowerCase().replace(/_/g, " "),
  error_type: type,
  request_id: "Ti5jk1XyEXsvq1Q",
});

function answer(stub: PlaidStub, path: string, body: Record<string, unknown>): [number, object] {
  const needsToken = ["/transactions/sync", "/accounts/get", "/liabilities/get"].includes(path);
  if (needsToken && body.access_token !== ACCESS_TOKEN) return [400, plaidError("INVALID_ACCESS_TOKEN")];
  switch (path) {
    case "/link/token/create":
      return [200, { expiration: "2026-12-02T04:00:00Z", link_token: LINK_TOKEN, request_id: "XQVgFigpGHXkb0b" }];
    case "/item/public_token/exchange":
      return body.public_token === PUBLIC_TOKEN ? [200, { access_token: ACCESS_TOKEN, item_id: ITEM_ID, request_id: "Aim3b" }] : [400, plaidError("INVALID_PUBLIC_TOKEN")];
    case "/transactions/sync": {
      const cursor = typeof body.cursor === "string" ? body.cursor : "";
      if (stub.mutateOnce.delete(cursor)) return [400, plaidError("TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", "TRANSACTIONS_ERROR")];
      const page = stub.pages.get(cursor);
      return page ? [200, page] : [400, plaidError("INVALID_FIELD")];
    }
    case "/accounts/get":
      return [200, { accounts: [checkingAccount, cardAccount], item: liabilitiesGet.item, request_id: "bkVE1BHWMAZ9Rnr" }];
    case "/liabilities/get":
      return [200, liabilitiesGet];
    case "/webhook_verification_key/get": {
      const key = stub.keys.get(String(body.key_id));
      return key ? [200, { key, request_id: "RZ6Omi1bzzwDaLo" }] : [400, plaidError("INVALID_FIELD")];
    }
    default:
      return [404, plaidError("UNKNOWN_ENDPOINT")];
  }
}

export async function startPlaidStub(): Promise<PlaidStub> {
  const holder: { server?: Server } = {};
  const stub: PlaidStub = {
    url: "",
    requests: [],
    pages: new Map(),
    mutateOnce: new Set(),
    keys: new Map(),
    close: () => new Promise((r) => holder.server!.close(() => r())),
  };
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = req.url ?? "";
      stub.requests.push({ path, headers: req.headers, body });
      const [status, out] = answer(stub, path, body);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    });
  });
  holder.server = server;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
