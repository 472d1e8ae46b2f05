import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { problem } from "@/lib/http/problem";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** GET of a sign-in callback: credentials are only ever POSTed (next-auth would answer 500 with its error text). */
export async function GET(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return problem({ title: "Method Not Allowed", status: 405, detail: "Sign in with POST." }, { allow: "POST" });
  }
  return handler(req, ctx);
}

export { handler as POST };
