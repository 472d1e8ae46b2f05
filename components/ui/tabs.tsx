"use client";
import * as TabsPrimitive from "@radix-ui/react-tabs";
import type { ReactNode } from "react";

/** Radix Tabs with our styles: one tab per item, content rendered only when active. */
export function Tabs({ items, defaultValue, label }: { items: { value: string; label: ReactNode; content: ReactNode }[]; defaultValue?: string; label: string }) {
  return (
    <TabsPrimitive.Root defaultValue={defaultValue ?? items[0]?.value} className="w-full">
      <TabsPrimitive.List aria-label={label} className="mb-4 flex gap-1 border-b border-slate-200">
        {items.map((it) => (
          <TabsPrimitive.Trigger
            key={it.value}
            value={it.value}
            className="-mb-px rounded-t border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-teal-700 data-[state=active]:text-teal-800"
          >
            {it.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {items.map((it) => (
        <TabsPrimitive.Content key={it.value} value={it.value} className="focus-visible:outline-none">
          {it.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
}
