import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BundleSchema, type Bundle, type BundleTransaction } from "../core/plaid";
import { toCents } from "../core/money";
import { dayOf, iso } from "./days";
import { DEFAULT_OPTIONS, generateBundle, labelsPathFor, periodOf, planUser, readLabels, readLabelsSync, writeBundle, type UserLabels } from "./index";
import { transactionJson } from "./sections";

const AS_OF = DEFAULT_OPTIONS.asOf;
const PERSONAS = ["high_utilization", "variable_income_budgeter", "subscription_heavy", "savings_builder", "paycheck_to_paycheck"];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "spendsense-gen-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeBundle", () => {
  it("writes byte-identical files for the same arguments, and different ones for another seed", async () => {
    const opts = { users: 12, seed: 7, months: 12, asOf: AS_OF };
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    const c = join(dir, "c.json");
    const ra = await writeBundle({ ...opts, out: a });
    await writeBundle({ ...opts, out: b });
    await writeBundle({ ...opts, seed: 8, out: c });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(labelsPathFor(a)).equals(readFileSync(labelsPathFor(b)))).toBe(true);
    expect(readFileSync(a).equals(readFileSync(c))).toBe(false);
    expect(ra.users).toBe(12);
    expect(ra.transactions).toBeGreaterThan(0);

    // Same content as the in-memory API, sections in the contract's order.
    const text = readFileSync(a, "utf8");
    expect(text.startsWith('{"users":[')).toBe(true);
    const at = (k: string) => text.indexOf(`"${k}":[`);
    expect(at("users")).toBeLessThan(at("accounts"));
    expect(at("accounts")).toBeLessThan(at("transactions"));
    expect(at("transactions")).toBeLessThan(text.indexOf('"liabilities":{"credit":['));
    const mem = generateBundle(opts);
    expect(JSON.parse(text)).toEqual(mem.bundle);
    expect(readLabelsSync(labelsPathFor(a))).toEqual(mem.labels);
    expect(ra.transactions).toBe(mem.bundle.transactions.length);
    const streamed: UserLabels[] = [];
    for await (const l of readLabels(labelsPathFor(a))) streamed.push(l);
    expect(streamed).toEqual(mem.labels);
  });

  // Refactors of the generator must not change what it writes: these are the bytes of 32 users (every
  // archetype, behavior and noise kind occurs among them) as the generator wrote them when this was pinned.
  // A change meant to alter the data updates both hashes, and its commit says so.
  it("writes the pinned bytes for seed 7 (bundle and labels)", async () => {
    const out = join(dir, "pinned.json");
    await writeBundle({ users: 32, seed: 7, months: 12, asOf: "2026-11-01", out });
    const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
    expect([sha256(out), sha256(labelsPathFor(out))]).toEqual([
      "26b8f0479c7fe3196d19bc89107b581dae706cb7d219af5655ab9222ccc8110d",
      "a49a0ce97fd698feda3600c18ced0b356903393f1ac92202becfc978da724fce",
    ]);
  });

  it("writes an empty but valid bundle for zero users", async () => {
    const out = join(dir, "empty.json");
    await writeBundle({ users: 0, seed: 1, months: 1, asOf: AS_OF, out });
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual({ users: [], accounts: [], transactions: [], liabilities: { credit: [], student: [], mortgage: [] } });
  });

  it("rejects bad options", () => {
    expect(() => generateBundle({ users: 1, seed: 1, months: 0, asOf: AS_OF })).toThrow(/months/);
    expect(() => generateBundle({ users: 1, seed: 1, months: 12, asOf: "2026-02-30" })).toThrow(/as-of/);
    expect(() => generateBundle({ users: -1, seed: 1, months: 12, asOf: AS_OF })).toThrow(/users/);
  });
});

// The default population (100 users, 12 months), generated once and shared by the describes below.
const period = periodOf({ ...DEFAULT_OPTIONS });
let bundle: Bundle;
let labels: UserLabels[];
function loadDefaultPopulation() {
  if (!labels) ({ bundle, labels } = generateBundle({ users: DEFAULT_OPTIONS.users, seed: DEFAULT_OPTIONS.seed, months: DEFAULT_OPTIONS.months, asOf: AS_OF }));
}

describe("the default population (100 users, 12 months): well-formed", () => {
  beforeAll(loadDefaultPopulation);

  it("validates against BundleSchema", () => {
    const r = BundleSchema.safeParse(bundle);
    expect(r.success ? [] : r.error.issues.slice(0, 5)).toEqual([]);
  });

  it("has unique ids, known accounts, and consistent pending/posted linkage", () => {
    // Violations are collected and asserted once: per-row expect() calls would dominate the run time.
    const bad: string[] = [];
    const ids = new Set<string>();
    const add = (id: string) => {
      if (ids.has(id)) bad.push(`duplicate id ${id}`);
      ids.add(id);
    };
    bundle.users.forEach((u) => add(u.user_id));
    const accounts = new Map(bundle.accounts.map((a) => [a.account_id, a]));
    bundle.accounts.forEach((a) => add(a.account_id));
    const users = new Set(bundle.users.map((u) => u.user_id));
    for (const a of bundle.accounts) if (!users.has(a.user_id)) bad.push(`account ${a.account_id} of unknown user`);
    const start = iso(period.start);
    const byId = new Map<string, BundleTransaction>();
    for (const t of bundle.transactions) {
      add(t.transaction_id);
      byId.set(t.transaction_id, t);
      if (!accounts.has(t.account_id)) bad.push(`${t.transaction_id}: unknown account`);
      if (t.date > AS_OF || t.date < start) bad.push(`${t.transaction_id}: date ${t.date} outside the period`);
      if (Math.abs(t.amount * 100 - Math.round(t.amount * 100)) > 1e-6) bad.push(`${t.transaction_id}: amount ${t.amount}`);
    }
    const twins = new Set<string>();
    for (const t of bundle.transactions) {
      if (!t.pending_transaction_id) continue;
      const p = byId.get(t.pending_transaction_id);
      if (!p || !p.pending || t.pending || p.account_id !== t.account_id || p.date > t.date || twins.has(p.transaction_id)) bad.push(`${t.transaction_id}: bad pending link`);
      twins.add(t.pending_transaction_id);
    }
    const pendingOnly = bundle.transactions.filter((t) => t.pending && !twins.has(t.transaction_id));
    for (const t of pendingOnly) if (dayOf(AS_OF) - dayOf(t.date) > 3) bad.push(`${t.transaction_id}: old pending row`);
    for (const l of [...bundle.liabilities.credit!, ...bundle.liabilities.student!, ...bundle.liabilities.mortgage!]) {
      if (!accounts.has(l.account_id)) bad.push(`liability of unknown account ${l.account_id}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(twins.size).toBeGreaterThan(1000);
    expect(pendingOnly.length).toBeGreaterThan(10);
  });

  it("serializes transactions exactly like JSON.stringify", () => {
    for (const t of bundle.transactions.slice(0, 20_000)) expect(transactionJson(t)).toBe(JSON.stringify(t));
  });
});

describe("the default population (100 users, 12 months): labels", () => {
  beforeAll(loadDefaultPopulation);

  it("labels agree with the bundle", () => {
    expect(labels.map((l) => l.user_id)).toEqual(bundle.users.map((u) => u.user_id));
    const txns = new Map(bundle.transactions.map((t) => [t.transaction_id, t]));
    const owner = new Map(bundle.accounts.map((a) => [a.account_id, a]));
    for (const l of labels) {
      for (const p of l.expected_personas) expect(PERSONAS).toContain(p);
      for (const s of l.streams) {
        expect(s.transaction_ids.length).toBeGreaterThanOrEqual(2);
        expect(owner.get(s.account_id)?.user_id).toBe(l.user_id);
        expect(owner.get(s.account_id)?.holder_category).toBe("personal");
        for (const id of s.transaction_ids) {
          const t = txns.get(id);
          expect([s.account_id, s.moved_from_account_id]).toContain(t?.account_id);
          expect(t?.pending).toBe(false);
          expect(Math.sign(t!.amount)).toBe(s.direction === "outflow" ? 1 : -1);
        }
        expect(Math.abs(toCents(txns.get(s.transaction_ids.at(-1)!)!.amount))).toBe(s.amount_cents);
      }
    }
  });

  it("covers every archetype, behavior and persona", () => {
    const archetypes = new Set(labels.flatMap((l) => l.archetypes));
    for (const a of [
      "salaried", "gig_freelancer", "gig_platform", "side_gig", "renter", "homeowner", "student_loan", "no_credit_card",
      "card_transactor", "card_revolver", "min_payment_only", "dormant_card", "high_utilization", "maxed_card", "overdue",
      "interest_charges", "saver", "non_saver", "savings_from_zero", "hsa", "subscription_heavy", "paycheck_to_paycheck",
      "business_owner", "no_consent",
    ]) expect(archetypes, a).toContain(a);
    for (const k of ["min_payment_only", "overdue", "interest", "saver", "savings_from_zero", "overdraft_fees", "business_account"] as const) {
      expect(labels.some((l) => l.behaviors[k]), k).toBe(true);
      expect(labels.some((l) => !l.behaviors[k]), k).toBe(true);
    }
    const utils = labels.map((l) => l.behaviors.max_planted_utilization);
    expect(Math.min(...utils)).toBeLessThan(0.05);
    expect(Math.max(...utils)).toBeGreaterThanOrEqual(0.95);
    for (const p of PERSONAS) expect(labels.some((l) => l.expected_personas.includes(p)), p).toBe(true);
    expect(labels.some((l) => l.expected_personas.length === 0)).toBe(true);
    for (const f of ["WEEKLY", "BIWEEKLY", "SEMI_MONTHLY", "MONTHLY"]) expect(labels.some((l) => l.payroll?.frequency === f), f).toBe(true);
    expect(labels.some((l) => l.payroll === null && l.gig_income)).toBe(true);
    expect(bundle.users.some((u) => u.consent === false)).toBe(true);
    expect(bundle.accounts.some((a) => a.holder_category === "business")).toBe(true);
    expect(bundle.liabilities.student!.length).toBeGreaterThan(0);
    expect(bundle.liabilities.mortgage!.length).toBeGreaterThan(0);
    for (const sub of ["checking", "savings", "money market", "hsa", "credit card", "student", "mortgage"]) expect(bundle.accounts.some((a) => a.subtype === sub), sub).toBe(true);
  });
});

describe("the default population (100 users, 12 months): balances and payments", () => {
  beforeAll(loadDefaultPopulation);

  it("keeps balances consistent with the transactions and the liabilities", () => {
    const posted = new Map<string, BundleTransaction[]>();
    for (const t of bundle.transactions) if (!t.pending) (posted.get(t.account_id) ?? posted.set(t.account_id, []).get(t.account_id)!).push(t);
    const credit = new Map(bundle.liabilities.credit!.map((c) => [c.account_id, c]));
    for (let i = 0; i < bundle.users.length; i++) {
      const plan = planUser(DEFAULT_OPTIONS.seed, i, period);
      for (const a of plan.accounts) {
        const flows = (posted.get(a.account_id) ?? []).reduce((s, t) => s + toCents(t.amount), 0);
        if (a.type === "depository") expect(a.openingCents - flows).toBe(a.currentCents);
        if (a.type === "credit") {
          expect(a.openingCents + flows).toBe(a.currentCents);
          expect(a.openingCents).toBeGreaterThanOrEqual(0);
          const c = credit.get(a.account_id)!;
          const after = (posted.get(a.account_id) ?? []).filter((t) => t.date > c.last_statement_issue_date!).reduce((s, t) => s + toCents(t.amount), 0);
          expect(a.currentCents - after).toBe(toCents(c.last_statement_balance!));
        }
      }
    }
    const accounts = new Map(bundle.accounts.map((a) => [a.account_id, a]));
    for (const c of bundle.liabilities.credit!) expect(accounts.get(c.account_id)!.balances.limit).toBeGreaterThan(0);
  });

  it("min-payment-only users pay exactly the minimum every month on some card", () => {
    const credit = new Map(bundle.liabilities.credit!.map((c) => [c.account_id, c]));
    const txns = new Map(bundle.transactions.map((t) => [t.transaction_id, t]));
    const users = labels.filter((x) => x.behaviors.min_payment_only);
    expect(users.length).toBeGreaterThan(0);
    for (const l of users) {
      const cards = l.streams.filter((s) => s.kind === "debt_payment" && s.direction === "inflow" && credit.has(s.account_id));
      // Every payment is the minimum (equal to the liability's, unless the latest due date was missed).
      const minOnly = cards.filter((s) => {
        const c = credit.get(s.account_id)!;
        const min = toCents(c.minimum_payment_amount!);
        const pays = s.transaction_ids.map((id) => -toCents(txns.get(id)!.amount));
        return c.is_overdue ? pays.every((p) => p <= min) : pays.every((p) => p === min) && toCents(c.last_payment_amount!) === min;
      });
      expect(minOnly.length, l.user_id).toBeGreaterThan(0);
    }
  });
});

describe("the default population (100 users, 12 months): feed realism", () => {
  beforeAll(loadDefaultPopulation);

  it("plants the noise of real feeds", () => {
    const streams = labels.flatMap((l) => l.streams);
    const subs = streams.filter((s) => s.kind === "subscription");
    expect(subs.some((s) => s.frequency === "WEEKLY")).toBe(true);
    expect(subs.some((s) => !s.active_at_as_of)).toBe(true); // cancelled mid-year
    expect(subs.some((s) => s.transaction_ids.length === 2)).toBe(true); // started recently
    for (const k of ["bill", "debt_payment", "transfer", "income"]) expect(streams.some((s) => s.kind === k), k).toBe(true);
    const txns = new Map(bundle.transactions.map((t) => [t.transaction_id, t]));
    // A price change inside a subscription stream, and descriptor variants of one merchant.
    expect(subs.some((s) => new Set(s.transaction_ids.map((id) => txns.get(id)!.amount)).size > 1)).toBe(true);
    expect(subs.some((s) => new Set(s.transaction_ids.map((id) => txns.get(id)!.name)).size > 1)).toBe(true);
    // Date jitter: a monthly bill whose day of month moves.
    expect(streams.some((s) => s.kind === "bill" && new Set(s.transaction_ids.map((id) => txns.get(id)!.date.slice(8))).size > 2)).toBe(true);
    const n = bundle.transactions.length;
    const nullMerchant = bundle.transactions.filter((t) => t.merchant_name == null).length / n;
    expect(nullMerchant).toBeGreaterThan(0.18);
    expect(nullMerchant).toBeLessThan(0.35);
    expect(bundle.transactions.some((t) => t.personal_finance_category == null)).toBe(true);
    expect(bundle.transactions.some((t) => t.amount < 0 && t.personal_finance_category?.primary === "GENERAL_MERCHANDISE")).toBe(true); // refunds
    for (const d of ["BANK_FEES_OVERDRAFT_FEES", "BANK_FEES_INSUFFICIENT_FUNDS", "BANK_FEES_INTEREST_CHARGE", "INCOME_WAGES", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "TRANSFER_IN_ACCOUNT_TRANSFER", "TRANSFER_OUT_ACCOUNT_TRANSFER", "RENT_AND_UTILITIES_RENT", "FOOD_AND_DRINK_COFFEE"]) {
      expect(bundle.transactions.some((t) => t.personal_finance_category?.detailed === d), d).toBe(true);
    }
    for (const t of bundle.transactions) if (t.personal_finance_category) expect(t.personal_finance_category.detailed.startsWith(t.personal_finance_category.primary + "_")).toBe(true);
    // Planted subscription noise, labelled: every kind is present and its rows say what the label says.
    const noise = labels.flatMap((l) => l.noise.map((n) => ({ ...n, l })));
    for (const k of ["subscription_refund", "same_price_twin", "skipped_month", "card_move", "wrong_category", "tax_wobble"]) expect(noise.some((n) => n.kind === k), k).toBe(true);
    for (const n of noise) {
      const s = n.stream_index === undefined ? null : n.l.streams[n.stream_index];
      for (const id of n.transaction_ids) {
        const t = txns.get(id)!;
        expect(t.pending).toBe(false);
        if (n.kind === "subscription_refund") expect(t.amount).toBeLessThan(0);
        if (n.kind === "card_move") expect(t.account_id).toBe(s?.account_id);
        if (n.kind === "wrong_category") expect(["GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "TRANSFER_IN_DEPOSIT"]).toContain(t.personal_finance_category?.detailed);
        if (s && (n.kind === "tax_wobble" || n.kind === "card_move" || n.kind === "wrong_category")) expect(s.transaction_ids).toContain(id);
      }
      if (n.kind === "card_move") expect(s?.moved_from_account_id).toBeTruthy();
      if (n.kind === "same_price_twin") expect(s!.transaction_ids.every((id) => txns.get(id)!.merchant_name === null)).toBe(true);
    }
  });

  it("has roughly 60–110 transactions per user per month", () => {
    const owner = new Map(bundle.accounts.map((a) => [a.account_id, a.user_id]));
    const per = new Map<string, number>();
    for (const t of bundle.transactions) per.set(owner.get(t.account_id)!, (per.get(owner.get(t.account_id)!) ?? 0) + 1);
    const monthly = [...per.values()].map((c) => c / DEFAULT_OPTIONS.months).sort((a, b) => a - b);
    const median = monthly[monthly.length >> 1];
    expect(median).toBeGreaterThanOrEqual(60);
    expect(median).toBeLessThanOrEqual(110);
    expect(bundle.transactions.length).toBeGreaterThan(80_000);
    expect(bundle.transactions.length).toBeLessThan(125_000);
  });
});

describe("other periods", () => {
  it.each([
    { users: 15, seed: 3, months: 1, asOf: "2026-03-31" },
    { users: 15, seed: 4, months: 7, asOf: "2024-02-29" },
    { users: 10, seed: 5, months: 24, asOf: "2027-01-15" },
  ])("stays valid and balanced for %o", (opts) => {
    const { bundle, labels } = generateBundle(opts);
    expect(BundleSchema.safeParse(bundle).success).toBe(true);
    const period = periodOf(opts);
    const start = iso(period.start);
    expect(bundle.transactions.filter((t) => t.date < start || t.date > opts.asOf)).toEqual([]);
    const posted = new Map<string, number>();
    for (const t of bundle.transactions) if (!t.pending) posted.set(t.account_id, (posted.get(t.account_id) ?? 0) + toCents(t.amount));
    for (let i = 0; i < opts.users; i++) {
      for (const a of planUser(opts.seed, i, period).accounts) {
        const flows = posted.get(a.account_id) ?? 0;
        if (a.type === "depository") expect(a.openingCents - flows).toBe(a.currentCents);
        if (a.type === "credit") expect(a.openingCents + flows).toBe(a.currentCents);
      }
    }
    const ids = new Set(bundle.transactions.map((t) => t.transaction_id));
    for (const l of labels) for (const s of l.streams) for (const id of s.transaction_ids) expect(ids.has(id)).toBe(true);
  });
});
