/**
 * Merchant identity. Real feeds name one merchant many ways (`NETFLIX.COM 866-579-7172 CA`,
 * `Netflix.com`, `NETFLIX INC`, merchant_name `Netflix`); they all map to the key `netflix`.
 *
 * - `normalizeDescriptor(name)`: a canonical key for one string (memoized per distinct string).
 * - `merchantKey(tx)`: the key of one transaction on its own: merchant_entity_id, else merchant_name,
 *   else the normalized raw descriptor.
 * - `MerchantResolver`: the keys of one user's transactions together: an entity id takes the normalized
 *   merchant_name seen with it, and a descriptor-only row whose key equals the normalized merchant_name of
 *   another row of the same user, or whose descriptor was seen on rows that carry a merchant_name, joins it.
 */
import { AMOUNT_TOLERANCE, DESCRIPTOR_CACHE_MAX } from "./constants";
import type { CoreTransaction } from "../types";

/** Processor and card-network prefixes that precede the merchant's own name. */
const PREFIX_RE =
  /^(?:SQ\s*\*|TST\s*\*|PAYPAL\s*\*|PP\s*\*|SP\s*\*|SPO\s*\*|PY\s*\*|IC\s*\*|GOOGLE\s*\*|FS\s*\*|BT\s*\*|POS\s+(?:DEBIT|PURCHASE)\s*|POS\s+|DEBIT\s+CARD\s+PURCHASE\s*-?\s*|DEBIT\s+PURCHASE\s*-?\s*|CHECKCARD\s+\d*\s*|PURCHASE\s+AUTHORIZED\s+ON\s+\d\d\/\d\d\s*|RECURRING\s+(?:PAYMENT|PMT|DEBIT)\s*|ACH\s+(?:DEBIT|CREDIT|WITHDRAWAL|DEPOSIT|PMT)?\s*)/;
/** ACH addenda: everything from "PPD ID:", "WEB ID:", "DES:", "INDN:", "CO ID:" on is not the merchant. */
const ACH_TAIL_RE = /\s(?:(?:PPD|WEB|CCD|TEL|ARC|CTX|CO)\s*ID\s*:?|DES\s*:|INDN\s*:|ID\s*:|REF\s*#?\s*:?|CONF\s*#).*$/;
/** Phone numbers (866-579-7172, 866.579.7172, (866) 579 7172, 8665797172). */
const PHONE_RE = /\(?\b\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}\b/g;
/** Web suffixes: NETFLIX.COM, HULU.COM/BILL, WWW.X. */
const WEB_RE = /\bWWW\.|\.(?:COM|NET|ORG|CO|IO|TV|US|APP)\b(?:\/\S*)?/g;
const SPACES_RE = /\s+/g;
const APOSTROPHE_RE = /['’]/g;

/** Words that never identify a merchant (corporate suffixes, card-network filler). */
const DROP_WORDS = new Set([
  "INC", "LLC", "LTD", "CORP", "CORPORATION", "CO", "COMPANY", "THE", "USA", "US", "NA",
  "PURCHASE", "POS", "DEBIT", "CARD", "RECURRING", "ONLINE", "WWW", "STORE", "STR", "MKTPLACE",
]);
const PAYROLL_MARKERS = new Set(["PAYROLL", "PAYRL", "DIRECTDEP", "DIRDEP"]);
const PAYROLL_RAIL_WORDS = new Set(["PAYROLL", "PAYRL", "DIRECT", "DIR", "DEP", "DEPOSIT", "DIRECTDEP", "DIRDEP", "ACH", "PPD", "CREDIT"]);
/** US state and territory codes, dropped when they are the last word of a longer descriptor. */
const STATES = new Set(
  ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK " +
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR").split(" "),
);
/** A few well-known abbreviations to one canonical key (whole key, or first word of a longer key). */
const ALIASES = new Map<string, string>([
  ["amzn", "amazon"],
  ["amzn mktp", "amazon"],
  ["amazon mktp", "amazon"],
  ["amazon marketplace", "amazon"],
  ["amazon com", "amazon"],
  ["wal mart", "walmart"],
  ["wm supercenter", "walmart"],
]);
const ALIAS_FIRST_WORDS = new Map<string, string>([["AMZN", "amazon"]]);

let cache = new Map<string, string>();
let rawCache = new Map<string, string>();
/** Distinct prices remembered per (descriptor, merchant) pair for telling two merchants on one descriptor apart. */
const LEARNED_PRICES_PER_MERCHANT = 8;

function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 42 /* * */ || c === 35 /* # */;
}
function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 38 /* & */;
}

function normalizeUncached(name: string): string {
  let s = name.toUpperCase();
  // Prefixes may stack ("POS DEBIT SQ *BLUE BOTTLE"): strip up to three.
  for (let i = 0; i < 3 && PREFIX_RE.test(s); i++) {
    const next = s.replace(PREFIX_RE, "").trim();
    if (next.length === 0) break;
    s = next;
  }
  // One scan says which of the costlier clean-ups can apply at all.
  let digits = 0;
  let colonOrHash = false;
  let dot = false;
  let apostrophe = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 58 || c === 35) colonOrHash = true;
    else if (c === 46) dot = true;
    else if (c === 39 || c === 0x2019) apostrophe = true;
  }
  if (colonOrHash || s.includes("ID") || s.includes("REF")) s = s.replace(ACH_TAIL_RE, "");
  if (apostrophe) s = s.replace(APOSTROPHE_RE, "");
  if (digits >= 10) s = s.replace(PHONE_RE, " ");
  if (dot) s = s.replace(WEB_RE, " ");
  // Tokens (split on spaces, '*', '#') with digits are store numbers and reference codes ("#0042", "2K3L45"):
  // dropped, unless nothing else is left. Words are runs of letters and '&' (AT&T, H&M); the rest goes.
  const clean: string[] = [];
  const all: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSeparator(s.charCodeAt(i))) i++;
    let j = i;
    let tokenHasDigit = false;
    while (j < n && !isSeparator(s.charCodeAt(j))) {
      const c = s.charCodeAt(j);
      if (c >= 48 && c <= 57) tokenHasDigit = true;
      j++;
    }
    let k = i;
    while (k < j) {
      while (k < j && !isWordChar(s.charCodeAt(k))) k++;
      const w0 = k;
      while (k < j && isWordChar(s.charCodeAt(k))) k++;
      if (k > w0) {
        const w = s.slice(w0, k);
        all.push(w);
        if (!tokenHasDigit) clean.push(w);
      }
    }
    i = j;
  }
  let words = clean.some((w) => w !== "&") ? clean : all;
  // Payroll rails word the same employer's deposits differently ("PAYROLL PPD", "DIRECT DEP", "ACH DEPOSIT ...
  // PAYROLL"): the employer is the identity, the rail words go.
  if (words.some((w) => PAYROLL_MARKERS.has(w)) || ((words.includes("DEP") || words.includes("DEPOSIT")) && (words.includes("DIRECT") || words.includes("DIR")))) {
    const employer = words.filter((w) => !PAYROLL_RAIL_WORDS.has(w));
    if (employer.length > 0) words = employer;
  }
  const kept = words.filter((w) => !DROP_WORDS.has(w));
  if (kept.length > 0) words = kept;
  while (words.length > 1 && STATES.has(words[words.length - 1])) words.pop();
  // "NETFLIX.COM NETFLIX.COM CA" -> "netflix": a word repeated back to back counts once.
  words = words.filter((w, i) => i === 0 || w !== words[i - 1]);
  let key = words.join(" ").toLowerCase();
  if (!key) key = name.toLowerCase().replace(SPACES_RE, " ").trim();
  return ALIASES.get(key) ?? (words.length > 1 ? ALIAS_FIRST_WORDS.get(words[0]) : undefined) ?? key;
}

/** Empties the normalizeDescriptor memo (benchmarks measuring a cold pass, long-running processes). */
export function clearDescriptorCache(): void {
  cache = new Map();
  rawCache = new Map();
}

/**
 * The descriptor without its words that carry digits (store numbers, phone numbers, order and transfer references:
 * the parts that change from row to row), separators kept; dates "MM/DD" stay (a bank prefix needs them). The
 * normalization drops those words anyway, so this is the memo key: "AMZN Mktp US*F3X862NBM" and
 * "AMZN Mktp US*5XQ9CRV03" share one entry. Returns `name` itself when it has no digits, "" when it is all digits.
 */
export function reduceDescriptor(name: string): string {
  const n = name.length;
  let i = 0;
  while (i < n && !isDigit(name.charCodeAt(i))) i++;
  if (i === n) return name;
  let out = "";
  let from = 0;
  let t = 0;
  while (t < n) {
    // A token runs to the next separator (space, tab, '*', '#').
    let e = t;
    let digit = false;
    while (e < n && !isSeparator(name.charCodeAt(e))) {
      if (isDigit(name.charCodeAt(e))) digit = true;
      e++;
    }
    if (digit && !isDate(name, t, e)) {
      out += name.slice(from, t);
      from = e;
    }
    t = e + 1;
  }
  return out + name.slice(from);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isDate(s: string, a: number, b: number): boolean {
  return b - a === 5 && s.charCodeAt(a + 2) === 47 && isDigit(s.charCodeAt(a)) && isDigit(s.charCodeAt(a + 1)) && isDigit(s.charCodeAt(a + 3)) && isDigit(s.charCodeAt(a + 4));
}

/** Canonical merchant key of a raw descriptor or merchant name (lower case, no digits, no noise). Memoized. */
export function normalizeDescriptor(name: string): string {
  // Raw descriptors repeat (the same subscription every month): a first cache on the raw string
  // skips reduceDescriptor for them; the second, on the reduced form, serves per-row variants.
  const hit = rawCache.get(name);
  if (hit !== undefined) return hit;
  const k = normalizeReduced(name);
  if (rawCache.size >= DESCRIPTOR_CACHE_MAX) rawCache = new Map();
  rawCache.set(name, k);
  return k;
}

function normalizeReduced(name: string): string {
  const r = reduceDescriptor(name);
  // Nothing but digit words ("7-ELEVEN 12345"): the full string decides (digits stripped from the words).
  const memoKey = hasLetter(r) ? r : name;
  let k = cache.get(memoKey);
  if (k === undefined) {
    k = normalizeUncached(memoKey);
    if (cache.size >= DESCRIPTOR_CACHE_MAX) cache = new Map();
    cache.set(memoKey, k);
  }
  return k;
}

function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** The key of a transaction on its own: merchant_entity_id, else merchant_name, else the normalized descriptor. */
export function merchantKey(tx: Pick<CoreTransaction, "merchant_entity_id" | "merchant_name" | "name">): string {
  if (tx.merchant_entity_id) return `ent:${tx.merchant_entity_id}`;
  if (tx.merchant_name) return normalizeDescriptor(tx.merchant_name);
  return normalizeDescriptor(tx.name);
}

type Row = Pick<CoreTransaction, "merchant_entity_id" | "merchant_name" | "name"> & { amount_cents?: number };

/**
 * Resolves one user's transactions to shared merchant keys (see the file comment). A descriptor-only row
 * joins a merchant when its normalized descriptor
 * 1. equals the normalized merchant_name of another row, or
 * 2. was seen on other rows that carry a merchant_name (the same descriptor variant, enriched elsewhere);
 *    when one descriptor serves several merchants ("APPLE.COM/BILL" for Apple Music and iCloud) the
 *    merchant whose price matches the row's amount wins, or
 * A descriptor that only starts with a merchant's name is not joined ("UBER *ONE MEMBERSHIP" is not a ride with
 * "Uber"); rows of such variants still join a stream when they land on its missing charge dates (recurring.ts).
 */
export class MerchantResolver {
  private readonly entityKey = new Map<string, string>();
  private readonly nameKeys = new Set<string>();
  /** Normalized descriptor -> merchant_name keys seen with it -> the latest distinct absolute amounts seen. */
  private readonly descNames = new Map<string, Map<string, number[]>>();

  /** Named rows whose descriptors are learned only when a row without merchant_name needs them. */
  private readonly pending: Row[] = [];
  private pendingKeys: string[] = [];

  /** First pass: learn every merchant_name, the entity it belongs to, and the descriptors it shows up under. */
  learn(tx: Row): void {
    if (tx.merchant_name) this.learnNamed(tx);
  }

  /** learn() for a row with a merchant_name; returns its key (the normalized merchant_name). */
  learnNamed(tx: Row): string {
    const k = normalizeDescriptor(tx.merchant_name!);
    this.nameKeys.add(k);
    this.pending.push(tx);
    this.pendingKeys.push(k);
    return k;
  }

  /**
   * Learns the entities and descriptors of the named rows seen so far (deferred: a user whose rows all carry a
   * merchant_name never needs it). A merchant's rows repeat a few raw descriptors: those already seen for the
   * merchant are matched by plain string comparison instead of a normalization lookup.
   */
  private flushDescriptors(): void {
    const rows = this.pending;
    if (!rows.length) return;
    const seenRaw = new Map<string, { raw: string; prices: number[] | null }[]>();
    for (let i = 0; i < rows.length; i++) {
      const tx = rows[i];
      const k = this.pendingKeys[i];
      if (tx.merchant_entity_id && !this.entityKey.has(tx.merchant_entity_id)) this.entityKey.set(tx.merchant_entity_id, k);
      const amount = Math.abs(tx.amount_cents ?? 0);
      let raws = seenRaw.get(k);
      if (!raws) seenRaw.set(k, (raws = []));
      let prices: number[] | null | undefined;
      for (let j = 0; j < raws.length; j++) {
        if (raws[j].raw === tx.name) {
          prices = raws[j].prices;
          break;
        }
      }
      if (prices === undefined) {
        // A merchant with many descriptors (per-row reference codes): the first few teach enough.
        if (raws.length >= LEARNED_PRICES_PER_MERCHANT) continue;
        const d = normalizeDescriptor(tx.name);
        if (d === k) prices = null;
        else {
          let m = this.descNames.get(d);
          if (!m) this.descNames.set(d, (m = new Map()));
          prices = m.get(k) ?? null;
          if (!prices) m.set(k, (prices = []));
        }
        raws.push({ raw: tx.name, prices });
      }
      if (prices && !prices.includes(amount)) {
        if (prices.length >= LEARNED_PRICES_PER_MERCHANT) prices.shift();
        prices.push(amount);
      }
    }
    rows.length = 0;
    this.pendingKeys = [];
  }

  /** Second pass: the shared key of a row. */
  key(tx: Row): string {
    if (this.pending.length) this.flushDescriptors();
    if (tx.merchant_entity_id) {
      const k = this.entityKey.get(tx.merchant_entity_id);
      if (k !== undefined) return k;
      if (!tx.merchant_name) return `ent:${tx.merchant_entity_id}`;
    }
    if (tx.merchant_name) return normalizeDescriptor(tx.merchant_name);
    const desc = normalizeDescriptor(tx.name);
    const seen = this.descNames.get(desc);
    if (seen) {
      // The merchant this very descriptor was named as, at this price ("APPLE.COM/BILL" at $16.99 is Apple Music
      // even though "apple" is also the Apple Store's name); else its only merchant, unless it is a name itself.
      const k = this.byPrice(seen, Math.abs(tx.amount_cents ?? 0));
      if (k !== null) return k;
      if (seen.size === 1 && !this.nameKeys.has(desc)) return seen.keys().next().value!;
    }
    return desc;
  }

  private byPrice(seen: Map<string, number[]>, amount: number): string | null {
    let best: string | null = null;
    let bestDiff = Infinity;
    for (const [k, amounts] of seen) {
      for (const a of amounts) {
        const diff = Math.abs(a - amount) / Math.max(a, amount, 1);
        if (diff < bestDiff) {
          best = k;
          bestDiff = diff;
        }
      }
    }
    return bestDiff <= AMOUNT_TOLERANCE ? best : null;
  }
}

/** "netflix" -> "Netflix", for a stream with no merchant_name. */
export function displayName(key: string): string {
  if (key.startsWith("ent:")) return key.slice(4);
  return key.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}
