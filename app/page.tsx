import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  redirect(actor.role === "operator" ? "/operator" : "/me");
}
