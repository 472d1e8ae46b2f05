export * from "./catalog";
export * from "./constants";
export * from "./types";
export * from "./templates";
export { recommend, recommendWithTrace } from "./recommend";
