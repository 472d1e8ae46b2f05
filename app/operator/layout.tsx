import { pageActor } from "@/lib/auth/session";
import { OperatorNav } from "@/components/operator/nav";

export const dynamic = "force-dynamic";

export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts keeps signed-out visitors out; the session and the role are checked here (and again
  // by each page and lib/db), so a customer gets the 403 page and an ended session never renders.
  await pageActor(["operator"], "/operator");
  return (
    <>
      <OperatorNav />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">{children}</main>
    </>
  );
}
