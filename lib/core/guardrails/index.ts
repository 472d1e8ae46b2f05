export * from "./constants";
export * from "./consent";
export * from "./eligibility";
export * from "./tone";
export * from "./disclosure";
export * from "./grounding";
export * from "./trace";
export * from "./run";
