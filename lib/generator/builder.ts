/**
 * PlanBuilder: the mutable scratchpad the plan modules (income, bills, credit, cash, ...) fill in,
 * plus the small shared helpers they need: binding a merchant to a TxnSource, scheduling recurring
 * dates, and the posting rules of each payment rail.
 */
import type { Frequency } from "../core/signals/types";
import { bindTemplate, type DescriptorContext } from "./descriptors";
import { addMonthsDay, dayFromYmd, nextBusinessDay, previousBusinessDay, ymd } from "./days";
import type { Channel, MerchantDef } from "./merchants";
import type {
  AccountPlan, AccountRole, NoisePlan, PendingHold, PlannedFee, PlannedTxn, Profile, SpendSlice, StreamKind, StreamPlan, TxnSource,
} from "./model";
import type { Period } from "./options";
import { pfc, type Confidence, type PfcDetailed } from "./pfc";
import type { Traits } from "./population";
import type { Rng } from "./rng";

// ---------------------------------------------------------------------------------------------
// Feed noise shared by every stream
// ---------------------------------------------------------------------------------------------

/** brief: "merchant_name null for ~25%": streams whose payee the enrichment never names. */
export const NEVER_ENRICHED_STREAM_RATE = 0.12;
/** Streams named on only part of their rows. */
export const PARTLY_ENRICHED_STREAM_RATE = 0.25;
export const PARTLY_ENRICHED_ROW_RATE = 0.6;
/** Share of a stream's rows that show another descriptor variant than its usual one. */
export const DESCRIPTOR_VARIANT_RATE = 0.2;
/** Confidence levels Plaid attaches to categories, by weight. */
export const CONFIDENCE_WEIGHTS: ReadonlyArray<readonly [Confidence, number]> = [
  ["VERY_HIGH", 55], ["HIGH", 30], ["MEDIUM", 11], ["LOW", 4],
];
/** Card charges that show up as a pending twin before they post. */
export const CARD_PENDING_TWIN_RATE = 0.1;

/** Card postings lag the authorization by 0–2 days: [lag, weight]. */
export const CARD_POSTING_LAG_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[0, 45], [1, 40], [2, 15]];

export interface AccountSpec {
  role: AccountRole;
  type: AccountPlan["type"];
  subtype: string;
  name: string;
  official_name: string | null;
  holder_category?: "personal" | "business";
  limitCents?: number | null;
}

export interface SourceOptions {
  ctx?: DescriptorContext;
  channel?: Channel;
  pfc?: PfcDetailed;
  /** Override the enrichment: 0 = never named, 1 = always named. */
  enrichRate?: number;
  pendingTwinRate?: number;
  /** Override the descriptor list (templates) and the merchant name. */
  descriptors?: readonly string[];
  merchantName?: string | null;
}

export class PlanBuilder {
  readonly accounts: AccountPlan[] = [];
  readonly planned: PlannedTxn[] = [];
  readonly streams: StreamPlan[] = [];
  readonly slices: SpendSlice[] = [];
  readonly fees: PlannedFee[] = [];
  readonly holds: PendingHold[] = [];
  readonly noiseCases: NoisePlan[] = [];
  private readonly masks = new Set<string>();

  constructor(
    readonly rng: Rng,
    readonly period: Period,
    readonly profile: Profile,
    readonly traits: Traits,
    /** Draws of the planted feed noise (its own stream: see rng.ts). */
    readonly noise: Rng = rng,
  ) {}

  /** Registers a planted noise case; returns its index for PlannedTxn.noise. */
  noiseCase(c: NoisePlan): number {
    this.noiseCases.push(c);
    return this.noiseCases.length - 1;
  }

  account(spec: AccountSpec): number {
    let mask = this.rng.digits(4);
    while (this.masks.has(mask)) mask = this.rng.digits(4);
    this.masks.add(mask);
    this.accounts.push({
      account_id: this.rng.id(),
      role: spec.role,
      type: spec.type,
      subtype: spec.subtype,
      name: spec.name,
      official_name: spec.official_name,
      mask,
      holder_category: spec.holder_category ?? "personal",
      openingCents: 0,
      currentCents: 0,
      availableCents: null,
      limitCents: spec.limitCents ?? null,
    });
    return this.accounts.length - 1;
  }

  stream(merchant: string, kind: StreamKind, direction: "inflow" | "outflow", frequency: Frequency, account: number, active = true): number {
    const labelled = this.accounts[account].holder_category === "personal";
    this.streams.push({ merchant, kind, direction, frequency, account, active, labelled });
    return this.streams.length - 1;
  }

  /**
   * Records a transaction posted on `day`. Rows authorized by the as-of date but posting after it
   * become pending holds; rows outside the period are dropped. Returns whether a posted row was added.
   */
  txn(account: number, day: number, authDay: number, cents: number, source: TxnSource, stream = -1, noise?: number): boolean {
    const { start, end } = this.period;
    if (day < start || authDay > end) return false;
    if (day > end) {
      this.holds.push({ account, day: authDay, cents, category: null, source });
      return false;
    }
    this.planned.push(noise === undefined ? { account, day, authDay, cents, source, stream } : { account, day, authDay, cents, source, stream, noise });
    return true;
  }

  /** A TxnSource for a catalog merchant, with this user's descriptor digits and enrichment. */
  source(def: MerchantDef, opts: SourceOptions = {}): TxnSource {
    const ctx: DescriptorContext = { CITY: this.profile.city.city, ST: this.profile.city.st, ...opts.ctx };
    const templates = opts.descriptors ?? def.descriptors;
    const primary = this.rng.int(0, templates.length - 1);
    const ordered = [templates[primary], ...templates.filter((_, i) => i !== primary)];
    const descriptors = ordered.map((t) => bindTemplate(t, this.rng, ctx));
    const name = opts.merchantName !== undefined ? opts.merchantName : def.name;
    let enrichRate = opts.enrichRate ?? this.drawEnrichRate();
    if (name === null) enrichRate = 0;
    const code = opts.pfc ?? def.pfc;
    return {
      descriptors,
      variantRate: descriptors.length > 1 ? DESCRIPTOR_VARIANT_RATE : 0,
      merchantName: name,
      entityId: name === null ? null : def.entityId,
      enrichRate,
      pfc: code,
      category: pfc(code, this.rng.weighted(CONFIDENCE_WEIGHTS)),
      channel: opts.channel ?? def.channel,
      pendingTwinRate: opts.pendingTwinRate ?? 0,
    };
  }

  /** A source with no catalog merchant (transfers, fees, interest): raw descriptors only. */
  rawSource(templates: readonly string[], pfcCode: PfcDetailed, channel: Channel, ctx: DescriptorContext = {}, variantRate = DESCRIPTOR_VARIANT_RATE): TxnSource {
    const full: DescriptorContext = { CITY: this.profile.city.city, ST: this.profile.city.st, ...ctx };
    return {
      descriptors: templates.map((t) => bindTemplate(t, this.rng, full)),
      variantRate: templates.length > 1 ? variantRate : 0,
      merchantName: null,
      entityId: null,
      enrichRate: 0,
      pfc: pfcCode,
      category: pfc(pfcCode, this.rng.weighted(CONFIDENCE_WEIGHTS)),
      channel,
      pendingTwinRate: 0,
    };
  }

  drawEnrichRate(): number {
    const r = this.rng.float();
    if (r < NEVER_ENRICHED_STREAM_RATE) return 0;
    if (r < NEVER_ENRICHED_STREAM_RATE + PARTLY_ENRICHED_STREAM_RATE) return PARTLY_ENRICHED_ROW_RATE;
    return 1;
  }

  /** Card rail: posts 0–2 days after authorization, weekend postings move to Monday. */
  cardPostDay(authDay: number): number {
    return nextBusinessDay(authDay + this.rng.weighted(CARD_POSTING_LAG_WEIGHTS));
  }

  periodMonths(): number {
    return (this.period.end - this.period.start + 1) / 30.44;
  }
}

// ---------------------------------------------------------------------------------------------
// Recurring dates
// ---------------------------------------------------------------------------------------------

/** Nominal dates of a cadence anchored on `anchor`, covering [from, to] (ANNUALLY/MONTHLY keep the anchor's day of month). */
export function cadenceDays(frequency: Frequency, anchor: number, from: number, to: number): number[] {
  const out: number[] = [];
  if (frequency === "WEEKLY" || frequency === "BIWEEKLY") {
    const step = frequency === "WEEKLY" ? 7 : 14;
    let d = anchor - Math.ceil((anchor - from) / step) * step;
    for (; d <= to; d += step) if (d >= from) out.push(d);
    return out;
  }
  if (frequency === "SEMI_MONTHLY") throw new Error("use semiMonthlyDays");
  const stepMonths = frequency === "MONTHLY" ? 1 : 12;
  const a = ymd(anchor);
  const f = ymd(from);
  let k = Math.floor(((f.y - a.y) * 12 + (f.m - a.m)) / stepMonths) - 1;
  for (;;) {
    const d = frequency === "MONTHLY" ? dayFromYmd(a.y, a.m + k, a.d) : addMonthsDay(anchor, 12 * k);
    if (d > to) break;
    if (d >= from) out.push(d);
    k += 1;
  }
  return out;
}

/** Twice a month on days d1 and d2 (d2 = 31 means the month's last day). */
export function semiMonthlyDays(d1: number, d2: number, from: number, to: number): number[] {
  const out: number[] = [];
  const { y } = ymd(from);
  let m = ymd(from).m - 1;
  for (;;) {
    const a = dayFromYmd(y, m, d1);
    if (a > to) break;
    const b = dayFromYmd(y, m, d2);
    for (const d of [a, b]) if (d >= from && d <= to) out.push(d);
    m += 1;
  }
  return out;
}

export { nextBusinessDay, previousBusinessDay };
