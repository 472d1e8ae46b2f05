/**
 * Streams the bundle to disk in bounded memory. The bundle's top-level arrays are written one after
 * the other (users, accounts, transactions, liabilities.credit/student/mortgage), each in its own pass
 * over the users; each pass rebuilds the cheap per-user plan instead of keeping it, and only the
 * transaction pass draws the (expensive) everyday purchases. Writes honour backpressure.
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";
import { labelsPathFor, periodOf, validateOptions, type WriteOptions } from "./options";
import { planUser } from "./plan";
import { accountsOf, transactionJson, userOf } from "./sections";
import { generateTransactions } from "./transactions";

/** Characters buffered before a write to the stream. */
export const WRITE_CHUNK_CHARS = 1 << 20;

export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly stream: WriteStream) {}

  /** Buffers synchronously; call `settle` now and then to hand full chunks to the stream. */
  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  /** Writes the buffer once it is a chunk, waiting for the stream to drain when it asks to. */
  async settle(): Promise<void> {
    if (this.size >= WRITE_CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  async end(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once("error", reject);
      this.stream.end(() => resolve());
    });
  }
}

/** Writes a JSON array's items, one per line, separated by commas. */
class ArrayWriter {
  private first = true;
  constructor(private readonly w: ChunkWriter) {}
  item(value: unknown): void {
    this.json(JSON.stringify(value));
  }
  json(serialized: string): void {
    this.w.push((this.first ? "\n" : ",\n") + serialized);
    this.first = false;
  }
  /** The closing newline (when the array had items) before the next token. */
  close(): string {
    return this.first ? "" : "\n";
  }
}

export interface WriteResult {
  users: number;
  transactions: number;
  seconds: number;
}

export async function writeBundle(opts: WriteOptions): Promise<WriteResult> {
  validateOptions(opts);
  const started = process.hrtime.bigint();
  const period = periodOf(opts);
  mkdirSync(dirname(opts.out), { recursive: true });
  const bundle = new ChunkWriter(createWriteStream(opts.out, { encoding: "utf8" }));
  const labels = new ChunkWriter(createWriteStream(labelsPathFor(opts.out), { encoding: "utf8" }));
  const { users, seed } = opts;

  bundle.push('{"users":[');
  let arr = new ArrayWriter(bundle);
  for (let i = 0; i < users; i++) {
    arr.item(userOf(seed, i));
    await bundle.settle();
  }

  bundle.push(arr.close() + '],"accounts":[');
  arr = new ArrayWriter(bundle);
  for (let i = 0; i < users; i++) {
    for (const a of accountsOf(planUser(seed, i, period))) arr.item(a);
    await bundle.settle();
  }

  bundle.push(arr.close() + '],"transactions":[');
  arr = new ArrayWriter(bundle);
  let transactions = 0;
  for (let i = 0; i < users; i++) {
    const out = generateTransactions(seed, period, planUser(seed, i, period), opts.enrichment);
    if (out.transactions.length > 0) arr.json(out.transactions.map(transactionJson).join(",\n"));
    transactions += out.transactions.length;
    labels.push(JSON.stringify(out.labels) + "\n");
    await bundle.settle();
    await labels.settle();
  }

  bundle.push(arr.close() + '],"liabilities":{"credit":[');
  for (const kind of ["credit", "student", "mortgage"] as const) {
    if (kind !== "credit") bundle.push(arr.close() + `],"${kind}":[`);
    arr = new ArrayWriter(bundle);
    for (let i = 0; i < users; i++) {
      for (const l of planUser(seed, i, period)[kind]) arr.item(l);
      await bundle.settle();
    }
  }
  bundle.push(arr.close() + "]}}\n");
  await Promise.all([bundle.end(), labels.end()]);
  return { users, transactions, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
