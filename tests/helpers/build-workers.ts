// vitest globalSetup: bundle the ingest's worker threads from the current sources, so that tests
// never run a stale lib/ingest/generated bundle.
export default async function setup(): Promise<void> {
  await import("../../scripts/build-worker.mjs");
}
