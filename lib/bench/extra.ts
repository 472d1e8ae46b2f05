/** Benchmarks of later stages (signals, pipeline); filled in as those stages land. */
export async function runExtraBenches(_opts: { dir: string; asOf: string; bundle100k: string; pgUrl: string | null; ctx: Record<string, unknown> }): Promise<void> {}
