export * from "./catalog";
export * from "./constants";
export * from "./types";
export * from "./templates";
export { renderTemplate, renderSentence, renderRationale } from "./render";
export { scoreItem, byScoreThenId } from "./score";
export { activeSignalTags, TAG_DEFINITIONS, PERSONA_RATIONALE_TAGS, perMonth, windowFact } from "./tags";
export { recommend, recommendWithTrace } from "./recommend";
export { composeRationale } from "./rationale";
