import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Keyset paging links (each an address, or null when there is no such page): first, previous, next. */
export function Pager({ label, first, prev, next }: { label: string; first: string | null; prev: string | null; next: string | null }) {
  const links = [
    ["First page", first],
    ["Previous page", prev],
    ["Next page", next],
  ] as const;
  return (
    <nav aria-label={label} className="flex flex-wrap justify-end gap-2 text-sm">
      {links.map(([text, href]) =>
        href ? (
          <Button key={text} asChild variant="secondary" size="sm">
            <Link href={href}>{text}</Link>
          </Button>
        ) : null,
      )}
    </nav>
  );
}
