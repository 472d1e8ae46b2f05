import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={cn("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)} {...props} />;
}

export function CardTitle({ children, as: As = "h2", className, id }: { children: ReactNode; as?: "h2" | "h3" | "h4"; className?: string; id?: string }) {
  return (
    <As id={id} className={cn("mb-3 text-lg font-semibold text-slate-900", className)}>
      {children}
    </As>
  );
}
