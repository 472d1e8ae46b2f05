/** The module-level memos of the signal engine (per distinct descriptor), for benchmarks and long-running processes. */
import { clearDescriptorCache } from "./descriptor";
import { clearDescriptorFacts } from "./flags";

/** Empties the normalizeDescriptor and descriptor-facts memos (they are bounded and cleared when full anyway). */
export function clearSignalCaches(): void {
  clearDescriptorCache();
  clearDescriptorFacts();
}
