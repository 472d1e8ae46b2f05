/**
 * The customer's insights over a generated population: every sentence passes the tone and advice
 * checks (none is withheld), counts agree with their words, and each figure names its window.
 */
import { describe, expect, it } from "vitest";
import { generateBundle } from "@/lib/generator";
import { bundleToUserData } from "@/lib/core/normalize";
import { computeSignals } from "@/lib/core/signals";
import { checkCopy, draftInsights } from "@/lib/core/insights/insights";

const AS_OF = "2026-11-01";

describe("customer insights over 100 generated users", () => {
  const { bundle } = generateBundle({ users: 100, seed: 42, months: 12, asOf: AS_OF });
  const users = [...bundleToUserData(bundle).values()].map((u) => computeSignals(u, AS_OF));

  it("pass the tone and advice checks, both windows and the 180-day fallback", () => {
    let n = 0;
    for (const s of users) {
      for (const insights of [draftInsights(s.windows["30d"], s.windows["180d"]), draftInsights(null, s.windows["180d"])]) {
        for (const i of insights) {
          n++;
          expect(checkCopy(`${i.title}\n${i.body}`), i.body).toEqual({ ok: true, violations: [] });
        }
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it("name every counted subscription merchant or count the rest, and agree in number", () => {
    let checked = 0;
    for (const s of users) {
      const w = s.windows["30d"];
      const i = draftInsights(w, null).find((x) => x.id === "subscriptions");
      if (!i) continue;
      checked++;
      const n = w.subscriptions.recurring_merchant_count;
      expect(i.body).toContain(n === 1 ? "1 subscription that renews" : `${n} subscriptions that renew`);
      const listed = /\(([^)]*)\)/.exec(i.body)![1];
      const more = /and (\d+) more$/.exec(listed);
      const named = listed.replace(/,? and \d+ more$/, "").split(/, (?:and )?| and /);
      expect(named.length + (more ? Number(more[1]) : 0)).toBe(n);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("say 180 days when the figures are the 180-day window's", () => {
    for (const s of users) {
      for (const i of draftInsights(null, s.windows["180d"])) expect(i.body).not.toContain("30 days");
    }
  });
});
