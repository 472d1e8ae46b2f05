/**
 * The behavioral signal engine: pure functions of one user's data and an explicit as-of date.
 * Nothing dated after as-of is read; business accounts are left out; every signal carries evidence.
 * Definitions: docs/decisions.md, "## Signals".
 */
export { computeSignals, computeWindow } from "./engine";
export * from "./constants";
export * from "./types";
export { normalizeDescriptor, reduceDescriptor, merchantKey, MerchantResolver, displayName } from "./descriptor";
export { clearSignalCaches } from "./caches";
export { detectRecurringStreams, detectCadence, predictNext, samePrice, classifyStream, type StreamInternal } from "./recurring";
export { prepareUser, isoDay, type PreparedUser } from "./prepare";
export { meetsRecurringRule, maxChargesInSpan } from "./subscriptions";
export { isMinimumPayment, utilizationFlags } from "./credit";
export { median, coefficientOfVariation } from "./income";
export { toProfileWindowJson, toWindowJson, type ProfileWindowSignalsJson } from "./profile";
export { benchSignals, type BenchResult } from "./bench";

