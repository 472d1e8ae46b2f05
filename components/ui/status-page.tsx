import Link from "next/link";
import type { ReactNode } from "react";

/** The body of the 403, 404 and error pages: what happened, and a way back. */
export function StatusPage({ code, title, children, action }: { code: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <p className="text-sm font-medium text-teal-800">{code}</p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="text-sm text-slate-700">{children}</div>
      <div className="flex flex-wrap gap-3">
        {action}
        <Link href="/" className="rounded bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
          Go to your start page
        </Link>
      </div>
    </main>
  );
}
