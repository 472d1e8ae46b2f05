export * from "./constants";
export * from "./definitions";
export * from "./types";
export * from "./format";
export { assignPersonas, compare } from "./assign";
