import { SignInForm } from "@/components/sign-in-form";
import { signInErrorMessage } from "@/lib/auth/rate-limit";
import { safeCallbackPath } from "@/lib/auth/session";

export const metadata = { title: "Sign in · SpendSense" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; ended?: string }> }) {
  const sp = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <h1 className="mb-1 text-2xl font-semibold">SpendSense</h1>
      <p className="mb-6 text-sm text-slate-600">Sign in to see your insights, or to review as an operator.</p>
      {sp.ended ? (
        <p role="status" className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your session has ended. Please sign in again.
        </p>
      ) : null}
      <SignInForm callbackUrl={safeCallbackPath(sp.callbackUrl)} initialError={signInErrorMessage(sp.error)} />
    </main>
  );
}
