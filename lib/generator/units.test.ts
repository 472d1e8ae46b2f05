import { describe, expect, it } from "vitest";
import { cadenceDays, semiMonthlyDays } from "./builder";
import { bindTemplate, renderDescriptor } from "./descriptors";
import { dayOf, iso, monthSlices, nextBusinessDay, previousBusinessDay, weekday } from "./days";
import { Favorites, fillSlice } from "./everyday";
import { CITIES } from "./merchants";
import type { SpendProfile } from "./model";
import { labelsPathFor, periodOf } from "./options";
import { Rng, hashSeed, userSeed } from "./rng";

describe("Rng", () => {
  it("is reproducible and seed-sensitive", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(xs);
  });

  it("makes 37-character base62 ids", () => {
    const r = new Rng(1);
    for (let i = 0; i < 100; i++) expect(r.id()).toMatch(/^[0-9A-Za-z]{37}$/);
  });

  it("derives independent per-user seeds", () => {
    expect(userSeed(42, 1, "plan")).not.toBe(userSeed(42, 2, "plan"));
    expect(userSeed(42, 1, "plan")).not.toBe(userSeed(42, 1, "transactions"));
    expect(userSeed(42, 1, "plan")).toBe(hashSeed(42, 1, "plan"));
  });

  it("keeps draws in range", () => {
    const r = new Rng(9);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 5);
      expect(v >= 3 && v <= 5).toBe(true);
    }
  });
});

describe("calendar", () => {
  it("knows weekdays and business days", () => {
    const sat = dayOf("2026-10-31");
    expect(weekday(sat)).toBe(6);
    expect(iso(nextBusinessDay(sat))).toBe("2026-11-02");
    expect(iso(previousBusinessDay(sat))).toBe("2026-10-30");
  });

  it("computes the period: asOf minus months, plus a day, to asOf", () => {
    const p = periodOf({ users: 1, seed: 1, months: 12, asOf: "2026-11-01" });
    expect(iso(p.start)).toBe("2025-11-02");
    expect(iso(p.end)).toBe("2026-11-01");
    expect(labelsPathFor(".data/bundle.json")).toBe(".data/bundle.labels.jsonl");
  });

  it("clips month slices to the period", () => {
    const s = monthSlices(dayOf("2026-01-20"), dayOf("2026-03-02"));
    expect(s.map((x) => [iso(x.start), iso(x.end), x.monthDays])).toEqual([
      ["2026-01-20", "2026-01-31", 31],
      ["2026-02-01", "2026-02-28", 28],
      ["2026-03-01", "2026-03-02", 31],
    ]);
  });

  it("schedules cadences (monthly days clamp to short months)", () => {
    const m = cadenceDays("MONTHLY", dayOf("2026-01-31"), dayOf("2026-01-01"), dayOf("2026-04-30")).map(iso);
    expect(m).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
    const w = cadenceDays("BIWEEKLY", dayOf("2026-03-06"), dayOf("2026-02-01"), dayOf("2026-03-31")).map(iso);
    expect(w).toEqual(["2026-02-06", "2026-02-20", "2026-03-06", "2026-03-20"]);
    expect(semiMonthlyDays(15, 31, dayOf("2026-02-01"), dayOf("2026-03-20")).map(iso)).toEqual(["2026-02-15", "2026-02-28", "2026-03-15"]);
  });
});

describe("descriptors", () => {
  it("binds fixed tokens once and renders varying ones per row", () => {
    const r = new Rng(3);
    const bound = bindTemplate("ACH {EMP} PPD ID: {d4} REF {vd3} {DATE}", r, { EMP: "ACME" });
    expect(bound).toMatch(/^ACH ACME PPD ID: \d{4} REF \{vd3\} \{DATE\}$/);
    expect(renderDescriptor(bound, r, "11/02")).toMatch(/^ACH ACME PPD ID: \d{4} REF \d{3} 11\/02$/);
    expect(() => bindTemplate("{CLIENT}", r, {})).toThrow(/CLIENT/);
  });
});

describe("everyday purchases", () => {
  it("fill a slice's budget to the cent, inside the slice", () => {
    const spend: SpendProfile = {
      weights: { groceries: 10, coffee: 8, online: 6, atm: 2, p2p: 2 },
      businessWeights: { office: 1 },
      amountScale: 1,
      city: CITIES.West[0],
    };
    const rng = new Rng(5);
    const fav = new Favorites(rng, spend);
    for (const budgetCents of [1, 999, 150_000, 2_000_000]) {
      const slice = { account: 0, start: dayOf("2026-03-01"), end: dayOf("2026-03-31"), budgetCents, count: 40, mix: "personal" as const };
      const rows = fillSlice(rng, slice, spend, fav, false);
      expect(rows.reduce((s, r) => s + r.cents, 0)).toBe(budgetCents);
      for (const r of rows) {
        expect(r.day >= slice.start && r.day <= slice.end).toBe(true);
        expect(r.authDay <= r.day).toBe(true);
        expect(Number.isInteger(r.cents)).toBe(true);
        expect(r.refund ? r.cents < 0 : r.cents > 0).toBe(true);
      }
    }
  });
});
