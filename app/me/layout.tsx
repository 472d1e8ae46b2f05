import { redirect } from "next/navigation";
import { pageActor } from "@/lib/auth/session";

/**
 * Who may open /me, decided here rather than in the page: the page streams behind loading.tsx, and a
 * redirect from inside a stream arrives after a 200. A layout is outside that boundary.
 */
export default async function MeLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor(["customer", "operator"], "/me");
  if (actor.role === "operator") redirect("/operator");
  return children;
}
