/**
 * The behavioral signal engine: pure functions of one user's data and an explicit as-of date.
 * Nothing dated after as-of is read; business accounts are left out; every signal carries evidence.
 * Definitions: docs/decisions.md, "## Signals".
 */
export { computeSignals, computeWindow } from "./engine";
export * from "./constants";
export * from "./types";
export { isoDay } from "./days";
export { toProfileWindowJson } from "./window-json";
export { benchSignals } from "./bench";
