/** Small helpers for `npm run bench`: one JSON line per figure, medians, machine context. */
import os from "node:os";

export const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", node: process.version, mem_gb: Math.round(os.totalmem() / 2 ** 30) };

export function emit(name: string, value: number, unit: string, context: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, value: Number(value.toPrecision(6)), unit, ...context }));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export async function time<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}
