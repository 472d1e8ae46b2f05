// Entry of the parse worker thread: TypeScript sources need tsx's loader, which a worker does not
// inherit from the main thread, so register it here first.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
