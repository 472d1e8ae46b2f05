/**
 * A streaming reader of the ingest bundle. It walks the bundle's outer structure
 * ({ users: [...], accounts: [...], transactions: [...], liabilities: { credit: [...], ... } })
 * and hands out each array element as it completes, parsed with the native JSON.parse, so a
 * bundle of any size is read in bounded memory (one element at a time plus one input chunk).
 * Unknown top-level keys are skipped. Malformed JSON throws BundleSyntaxError with the offset.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { checkUtf8, completeUtf8Prefix } from "./utf8";

export type Section = "users" | "accounts" | "transactions" | "credit" | "student" | "mortgage";
export const TOP_SECTIONS = new Set<Section>(["users", "accounts", "transactions"]);
export const LIABILITY_SECTIONS = new Set<Section>(["credit", "student", "mortgage"]);

export interface ScannedItem {
  section: Section;
  index: number;
  value: unknown;
  /** The element's text holds a \u escape: its strings are checked for NUL and lone surrogates. */
  escaped?: boolean;
}

export class BundleSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    unit: "character" | "byte" = "character",
  ) {
    super(`${message} at ${unit} ${offset}`);
  }
}

/** More elements than the caller allows (the API's INGEST_MAX_ITEMS); scanning stops there. */
export class BundleTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the bundle holds more than ${limit} elements`);
  }
}

/** A structural problem the scanner can name by path, e.g. "transactions" that is not an array. */
export class BundleShapeError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

type Frame =
  | { kind: "obj"; path: string; state: "key" | "colon" | "value" | "comma"; key: string | null; first: boolean }
  | { kind: "arr"; path: string; state: "value" | "comma"; section: Section | null; index: number };

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);
const BACKSLASH_U = Buffer.from("\\u");
/** Elements handed on per batch (validation, lookups, writes) and parsed per JSON.parse call. */
export const INGEST_BATCH_ITEMS = 2000;
const RUN_MAX = INGEST_BATCH_ITEMS;
/** Bytes read from a file at a time (read synchronously: the page cache answers at memory speed). */
export const READ_CHUNK_BYTES = 4 << 20;

/** A file's bytes in READ_CHUNK_BYTES chunks. */
export function* fileChunks(file: string): Generator<Buffer> {
  const fd = openSync(file, "r");
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const n = readSync(fd, buf, 0, READ_CHUNK_BYTES, null);
      if (n === 0) return;
      yield n === READ_CHUNK_BYTES ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Push-style scanner: feed() text chunks, collect items from the callback, then end(). */
export class BundleScanner {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private consumed = 0; // characters dropped from the front of buf
  private stack: Frame[] = [];
  private done = false;
  private started = false;
  // capture of one value token (an element, a key, or a skipped value)
  private cap: { start: number; depth: number; inStr: boolean; esc: boolean; scalar: boolean; purpose: "element" | "key" | "skip" } | null = null;

  /** bytes of buf already checked to be UTF-8 */
  private checked = 0;
  private elements = 0;

  /** maxItems: elements (users, accounts, transactions, liabilities) allowed before BundleTooLarge. */
  constructor(
    private readonly onItem: (item: ScannedItem) => void,
    private readonly maxItems = Infinity,
  ) {}

  /** Feeds UTF-8 bytes (or text). Structural characters are ASCII, so bytes are scanned directly. */
  feed(input: Uint8Array | string): void {
    const chunk = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    this.flushRun();
    // Keep what a capture still needs and any bytes not yet checked (a character split by the chunk).
    const keep = Math.min(this.cap ? this.cap.start : this.pos, this.checked);
    this.consumed += keep;
    this.buf = keep === this.buf.length ? chunk : Buffer.concat([this.buf.subarray(keep), chunk]);
    if (this.cap) this.cap.start -= keep;
    this.pos -= keep;
    this.checked -= keep;
    this.checkUtf8(false);
    this.run(false);
  }

  private checkUtf8(atEnd: boolean): void {
    const end = atEnd ? this.buf.length : completeUtf8Prefix(this.buf);
    const bad = checkUtf8(this.buf, this.checked, end);
    if (bad !== -1) throw new BundleSyntaxError("Invalid UTF-8 (the bundle must be UTF-8 encoded)", this.consumed + bad, "byte");
    this.checked = Math.max(this.checked, end);
  }

  end(): void {
    this.checkUtf8(true);
    this.run(true);
    this.flushRun();
    if (!this.done) throw new BundleSyntaxError(this.started ? "Unexpected end of input" : "Empty body: expected a JSON object", this.consumed + this.pos);
  }

  private fail(msg: string): never {
    throw new BundleSyntaxError(msg, this.consumed + this.pos);
  }

  private run(atEnd: boolean): void {
    const s = this.buf;
    while (this.pos < s.length || (atEnd && this.cap?.scalar)) {
      if (this.cap) {
        if (!this.scanCapture(s, atEnd)) return;
        continue;
      }
      const c = s[this.pos];
      if (WS.has(c)) {
        this.pos++;
        continue;
      }
      if (this.done) this.fail("Unexpected data after the bundle");
      this.step(c);
    }
  }

  /** Continues a capture; returns false when more input is needed. */
  private scanCapture(s: Buffer, atEnd: boolean): boolean {
    const cap = this.cap!;
    let i = this.pos;
    const n = s.length;
    if (cap.scalar) {
      for (; i < n; i++) {
        const c = s[i];
        if (c === 0x2c || c === 0x5d || c === 0x7d || c === 0x3a || WS.has(c)) break;
      }
      if (i === n && !atEnd) {
        this.pos = i;
        return false;
      }
      this.pos = i;
      this.finishCapture(cap.start, i);
      return true;
    }
    let { depth, inStr, esc } = cap;
    for (; i < n; i++) {
      const c = s[i];
      if (inStr) {
        if (esc) esc = false;
        else if (c === 0x5c) esc = true;
        else if (c === 0x22) {
          inStr = false;
          if (depth === 0) break;
        }
      } else if (c === 0x22) inStr = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) break;
      }
    }
    if (i === n) {
      cap.depth = depth;
      cap.inStr = inStr;
      cap.esc = esc;
      this.pos = i;
      if (atEnd) this.fail("Unexpected end of input inside a value");
      return false;
    }
    this.pos = i + 1;
    this.finishCapture(cap.start, i + 1);
    return true;
  }

  /**
   * Completed elements of the current array that sit in the buffer, parsed together with one
   * JSON.parse (much cheaper than one call per element). Flushed before the buffer moves, when
   * the array closes, and every RUN_MAX elements.
   */
  private run_: { section: Section; firstIndex: number; start: number; end: number; bounds: number[] } | null = null;

  private flushRun(): void {
    const r = this.run_;
    if (!r) return;
    this.run_ = null;
    let values: unknown[];
    try {
      values = JSON.parse(`[${this.buf.toString("utf8", r.start, r.end)}]`) as unknown[];
    } catch {
      values = [];
      for (let k = 0; k < r.bounds.length; k += 2) {
        try {
          values.push(JSON.parse(this.buf.toString("utf8", r.bounds[k], r.bounds[k + 1])));
        } catch {
          this.pos = r.bounds[k];
          this.fail(`Invalid JSON value ${JSON.stringify(this.buf.toString("utf8", r.bounds[k], Math.min(r.bounds[k + 1], r.bounds[k] + 40)))}`);
        }
      }
    }
    // One search usually shows that no element of the run holds a \u escape; else find which do.
    const runText = this.buf.subarray(0, r.end);
    let esc = runText.indexOf(BACKSLASH_U, r.start);
    for (let k = 0; k < values.length; k++) {
      const [from, to] = [r.bounds[2 * k], r.bounds[2 * k + 1]];
      if (esc !== -1 && esc < from) esc = runText.indexOf(BACKSLASH_U, from);
      const item: ScannedItem = { section: r.section, index: r.firstIndex + k, value: values[k] };
      if (esc !== -1 && esc < to) item.escaped = true;
      this.onItem(item);
    }
  }

  private finishCapture(start: number, end: number): void {
    const cap = this.cap!;
    this.cap = null;
    const top = this.stack[this.stack.length - 1];
    if (cap.purpose === "element" && top.kind === "arr" && top.section) {
      if (++this.elements > this.maxItems) throw new BundleTooLarge(this.maxItems);
      const r = this.run_;
      if (r && r.section === top.section && r.firstIndex + r.bounds.length / 2 === top.index) {
        r.end = end;
        r.bounds.push(start, end);
      } else {
        this.flushRun();
        this.run_ = { section: top.section, firstIndex: top.index, start, end, bounds: [start, end] };
      }
      if (this.run_!.bounds.length >= RUN_MAX * 2) this.flushRun();
      this.valueDone();
      return;
    }
    if (cap.purpose === "skip" && !cap.scalar) {
      this.valueDone();
      return;
    }
    const text = this.buf.toString("utf8", start, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.pos = cap.start;
      this.fail(`Invalid JSON value ${JSON.stringify(text.slice(0, 40))}`);
    }
    if (cap.purpose === "key") {
      if (top.kind !== "obj" || typeof value !== "string") this.fail("Expected a property name");
      top.key = value as string;
      top.state = "colon";
      return;
    }
    this.valueDone();
  }

  private valueDone(): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.done = true;
      return;
    }
    if (top.kind === "arr") {
      top.index++;
      top.state = "comma";
    } else top.state = "comma";
  }

  private startCapture(c: number, purpose: "element" | "key" | "skip"): void {
    const scalar = c !== 0x7b && c !== 0x5b && c !== 0x22;
    this.cap = { start: this.pos, depth: c === 0x22 ? 0 : 1, inStr: c === 0x22, esc: false, scalar, purpose };
    this.pos++;
    if (scalar) this.pos--;
  }

  private step(c: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.started) this.fail("Unexpected data after the bundle");
      if (c !== 0x7b) this.fail("Expected the bundle to be a JSON object");
      this.started = true;
      this.stack.push({ kind: "obj", path: "", state: "key", key: null, first: true });
      this.pos++;
      return;
    }
    if (top.kind === "obj") {
      switch (top.state) {
        case "key":
          if (c === 0x7d && top.first) return this.close();
          if (c !== 0x22) this.fail("Expected a property name");
          top.first = false;
          return this.startCapture(c, "key");
        case "colon":
          if (c !== 0x3a) this.fail("Expected ':'");
          top.state = "value";
          this.pos++;
          return;
        case "value":
          return this.startValue(c, top);
        case "comma":
          if (c === 0x2c) {
            top.state = "key";
            this.pos++;
            return;
          }
          if (c === 0x7d) return this.close();
          this.fail("Expected ',' or '}'");
      }
    } else {
      if (top.state === "comma") {
        if (c === 0x2c) {
          top.state = "value";
          this.pos++;
          return;
        }
        if (c === 0x5d) return this.close();
        this.fail("Expected ',' or ']'");
      }
      if (c === 0x5d && top.index === 0) return this.close();
      return this.startCapture(c, top.section ? "element" : "skip");
    }
  }

  private startValue(c: number, top: Extract<Frame, { kind: "obj" }>): void {
    const depth = this.stack.length; // 1 = inside the root object
    const key = top.key!;
    const path = top.path ? `${top.path}.${key}` : key;
    const isTop = depth === 1 && TOP_SECTIONS.has(key as Section);
    const isLiab = depth === 2 && top.path === "liabilities" && LIABILITY_SECTIONS.has(key as Section);
    if (isTop || isLiab) {
      if (c === 0x5b) {
        this.stack.push({ kind: "arr", path, state: "value", section: key as Section, index: 0 });
        this.pos++;
        return;
      }
      if (isLiab && c === 0x6e /* null */) return this.startCapture(c, "skip");
      throw new BundleShapeError(path, "must be an array");
    }
    if (depth === 1 && key === "liabilities") {
      if (c === 0x7b) {
        this.stack.push({ kind: "obj", path: "liabilities", state: "key", key: null, first: true });
        this.pos++;
        return;
      }
      if (c === 0x6e /* null */) return this.startCapture(c, "skip");
      throw new BundleShapeError("liabilities", "must be an object with credit, student and mortgage arrays");
    }
    this.startCapture(c, "skip");
  }

  private close(): void {
    this.flushRun();
    this.pos++;
    this.stack.pop();
    this.valueDone();
  }
}


/** Reads a whole stream of text chunks, yielding items in batches (for async consumers). */
export async function* scanBundle(source: AsyncIterable<string | Buffer>, batchSize = INGEST_BATCH_ITEMS): AsyncGenerator<ScannedItem[]> {
  let batch: ScannedItem[] = [];
  const scanner = new BundleScanner((item) => batch.push(item));
  for await (const chunk of source) {
    scanner.feed(chunk);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  scanner.end();
  if (batch.length) yield batch;
}
