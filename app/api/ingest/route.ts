import { handleIngest } from "@/lib/http/ingest-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(req: Request): Promise<Response> {
  return handleIngest(req);
}
