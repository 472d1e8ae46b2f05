/**
 * Merchant identity. Real feeds name one merchant many ways (`NETFLIX.COM 866-579-7172 CA`,
 * `Netflix.com`, `NETFLIX INC`, merchant_name `Netflix`); they all map to the key `netflix`.
 *
 * - `normalizeDescriptor(name)`: a canonical key for one string (memoized per distinct string).
 * - `merchantKey(tx)`: the key of one transaction on its own: merchant_entity_id, else merchant_name,
 *   else the normalized raw descriptor.
 * - `MerchantResolver`: the keys of one user's transactions together: an entity id takes the normalized
 *   merchant_name seen with it, and a descriptor-only row whose key equals (or starts with, at a word
 *   boundary) the normalized merchant_name of another row of the same user joins that merchant.
 */
import { DESCRIPTOR_CACHE_MAX } from "./constants";
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
const NON_ALNUM_RE = /[^A-Z& ]+/g;
const SPACES_RE = /\s+/g;
const STAR_HASH_RE = /[*#]/g;
const APOSTROPHE_RE = /['’]/g;
const DIGIT_RE = /\d/;
const LETTER_RE = /[A-Z]/;

/** Words that never identify a merchant (corporate suffixes, card-network filler). */
const DROP_WORDS = new Set([
  "INC", "LLC", "LTD", "CORP", "CORPORATION", "CO", "COMPANY", "THE", "USA", "US", "NA",
  "PURCHASE", "POS", "DEBIT", "CARD", "RECURRING", "ONLINE", "WWW", "STORE", "STR", "MKTPLACE",
]);
/** US state and territory codes, dropped when they are the last word of a longer descriptor. */
const STATES = new Set(
  ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK " +
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR").split(" "),
);
/** A few well-known abbreviations to one canonical key. */
const ALIASES: Record<string, string> = {
  amzn: "amazon",
  "amzn mktp": "amazon",
  "amazon mktp": "amazon",
  "amazon marketplace": "amazon",
  "amazon com": "amazon",
  "wal mart": "walmart",
  "wm supercenter": "walmart",
};

let cache = new Map<string, string>();

function normalizeUncached(name: string): string {
  let s = name.toUpperCase().trim();
  // Prefixes may stack ("POS DEBIT SQ *BLUE BOTTLE"): strip up to three.
  for (let i = 0; i < 3; i++) {
    const next = s.replace(PREFIX_RE, "");
    if (next === s || next.length === 0) break;
    s = next.trim();
  }
  s = s.replace(ACH_TAIL_RE, "").replace(APOSTROPHE_RE, "");
  s = s.replace(PHONE_RE, " ").replace(WEB_RE, " ");
  // Words with digits are store numbers and reference codes ("#0042", "2K3L45"): dropped, unless nothing else is left.
  const raw = s.replace(STAR_HASH_RE, " ").split(SPACES_RE);
  const noDigits = raw.filter((w) => w && !DIGIT_RE.test(w));
  s = (noDigits.some((w) => LETTER_RE.test(w)) ? noDigits : raw).join(" ");
  // Remaining digits and punctuation go; '&' stays (AT&T, H&M).
  s = s.replace(NON_ALNUM_RE, " ").replace(SPACES_RE, " ").trim();
  let words = s.length ? s.split(" ") : [];
  const kept = words.filter((w) => !DROP_WORDS.has(w));
  if (kept.length > 0) words = kept;
  while (words.length > 1 && STATES.has(words[words.length - 1])) words.pop();
  let key = words.join(" ").toLowerCase();
  if (!key) key = name.toLowerCase().replace(SPACES_RE, " ").trim();
  const alias = ALIASES[key] ?? (words.length > 1 ? ALIASES[words[0].toLowerCase()] : undefined);
  return alias ?? key;
}

/** Canonical merchant key of a raw descriptor or merchant name (lower case, no digits, no noise). Memoized. */
export function normalizeDescriptor(name: string): string {
  let k = cache.get(name);
  if (k === undefined) {
    k = normalizeUncached(name);
    if (cache.size >= DESCRIPTOR_CACHE_MAX) cache = new Map();
    cache.set(name, k);
  }
  return k;
}

/** The key of a transaction on its own: merchant_entity_id, else merchant_name, else the normalized descriptor. */
export function merchantKey(tx: Pick<CoreTransaction, "merchant_entity_id" | "merchant_name" | "name">): string {
  if (tx.merchant_entity_id) return `ent:${tx.merchant_entity_id}`;
  if (tx.merchant_name) return normalizeDescriptor(tx.merchant_name);
  return normalizeDescriptor(tx.name);
}

/** Resolves one user's transactions to shared merchant keys (see the file comment). */
export class MerchantResolver {
  private readonly entityKey = new Map<string, string>();
  private readonly nameKeys = new Set<string>();
  private readonly descResolved = new Map<string, string>();
  private sortedNameKeys: string[] | null = null;

  /** First pass: learn every merchant_name (and which entity it belongs to). */
  learn(tx: Pick<CoreTransaction, "merchant_entity_id" | "merchant_name">): void {
    if (!tx.merchant_name) return;
    const k = normalizeDescriptor(tx.merchant_name);
    this.nameKeys.add(k);
    if (tx.merchant_entity_id && !this.entityKey.has(tx.merchant_entity_id)) this.entityKey.set(tx.merchant_entity_id, k);
    this.sortedNameKeys = null;
  }

  /** Second pass: the shared key of a row. */
  key(tx: Pick<CoreTransaction, "merchant_entity_id" | "merchant_name" | "name">): string {
    if (tx.merchant_entity_id) {
      const k = this.entityKey.get(tx.merchant_entity_id);
      if (k !== undefined) return k;
      if (!tx.merchant_name) return `ent:${tx.merchant_entity_id}`;
    }
    if (tx.merchant_name) return normalizeDescriptor(tx.merchant_name);
    return this.resolveDescriptor(normalizeDescriptor(tx.name));
  }

  private resolveDescriptor(desc: string): string {
    let r = this.descResolved.get(desc);
    if (r !== undefined) return r;
    r = desc;
    if (!this.nameKeys.has(desc)) {
      // Longest merchant_name key that the descriptor starts with at a word boundary ("spotify usa" -> "spotify").
      if (!this.sortedNameKeys) this.sortedNameKeys = [...this.nameKeys].sort((a, b) => b.length - a.length);
      for (const nk of this.sortedNameKeys) {
        if (nk.length >= 3 && desc.length > nk.length && desc.charCodeAt(nk.length) === 32 && desc.startsWith(nk)) {
          r = nk;
          break;
        }
      }
    }
    this.descResolved.set(desc, r);
    return r;
  }
}

/** "netflix" -> "Netflix", for a stream with no merchant_name. */
export function displayName(key: string): string {
  if (key.startsWith("ent:")) return key.slice(4);
  return key.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}
