import { SignInForm } from "@/components/sign-in-form";

export const metadata = { title: "Sign in · SpendSense" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const sp = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <h1 className="mb-1 text-2xl font-semibold">SpendSense</h1>
      <p className="mb-6 text-sm text-slate-600">Sign in to see your insights, or to review as an operator.</p>
      <SignInForm callbackUrl={sp.callbackUrl ?? "/"} initialError={sp.error ? "Email or password is incorrect." : null} />
    </main>
  );
}
