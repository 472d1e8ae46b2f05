import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";

export function OperatorNav() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Operator" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/operator" className="font-semibold text-teal-800">
          SpendSense <span className="font-normal text-slate-500">operator</span>
        </Link>
        <Link href="/operator" className="text-sm text-slate-700 hover:text-slate-950">
          Users
        </Link>
        <Link href="/operator/review" className="text-sm text-slate-700 hover:text-slate-950">
          Review queue
        </Link>
        <Link href="/operator/metrics" className="text-sm text-slate-700 hover:text-slate-950">
          Metrics
        </Link>
        <div className="ml-auto flex items-center gap-4">
          <Link href="/account" className="text-sm text-slate-700 hover:text-slate-950">
            Account
          </Link>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
