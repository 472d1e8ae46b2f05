import { LoadingBlocks } from "@/components/ui/loading";

/** Every operator data page (users, review queue, user detail, metrics) shows this while it loads; the nav stays. */
export default function Loading() {
  return <LoadingBlocks label="Loading…" />;
}
