/** RFC 9457 problem details (application/problem+json). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  [k: string]: unknown;
}

export function problem(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", ...p }), {
    status: p.status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}
