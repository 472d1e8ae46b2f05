/** A data page's loading state (loading.tsx): a few grey blocks where the content will be, announced once. */
export function LoadingBlocks({ label, blocks = 3 }: { label: string; blocks?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{label}</span>
      <div aria-hidden className="h-7 w-48 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: blocks }, (_, i) => (
        <div key={i} aria-hidden className="h-28 w-full animate-pulse rounded-lg bg-slate-100" />
      ))}
    </div>
  );
}
