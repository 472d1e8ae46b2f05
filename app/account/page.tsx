import Link from "next/link";
import { pageActor } from "@/lib/auth/session";
import { Card, CardTitle } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutButton } from "@/components/ui/sign-out-button";

export const metadata = { title: "Your account · SpendSense" };

/** Customers and operators: change their own password (which ends every session they have). */
export default async function AccountPage() {
  const actor = await pageActor(["customer", "operator"], "/account");
  const home = actor.role === "operator" ? "/operator" : "/me";
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-6 py-3">
          <Link href={home} className="font-semibold text-teal-800">
            SpendSense
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-md space-y-6 px-6 py-8">
        <p className="text-sm">
          <Link href={home} className="text-teal-800 hover:underline">
            ← Back to {actor.role === "operator" ? "the console" : "your insights"}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <Card aria-labelledby="password-title">
          <CardTitle id="password-title">Change password</CardTitle>
          <p className="mb-4 text-sm text-slate-600">Changing your password signs you out everywhere, on this device and any other.</p>
          <ChangePasswordForm />
        </Card>
      </main>
    </>
  );
}
