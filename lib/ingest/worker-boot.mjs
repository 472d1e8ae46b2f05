// Entry of an ingest worker thread when its bundle (scripts/build-worker.mjs) is missing: TypeScript
// sources need tsx's loader, which a worker does not inherit from the main thread, so register it here.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.tsModule);
