import { redirect } from "next/navigation";
import { sessionFromCookies } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const s = await sessionFromCookies();
  if (s.kind === "none") redirect("/signin");
  if (s.kind === "ended") redirect("/session-ended");
  redirect(s.actor.role === "operator" ? "/operator" : "/me");
}
