import { describe, expect, it } from "vitest";
import type { RecurringStream } from "../core/signals";
import type { PlantedStream, UserLabels } from "../generator/labels";
import { sumAccuracy, userAccuracy } from "./accuracy";
import { makeCard, makeUser } from "./test-helpers";

/** Monthly charge dates ending on `last`, n of them (30 days apart, enough for the 90-day rule). */
const dates = (prefix: string, last: string, n: number): Record<string, string> => {
  const out: Record<string, string> = {};
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let i = 0; i < n; i++) out[`${prefix}${i}`] = new Date(end - i * 30 * 86_400_000).toISOString().slice(0, 10);
  return out;
};
const planted = (merchant: string, ids: string[], o: Partial<PlantedStream> = {}): PlantedStream => ({
  merchant, kind: "subscription", direction: "outflow", frequency: "MONTHLY", amount_cents: 999, account_id: "a", transaction_ids: ids, active_at_as_of: true, ...o,
});
const detected = (merchant: string, ids: string[]): RecurringStream => ({
  stream_id: merchant, direction: "outflow", merchant, merchant_key: merchant.toLowerCase(), frequency: "MONTHLY", status: "MATURE", average_amount_cents: 999, last_amount_cents: 999,
  first_date: "2025-01-01", last_date: "2025-06-20", predicted_next_date: "2025-07-20", occurrences: ids.length, category: "subscription", is_subscription: true,
  pfc_primary: null, pfc_detailed: null, transaction_ids: ids, meets_recurring_rule: true,
});
const labels = (o: Partial<UserLabels>): UserLabels => ({
  user_id: "u", archetypes: [], payroll: null, gig_income: false,
  behaviors: { min_payment_only: false, overdue: false, interest: false, max_planted_utilization: 0, saver: false, savings_from_zero: false, overdraft_fees: false, business_account: false },
  streams: [], noise: [], expected_personas: [], ...o,
});

describe("accuracy against the generator's labels", () => {
  it("scores subscriptions (TP, FP, FN, cancelled in window), payroll, minimum-payment-only and persona agreement", () => {
    const d = { ...dates("n", "2025-06-20", 6), ...dates("s", "2025-06-15", 6), ...dates("h", "2025-06-10", 6), ...dates("c", "2025-04-01", 6), ...dates("new", "2025-06-25", 2) };
    const ids = (p: string, n = 6) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const streams = [
      detected("Netflix", ids("n")), // TP
      detected("Netflix dup", ids("n").slice(0, 3)), // a second stream on the same planted one: FP
      detected("Gym", ids("g")), // nothing planted: FP
      detected("Hulu (cancelled)", ids("c")), // cancelled during the window: neither
    ];
    const r = makeUser("u", {
      windows: {
        "30d": { credit: { cards: [makeCard({ minimum_payment_only: true })] } },
        "180d": { subscriptions: { streams, recurring_merchant_count: 4 }, income: { payroll_detected: true, frequency: "BIWEEKLY" } },
      },
    });
    r.labels = labels({
      payroll: { frequency: "SEMI_MONTHLY", employer: "Acme", amount_cents: 200_000 },
      behaviors: { ...labels({}).behaviors, min_payment_only: true },
      streams: [
        planted("Netflix", ids("n")),
        planted("Spotify", ids("s")), // expected, never detected: FN
        planted("Hulu", ids("c"), { active_at_as_of: false }),
        planted("Started last month", ids("new", 2)), // 2 charges: not expected
        planted("Annual", ids("h"), { frequency: "ANNUALLY" }), // not the rule's cadence: not expected
      ],
      expected_personas: ["high_utilization"],
    });
    r.label_dates = d;
    const a = userAccuracy(r)!;
    expect(a.subscriptions).toMatchObject({ tp: 1, fp: 2, fn: 1, cancelled_in_window: 1 });
    expect(a.subscriptions.misses).toEqual(["false positive: Netflix dup MONTHLY (planted as subscription Netflix)", "false positive: Gym MONTHLY (nothing planted)", "missed: Spotify MONTHLY"]);
    expect(a.payroll).toEqual({ planted: "SEMI_MONTHLY", detected: "BIWEEKLY", right: false });
    expect(a.minimum_payment_only).toEqual({ planted: true, detected: true });
    expect(a.personas["30d"]).toEqual({ expected: ["high_utilization"], primary: "high_utilization", matched: ["high_utilization"] });

    const s = sumAccuracy([a]);
    expect(s.subscriptions).toMatchObject({ precision: 1 / 3, recall: 1 / 2 });
    expect([s.payroll.count, s.payroll.total, s.payroll.false_payroll]).toEqual([0, 1, 0]);
    expect(s.minimum_payment_only).toEqual({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(s.personas["30d"]?.primary_agreement.share).toBe(1);
    // 180d: the default signals match no persona, but high_utilization was expected.
    expect(s.personas["180d"]).toEqual({ primary_agreement: { count: 0, total: 1, share: 0 }, set_match: { count: 0, total: 1, share: 0 } });
  });

  it("payroll detected without planted payroll is counted apart; no labels or no results = not scored", () => {
    const r = makeUser("g", { windows: { "30d": {}, "180d": {} } });
    r.labels = labels({ gig_income: true });
    const a = userAccuracy(r)!;
    expect([a.payroll, a.false_payroll]).toEqual([null, true]);
    expect(sumAccuracy([a]).payroll).toEqual({ count: 0, total: 0, share: null, false_payroll: 1 });
    expect(userAccuracy(makeUser("x", { windows: { "30d": {}, "180d": {} } }))).toBeNull();
    const only30 = makeUser("y", { windows: { "30d": {} } });
    only30.labels = labels({});
    expect(userAccuracy(only30)).toBeNull();
  });
});
