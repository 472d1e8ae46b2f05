/**
 * Descriptor variants that no merchant key joins (never-enriched `HBO Max` beside `MAX.COM 855-442-6629 NY`):
 * leftover unnamed rows of one exact price form streams across keys (priceStreams), and streams take in the
 * smaller streams and single rows that land on their missing charge dates (absorbVariants). Nothing here
 * changes a row or a stream: each step returns new streams. Decisions: docs/decisions.md ("Merchant identity").
 */
import type { CadenceBand } from "./constants";
import { ABSORB_PASSES, AMOUNT_TOLERANCE, CADENCE_BANDS, PRICE_STREAM_MIN_OCCURRENCES, VARIANT_PRICE_TOLERANCE } from "./constants";
import type { AccountInfo } from "./accounts";
import { D_CARD_PAYMENT, D_FEE, D_PAYMENT_WORD, D_PAYROLL, D_TRANSFER_WORD, F_STREAM } from "./flags";
import type { PTx, PreparedUser } from "./prepare";
import { buildStream, RowSet, type StreamInternal, type StreamKind } from "./stream";

/** Unnamed rows per account (date order) that may be another descriptor of some stream's merchant. */
type VariantPool = Map<AccountInfo, PTx[]>;

/**
 * Rows that can be another descriptor of a stream's merchant, per account in date order: only rows the
 * enrichment did not name (a named row belongs to its own merchant), never transfers, payments or fees.
 */
export function variantPool(p: PreparedUser): VariantPool {
  const pool: VariantPool = new Map();
  for (const r of p.txs) {
    if (!(r.flags & F_STREAM) || r.tx.merchant_name || r.tx.merchant_entity_id) continue;
    if (r.dflags & (D_TRANSFER_WORD | D_PAYMENT_WORD | D_CARD_PAYMENT | D_FEE)) continue;
    const arr = pool.get(r.acct);
    if (arr) arr.push(r);
    else pool.set(r.acct, [r]);
  }
  return pool;
}

/**
 * Fallback for merchants whose descriptors scatter over several keys (never enriched, several variants: "DOW
 * JONES WSJ", "WALL ST JOURNAL", "WSJ DIGITAL"): unnamed rows no stream took, grouped by exact amount, account,
 * direction and PFC detailed category, are tried as streams. Only non-"other" streams are kept, and as price
 * splits a subscription among them must repeat its amount to the cent. Returns the new streams.
 */
export function priceStreams(streams: readonly StreamInternal[], p: PreparedUser, pool: VariantPool): StreamInternal[] {
  const taken = RowSet.ofStreams(p, streams);
  // Leftover unnamed rows sorted by amount (then date): runs of one exact amount.
  const left: PTx[] = [];
  for (const rows of pool.values()) for (const r of rows) if (!taken.has(r)) left.push(r);
  left.sort((a, b) => a.amount - b.amount || a.day - b.day);
  const out: StreamInternal[] = [];
  for (let i = 0; i < left.length; ) {
    let j = i + 1;
    while (j < left.length && left[j].amount === left[i].amount) j++;
    if (j - i >= PRICE_STREAM_MIN_OCCURRENCES) {
      for (const g of byAccountAndCategory(left.slice(i, j))) {
        const s = priceStream(g, p);
        if (s) out.push(s);
      }
    }
    i = j;
  }
  return out;
}

/** Rows of one amount grouped by account and PFC detailed category (first-seen order). */
function byAccountAndCategory(rows: PTx[]): PTx[][] {
  const groups: PTx[][] = [];
  for (const r of rows) {
    const g = groups.find((x) => x[0].acct === r.acct && x[0].tx.pfc_detailed === r.tx.pfc_detailed);
    if (g) g.push(r);
    else groups.push([r]);
  }
  return groups;
}

/** The stream of one same-price group, under its most frequent key; null when it is none or "other". */
function priceStream(g: PTx[], p: PreparedUser): StreamInternal | null {
  if (g.length < PRICE_STREAM_MIN_OCCURRENCES) return null;
  const keys = new Map<string, number>();
  const namedKeys = new Set<string>();
  for (const r of g) {
    keys.set(r.key, (keys.get(r.key) ?? 0) + 1);
    if (r.tx.merchant_name || r.tx.merchant_entity_id) namedKeys.add(r.key);
  }
  // Scattered descriptors of one merchant: the enrichment may name it, but never as two merchants.
  if (namedKeys.size > 1) return null;
  let key = g[g.length - 1].key;
  for (const [k, c] of keys) if (c > (keys.get(key) ?? 0)) key = k;
  const amount = g[0].amount;
  const s = buildStream(g, amount > 0 ? "outflow" : "inflow", key, p.asOfDay, `:p${Math.abs(amount)}`, keys.size > 1 ? "price" : "split");
  return s && s.stream.category !== "other" ? s : null;
}

/** Does `r` land on a missing charge date of the stream whose rows are `rows` (sorted)? */
function fitsSlot(rows: PTx[], r: PTx, band: CadenceBand): boolean {
  const P = band.period;
  const tol = band.slotToleranceDays;
  let i = 0;
  while (i < rows.length && rows[i].day <= r.day) i++;
  const a = i > 0 ? rows[i - 1] : null;
  const b = i < rows.length ? rows[i] : null;
  if (a && a.day === r.day) return false;
  if (a && b) {
    const k = Math.round((b.day - a.day) / P);
    if (k < 2) return false;
    const j = Math.round((r.day - a.day) / P);
    if (j < 1 || j > k - 1) return false;
    return Math.abs(r.day - a.day - j * P) <= tol && Math.abs(b.day - r.day - (k - j) * P) <= tol;
  }
  if (a) return Math.abs(r.day - a.day - P) <= tol;
  if (b) return Math.abs(b.day - r.day - P) <= tol;
  return false;
}

/**
 * The row has the price of the stream's charge just before or just after it (a price change falls between the
 * two): within AMOUNT_TOLERANCE, or within VARIANT_PRICE_TOLERANCE when its descriptor shares a word with the
 * stream's ("SIRIUSXM RADIO" beside "SXM*SIRIUSXM.COM/ACCT"), since a price rise may land on such a row.
 */
function priceFits(rows: PTx[], r: PTx): boolean {
  let i = 0;
  while (i < rows.length && rows[i].day <= r.day) i++;
  const tol = r.tx.pfc_detailed && sharesWord(rows, r.key) ? VARIANT_PRICE_TOLERANCE : AMOUNT_TOLERANCE;
  const near = (a: number) => Math.abs(Math.abs(a) - Math.abs(r.amount)) <= tol * Math.max(Math.abs(a), Math.abs(r.amount));
  return (i > 0 && near(rows[i - 1].amount)) || (i < rows.length && near(rows[i].amount));
}

/** Does `key` share a word of three letters or more with a key of the stream's rows? */
function sharesWord(rows: PTx[], key: string): boolean {
  const words = key.split(" ").filter((w) => w.length >= 3);
  if (!words.length) return false;
  const seen = new Set<string>();
  for (const x of rows) {
    if (seen.has(x.key)) continue;
    seen.add(x.key);
    for (const w of x.key.split(" ")) if (words.includes(w)) return true;
  }
  return false;
}

/** Inserts `extra` rows into a stream's rows when each lands on a missing charge date at the same price; null when one does not. */
function fitAll(rows: PTx[], extra: PTx[], band: CadenceBand): PTx[] | null {
  let out = rows;
  // Grow outwards from the stream: later rows in date order, earlier ones from the nearest back.
  const first = rows[0].day;
  const ordered = [...extra.filter((r) => r.day >= first), ...extra.filter((r) => r.day < first).reverse()];
  for (const r of ordered) {
    if (!priceFits(out, r) || !fitsSlot(out, r, band)) return null;
    out = insertByDay(out, r);
  }
  return out;
}

function insertByDay(rows: PTx[], r: PTx): PTx[] {
  const out = rows.slice();
  let i = out.length;
  while (i > 0 && out[i - 1].day > r.day) i--;
  out.splice(i, 0, r);
  return out;
}

function isNamed(s: StreamInternal): boolean {
  return s.rows.some((r) => r.tx.merchant_name || r.tx.merchant_entity_id);
}

function sameFamily(a: StreamInternal, b: StreamInternal): boolean {
  if (a.stream.direction !== b.stream.direction) return false;
  // Two streams the enrichment named differently are two merchants: only an unnamed variant stream merges.
  if (a.stream.merchant_key !== b.stream.merchant_key && isNamed(a) && isNamed(b)) return false;
  if (a.stream.pfc_detailed !== b.stream.pfc_detailed && a.stream.pfc_detailed && b.stream.pfc_detailed) return false;
  for (const r of b.rows) if (a.rows.some((x) => x.acct === r.acct)) return true;
  return false;
}

/** What a stream would become: its rows with the variants it takes in, under the key and kind it then has. */
interface Growth {
  rows: PTx[];
  /** Smaller streams merged in. */
  streams: StreamInternal[];
  /** Single rows taken in. */
  added: PTx[];
  key: string;
  kind: StreamKind;
}

/**
 * Smaller streams of `s`'s family (order[from..], larger first) whose every charge lands on a missing charge date of
 * `s` at the same price. The merged stream keeps the name the enrichment gave (an unnamed price split takes its
 * named variant's key).
 */
function mergeStreams(s: StreamInternal, order: readonly StreamInternal[], from: number, merged: ReadonlySet<StreamInternal>): Growth {
  const band = CADENCE_BANDS[s.stream.frequency];
  const g: Growth = { rows: s.rows, streams: [], added: [], key: s.stream.merchant_key, kind: s.kind };
  let named = isNamed(s);
  for (let j = from; j < order.length; j++) {
    const t = order[j];
    if (merged.has(t) || !sameFamily(s, t)) continue;
    const fitted = fitAll(g.rows, t.rows, band);
    if (!fitted) continue;
    g.rows = fitted;
    g.streams.push(t);
    if (!named && isNamed(t)) {
      g.key = t.stream.merchant_key;
      named = true;
      g.kind = "merchant";
    }
  }
  return g;
}

/** Single rows outside every stream on `s`'s accounts: same direction, same PFC (or none), a price near the stream's. */
function rowCandidates(s: StreamInternal, rows: PTx[], pool: VariantPool, inStreams: RowSet): PTx[] {
  const outflow = s.stream.direction === "outflow";
  const pfcDetailed = s.stream.pfc_detailed;
  let lo = Infinity;
  let hi = 0;
  for (const r of rows) {
    const a = Math.abs(r.amount);
    if (a < lo) lo = a;
    if (a > hi) hi = a;
  }
  lo /= 1 + VARIANT_PRICE_TOLERANCE;
  hi *= 1 + VARIANT_PRICE_TOLERANCE;
  const cands: PTx[] = [];
  const accts = new Set<AccountInfo>();
  for (const r of s.rows) accts.add(r.acct);
  for (const acc of accts) {
    for (const r of pool.get(acc) ?? []) {
      const a = Math.abs(r.amount);
      if (inStreams.has(r) || r.amount > 0 !== outflow || a < lo || a > hi) continue;
      if (r.tx.pfc_detailed && r.tx.pfc_detailed !== pfcDetailed) continue;
      cands.push(r);
    }
  }
  if (cands.length > 1 && accts.size > 1) cands.sort((x, y) => x.day - y.day);
  return cands;
}

/** Takes in the candidate rows that land on missing charge dates at the stream's price, round after round. */
function takeRows(s: StreamInternal, g: Growth, cands: PTx[]): void {
  const band = CADENCE_BANDS[s.stream.frequency];
  const took = new Uint8Array(cands.length);
  for (let pass = 0; pass < ABSORB_PASSES && cands.length; pass++) {
    let any = false;
    for (let c = 0; c < cands.length; c++) {
      const r = cands[c];
      if (took[c] || !priceFits(g.rows, r) || !fitsSlot(g.rows, r, band)) continue;
      // A payroll descriptor only joins income.
      if (r.dflags & D_PAYROLL && s.stream.category !== "income") continue;
      g.rows = insertByDay(g.rows, r);
      took[c] = 1;
      g.added.push(r);
      any = true;
    }
    if (!any) break;
  }
}

/**
 * One round of joining variants. Larger streams first: a smaller stream of the same direction, account and PFC
 * detailed category whose every charge lands on a missing charge date of the larger one at the same price is
 * merged into it; then single rows outside every stream that do the same join it. The stream is re-derived and
 * kept only if it still has a cadence; otherwise it stays as it was and what it would have taken stays free.
 */
export function absorbVariants(streams: StreamInternal[], p: PreparedUser, pool: VariantPool): StreamInternal[] {
  if (!streams.length) return streams;
  const inStreams = RowSet.ofStreams(p, streams);
  const order = streams.slice().sort((x, y) => y.rows.length - x.rows.length || (x.stream.stream_id < y.stream.stream_id ? -1 : 1));
  const merged = new Set<StreamInternal>();
  const out: StreamInternal[] = [];
  for (let i = 0; i < order.length; i++) {
    const s = order[i];
    if (merged.has(s)) continue;
    const g = mergeStreams(s, order, i + 1, merged);
    takeRows(s, g, rowCandidates(s, g.rows, pool, inStreams));
    if (!g.streams.length && !g.added.length) {
      out.push(s);
      continue;
    }
    const rebuilt = buildStream(g.rows, s.stream.direction, g.key, p.asOfDay, g.key === s.stream.merchant_key ? s.idSuffix : "", g.kind);
    if (!rebuilt) {
      out.push(s);
      continue;
    }
    out.push(rebuilt);
    for (const t of g.streams) merged.add(t);
    for (const r of g.added) inStreams.add(r);
  }
  return out;
}
