// Trusted callers (CLI, evaluation): read as the SYSTEM actor. Not imported by pages.
import { getProfile } from "./views";
import { SYSTEM } from "./actor";

export function getProfileForSystem(userId: string, asOf: string) {
  return getProfile(SYSTEM, userId, asOf);
}
