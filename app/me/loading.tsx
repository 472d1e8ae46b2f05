import { LoadingBlocks } from "@/components/ui/loading";

export default function Loading() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <LoadingBlocks label="Loading your insights…" blocks={4} />
    </main>
  );
}
