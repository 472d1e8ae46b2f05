import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth";
import { OperatorNav } from "@/components/operator/nav";

export const dynamic = "force-dynamic";

export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts already keeps non-operators out; checked again here so the pages never rely on it alone.
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/operator");
  if (actor.role !== "operator") redirect("/signin?callbackUrl=/operator");
  return (
    <>
      <OperatorNav />
      <main className="mx-auto max-w-6xl px-6 py-6">{children}</main>
    </>
  );
}
