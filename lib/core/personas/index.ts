export * from "./constants";
export * from "./definitions";
export * from "./types";
export { assignPersonas } from "./assign";
