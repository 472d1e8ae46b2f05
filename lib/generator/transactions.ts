/**
 * The transaction pass: turns a plan into the user's Plaid transactions (and labels), drawing from
 * the user's second random stream. Planned rows keep their dates and amounts; everyday purchases fill
 * the spend slices; overdraft/NSF fees land on the lowest balance near where the plan charged them;
 * some card rows get a pending twin; holds near the as-of date stay pending.
 */
import type { BundleTransaction } from "../core/plaid";
import { toDollars } from "../core/money";
import { renderDescriptor } from "./descriptors";
import { iso, mmdd } from "./days";
import { dropEnrichment, type Enrichment } from "./enrichment";
import { Favorites, fillSlice, type Favorite } from "./everyday";
import type { PlantedNoise, PlantedStream, UserLabels } from "./labels";
import { NSF_DESCRIPTORS, OVERDRAFT_DESCRIPTORS } from "./merchants";
import type { PlannedFee, TxnSource, UserPlan } from "./model";
import type { Period } from "./options";
import { pfc, type PfcDetailed } from "./pfc";
import { Rng, userSeed } from "./rng";

/** Plaid sends personal_finance_category null when it cannot tell. */
export const PFC_NULL_RATE = 0.03;
/** A fee moves at most this many days from where the plan charged it, to the lowest balance nearby. */
export const FEE_SHIFT_DAYS = 4;
/** Pending twins of rows whose final amount differs (tips, fuel): the authorization is this share of it. */
export const PENDING_DIFFERS_SHARE: readonly [number, number] = [0.78, 0.92];
/**
 * Wrong categories: a small share of posted stream rows get a plausible but wrong category (a streaming
 * charge as general merchandise, a paycheck as a deposit), drawn from the "noise_tx" stream.
 */
export const WRONG_CATEGORY_RATE = 0.03;
const WRONG_CATEGORY: Partial<Record<string, PfcDetailed>> = {
  subscription: "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
  INCOME_WAGES: "TRANSFER_IN_DEPOSIT",
};
/** A pending twin's enrichment is poorer than the posted row's. */
export const PENDING_ENRICH_FACTOR = 0.75;

interface Row {
  account: number;
  day: number;
  authDay: number;
  cents: number;
  source: TxnSource;
  stream: number;
  noise?: number;
  pending: boolean;
  /** The pending twin authorizes a different amount (tip, fuel pre-authorization). */
  pendingDiffers: boolean;
}

export interface UserTransactions {
  transactions: BundleTransaction[];
  labels: UserLabels;
}

function feeSources(rng: Rng): Record<PlannedFee["type"], TxnSource> {
  const make = (descriptors: readonly string[], code: "BANK_FEES_OVERDRAFT_FEES" | "BANK_FEES_INSUFFICIENT_FUNDS"): TxnSource => {
    const primary = rng.int(0, descriptors.length - 1);
    return {
      descriptors: [descriptors[primary], ...descriptors.filter((_, i) => i !== primary)],
      variantRate: 0.1,
      merchantName: null,
      entityId: null,
      enrichRate: 0,
      pfc: code,
      category: pfc(code, "VERY_HIGH"),
      channel: "other",
      pendingTwinRate: 0,
    };
  };
  return { overdraft: make(OVERDRAFT_DESCRIPTORS, "BANK_FEES_OVERDRAFT_FEES"), nsf: make(NSF_DESCRIPTORS, "BANK_FEES_INSUFFICIENT_FUNDS") };
}

/** Puts each planned fee on the lowest end-of-day checking balance within FEE_SHIFT_DAYS of its planned day. */
function placeFees(plan: UserPlan, period: Period, rows: Row[]): Array<{ fee: PlannedFee; day: number }> {
  if (plan.fees.length === 0) return [];
  const checking = plan.fees[0].account;
  const n = period.end - period.start + 1;
  const flow = new Float64Array(n);
  for (const r of rows) if (r.account === checking && !r.pending) flow[r.day - period.start] -= r.cents;
  const bal = new Float64Array(n);
  let b = plan.accounts[checking].openingCents;
  for (let i = 0; i < n; i++) bal[i] = b += flow[i];
  const out: Array<{ fee: PlannedFee; day: number }> = [];
  let prev = period.start;
  for (const fee of plan.fees) {
    const lo = Math.max(fee.windowStart, fee.day - FEE_SHIFT_DAYS, prev);
    const hi = Math.min(fee.windowEnd, fee.day + FEE_SHIFT_DAYS);
    let best = Math.min(Math.max(fee.day, lo), Math.max(lo, hi));
    for (let d = lo; d <= hi; d++) if (bal[d - period.start] < bal[best - period.start]) best = d;
    out.push({ fee, day: best });
    prev = best;
  }
  return out;
}

export function generateTransactions(seed: number, period: Period, plan: UserPlan, enrichment: Enrichment = "full"): UserTransactions {
  const rng = new Rng(userSeed(seed, plan.index, "transactions"));
  const rows = collectRows(rng, period, plan);
  const feed = materializeRows(rng, new Rng(userSeed(seed, plan.index, "noise_tx")), period, plan, rows);
  dropEnrichment(seed, plan.index, feed.transactions, enrichment);
  return {
    transactions: feed.transactions,
    labels: {
      user_id: plan.user_id,
      archetypes: plan.archetypes,
      payroll: plan.payroll,
      gig_income: plan.gig_income,
      behaviors: plan.behaviors,
      ...plantedLabels(plan, feed),
      expected_personas: plan.expected_personas,
    },
  };
}

/** The rows of the feed before materializing: planned rows, everyday purchases, placed fees, holds (in this order). */
function collectRows(rng: Rng, period: Period, plan: UserPlan): Row[] {
  const rows: Row[] = [];
  for (const t of plan.planned) {
    rows.push({ account: t.account, day: t.day, authDay: t.authDay, cents: t.cents, source: t.source, stream: t.stream, noise: t.noise, pending: false, pendingDiffers: false });
  }
  const favorites = new Favorites(rng, plan.spend);
  for (const s of plan.slices) {
    const isCard = plan.accounts[s.account].type === "credit";
    for (const e of fillSlice(rng, s, plan.spend, favorites, isCard)) {
      rows.push({
        account: s.account, day: e.day, authDay: e.authDay, cents: e.cents, source: e.fav.source, stream: -1, pending: false,
        pendingDiffers: e.fav.category.pendingDiffers && !e.refund,
      });
    }
  }
  const fees = feeSources(rng);
  for (const { fee, day } of placeFees(plan, period, rows)) {
    rows.push({ account: fee.account, day, authDay: day, cents: fee.cents, source: fees[fee.type], stream: -1, pending: false, pendingDiffers: false });
  }
  for (const h of plan.holds) {
    const fav: Favorite | null = h.category ? favorites.pick(h.category) : null;
    const source = h.source ?? fav!.source;
    rows.push({ account: h.account, day: h.day, authDay: h.day, cents: h.cents, source, stream: -1, pending: true, pendingDiffers: false });
  }
  return rows;
}

/** The materialized feed, and which transaction ids belong to each planned stream and noise case. */
interface Feed {
  /** Sorted by day, then account, then creation order. */
  transactions: BundleTransaction[];
  /** Per planned stream: its posted occurrences. */
  streamIds: Array<Array<{ id: string; day: number; cents: number }>>;
  /** Per planned noise case, then one extra case per stream given wrong categories: the ids involved. */
  noiseIds: string[][];
  /** Stream index -> its wrong-category case's index in noiseIds. */
  wrong: Map<number, number>;
}

/** Materialize: ids, descriptors, enrichment, categories (some wrong, drawn from `wrongRng`), pending twins. */
function materializeRows(rng: Rng, wrongRng: Rng, period: Period, plan: UserPlan, rows: Row[]): Feed {
  const out: Array<{ t: BundleTransaction; day: number; account: number; seq: number }> = [];
  const streamIds = plan.streams.map((): Array<{ id: string; day: number; cents: number }> => []);
  const noiseIds = plan.noise.map((): string[] => []);
  const wrong = new Map<number, number>();
  let seq = 0;
  for (const r of rows) {
    const posted = materialize(rng, plan, r, r.pending);
    if (r.noise !== undefined && !r.pending) noiseIds[r.noise].push(posted.transaction_id);
    if (r.stream >= 0 && !r.pending && posted.personal_finance_category && wrongRng.chance(WRONG_CATEGORY_RATE)) {
      const s = plan.streams[r.stream];
      const to = WRONG_CATEGORY[s.kind === "subscription" ? s.kind : r.source.pfc];
      if (to && s.labelled && to !== r.source.pfc) {
        posted.personal_finance_category = pfc(to, r.source.category.confidence_level);
        let k = wrong.get(r.stream);
        if (k === undefined) {
          k = noiseIds.length;
          noiseIds.push([]);
          wrong.set(r.stream, k);
        }
        noiseIds[k].push(posted.transaction_id);
      }
    }
    if (!r.pending && r.cents > 0 && r.source.pendingTwinRate > 0 && r.authDay >= period.start && rng.chance(r.source.pendingTwinRate)) {
      const amount = r.pendingDiffers ? Math.max(1, Math.round(r.cents * rng.uniform(PENDING_DIFFERS_SHARE[0], PENDING_DIFFERS_SHARE[1]))) : r.cents;
      const twin = materialize(rng, plan, { ...r, day: r.authDay, cents: amount }, true);
      posted.pending_transaction_id = twin.transaction_id;
      out.push({ t: twin, day: r.authDay, account: r.account, seq: seq++ });
    }
    out.push({ t: posted, day: r.day, account: r.account, seq: seq++ });
    if (r.stream >= 0 && !r.pending) streamIds[r.stream].push({ id: posted.transaction_id, day: r.day, cents: r.cents });
  }
  out.sort((a, b) => a.day - b.day || a.account - b.account || a.seq - b.seq);
  return { transactions: out.map((o) => o.t), streamIds, noiseIds, wrong };
}

/** The labels of what was planted: labelled streams with two or more posted rows, and the noise cases that happened. */
function plantedLabels(plan: UserPlan, feed: Feed): Pick<UserLabels, "streams" | "noise"> {
  const { streamIds, noiseIds, wrong } = feed;
  const streams: PlantedStream[] = [];
  const labelIndex = new Map<number, number>();
  plan.streams.forEach((s, i) => {
    const occ = streamIds[i];
    if (!s.labelled || occ.length < 2) return;
    labelIndex.set(i, streams.length);
    occ.sort((a, b) => a.day - b.day);
    streams.push({
      merchant: s.merchant,
      kind: s.kind,
      direction: s.direction,
      frequency: s.frequency,
      amount_cents: Math.abs(occ[occ.length - 1].cents),
      account_id: plan.accounts[s.account].account_id,
      transaction_ids: occ.map((o) => o.id),
      active_at_as_of: s.active,
      ...(s.movedFrom !== undefined ? { moved_from_account_id: plan.accounts[s.movedFrom].account_id } : {}),
    });
  });
  const noise: PlantedNoise[] = [];
  const noiseCase = (kind: PlantedNoise["kind"], merchant: string, stream: number, ids: string[], detail: string) => {
    const at = labelIndex.get(stream);
    noise.push({ kind, merchant, ...(at !== undefined ? { stream_index: at } : {}), transaction_ids: ids, detail });
  };
  plan.noise.forEach((c, i) => {
    // A tax wobble or a move with no row in the feed did not happen.
    if ((c.kind === "tax_wobble" || c.kind === "card_move" || c.kind === "subscription_refund") && noiseIds[i].length === 0) return;
    noiseCase(c.kind, c.merchant, c.stream, noiseIds[i], c.detail);
  });
  for (const [stream, k] of wrong) {
    const s = plan.streams[stream];
    noiseCase("wrong_category", s.merchant, stream, noiseIds[k], `${s.kind} row(s) categorized ${WRONG_CATEGORY[s.kind === "subscription" ? s.kind : "INCOME_WAGES"]}`);
  }
  return { streams, noise };
}

function materialize(rng: Rng, plan: UserPlan, r: Row, pending: boolean): BundleTransaction {
  const src = r.source;
  const d = src.descriptors;
  const bound = d.length > 1 && rng.chance(src.variantRate) ? d[rng.int(1, d.length - 1)] : d[0];
  const enrich = pending ? src.enrichRate * PENDING_ENRICH_FACTOR : src.enrichRate;
  const named = src.merchantName !== null && (enrich >= 1 || (enrich > 0 && rng.chance(enrich)));
  return {
    transaction_id: rng.id(),
    account_id: plan.accounts[r.account].account_id,
    date: iso(r.day),
    authorized_date: iso(r.authDay),
    amount: toDollars(r.cents),
    iso_currency_code: "USD",
    name: renderDescriptor(bound, rng, mmdd(r.authDay)),
    merchant_name: named ? src.merchantName : null,
    merchant_entity_id: named ? src.entityId : null,
    payment_channel: src.channel,
    personal_finance_category: rng.chance(PFC_NULL_RATE) ? null : src.category,
    pending,
    pending_transaction_id: null,
  };
}

