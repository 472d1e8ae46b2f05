import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";

export function MeHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3 sm:px-6">
        <span className="font-semibold text-teal-800">SpendSense</span>
        <nav aria-label="Account" className="flex items-center gap-4">
          <Link href="/account" className="text-sm text-slate-700 hover:text-slate-950">
            Account
          </Link>
          <SignOutButton />
        </nav>
      </div>
    </header>
  );
}
