/**
 * The generator's own seeded PRNG (sfc32, seeded through splitmix32) and seed derivation.
 * Nothing in lib/generator reads Math.random() or the clock: every draw comes from an Rng made
 * from (run seed, user index, purpose tag), so each user is generated independently of the others
 * and the same arguments always give the same bytes.
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ALNUM_UPPER = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** 62^5 < 2^32: one 32-bit draw gives five base62 characters. */
const BASE62_POW5 = 62 ** 5;
/** Length of Plaid's account_id / transaction_id strings. */
export const PLAID_ID_LENGTH = 37;

/** 32-bit string hash (FNV-1a, then an avalanche). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines numbers and strings into one 32-bit seed (order matters). */
export function hashSeed(...parts: ReadonlyArray<number | string>): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    const v = typeof p === "number" ? avalanche((p | 0) ^ Math.imul(Math.floor(p / 2 ** 32) | 0, 0x27d4eb2f)) : hashString(p);
    h = avalanche((h ^ v) + Math.imul(h, 0x6d2b79f5));
  }
  return h;
}

/** Purposes of a user's independent random streams. */
/** "noise" and "noise_tx" draw the planted feed noise (refunds, skipped months, card moves, tax wobble, wrong
 * categories) apart from the plan and transaction streams, so planting it does not reshuffle everything else. */
export type SeedTag = "profile" | "faker" | "plan" | "transactions" | "noise" | "noise_tx";

/** The seed of one user's stream: a function of (run seed, user index, purpose) only. */
export function userSeed(seed: number, userIndex: number, tag: SeedTag): number {
  return hashSeed(seed, userIndex, tag);
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 expands the 32-bit seed into sfc32's 128-bit state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer (sfc32). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Picks by weight: entries are [value, weight] with weight >= 0. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.float() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** k distinct items (k clamped to the list's length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy.slice(0, n);
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(this.float() * 10));
    return s;
  }

  /** Upper-case letters and digits. */
  alnum(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += ALNUM_UPPER[Math.floor(this.float() * ALNUM_UPPER.length)];
    return s;
  }

  /** A Plaid-like id: 37 base62 characters. */
  id(): string {
    let s = "";
    while (s.length < PLAID_ID_LENGTH) {
      let v = this.u32() % BASE62_POW5;
      for (let i = 0; i < 5 && s.length < PLAID_ID_LENGTH; i++) {
        s += BASE62[v % 62];
        v = Math.floor(v / 62);
      }
    }
    return s;
  }
}

/** A Plaid-like 37-character id derived from a string (stable catalog ids such as merchant_entity_id). */
export function stableId(key: string): string {
  return new Rng(hashSeed("stable-id", key)).id();
}
