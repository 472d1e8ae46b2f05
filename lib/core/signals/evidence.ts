import { EVIDENCE_MAX_TRANSACTION_IDS } from "./constants";
import type { Evidence } from "./types";

/** Collects a signal's evidence; keeps at most EVIDENCE_MAX_TRANSACTION_IDS ids and says how many it left out. */
export class EvidenceBuilder {
  private readonly txIds: string[] = [];
  private txTotal = 0;
  private readonly accountIds = new Set<string>();
  private readonly notes: string[] = [];

  tx(id: string): this {
    this.txTotal++;
    if (this.txIds.length < EVIDENCE_MAX_TRANSACTION_IDS) this.txIds.push(id);
    return this;
  }

  account(id: string): this {
    this.accountIds.add(id);
    return this;
  }

  note(n: string): this {
    this.notes.push(n);
    return this;
  }

  build(): Evidence {
    const notes = this.notes.slice();
    if (this.txTotal > this.txIds.length) {
      notes.push(`${this.txTotal} transactions; the first ${this.txIds.length} are listed (EVIDENCE_MAX_TRANSACTION_IDS)`);
    }
    return { transaction_ids: this.txIds, account_ids: [...this.accountIds], notes };
  }
}

/** Rounds a ratio for notes. */
export function r4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** "$1,234.56" without Intl (fast, locale-free). */
export function usd(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const d = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const c = (abs % 100).toString().padStart(2, "0");
  return `${neg ? "-" : ""}$${d}.${c}`;
}

/** An account as a trace names it: "Checking ••1234" (or its id without a mask). */
export function accountLabel(a: { account_id: string; name: string; mask: string | null }): string {
  return a.mask ? `${a.name} ••${a.mask}` : `${a.name} (${a.account_id})`;
}
