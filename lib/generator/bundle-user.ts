/** The bundle's user object: id, fake name and email (faker, seeded per user), consent, demographics. */
import { Faker, base, en } from "@faker-js/faker";
import type { BundleUser } from "../core/plaid";
import type { Profile } from "./model";
import { userSeed } from "./rng";

/** Width of the zero-padded user index in user ids ("user_000042"). */
export const USER_ID_DIGITS = 6;

export function userIdOf(index: number): string {
  return `user_${String(index).padStart(USER_ID_DIGITS, "0")}`;
}

let faker: Faker | null = null;
/** One Faker instance, re-seeded for every user: names depend only on (seed, user index). */
function fakerFor(seed: number, index: number): Faker {
  if (!faker) faker = new Faker({ locale: [en, base] });
  faker.seed(userSeed(seed, index, "faker"));
  return faker;
}

const emailPart = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "") || "user";

export function bundleUser(seed: number, index: number, profile: Profile): BundleUser {
  const f = fakerFor(seed, index);
  const first = f.person.firstName();
  const last = f.person.lastName();
  return {
    user_id: userIdOf(index),
    name: `${first} ${last}`,
    // The index keeps emails unique across the population.
    email: `${emailPart(first)}.${emailPart(last)}.${index}@example.com`,
    consent: profile.consent,
    demographics: { age_band: profile.ageBand, income_tier: profile.incomeTier, region: profile.region },
  };
}
