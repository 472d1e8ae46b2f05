import { describe, expect, it } from "vitest";
import { makeCard, makeWindow } from "../personas/test-helpers";
import type { RecurringStream } from "../signals/types";
import { checkCopy, customerInsights, draftInsights } from "./insights";

function sub(merchant: string, key = merchant.toLowerCase()): RecurringStream {
  return {
    stream_id: `outflow:${key}`,
    direction: "outflow",
    merchant,
    merchant_key: key,
    frequency: "MONTHLY",
    status: "MATURE",
    average_amount_cents: 999,
    last_amount_cents: 999,
    first_date: "2025-01-05",
    last_date: "2025-06-05",
    predicted_next_date: "2025-07-05",
    occurrences: 6,
    category: "subscription",
    is_subscription: true,
    pfc_primary: "ENTERTAINMENT",
    pfc_detailed: "ENTERTAINMENT_TV_AND_MOVIES",
    transaction_ids: [],
    is_active: true,
    meets_recurring_rule: true,
    monthly_equivalent_cents: 999,
  };
}

const body = (id: string, ...args: Parameters<typeof customerInsights>) => customerInsights(...args).find((i) => i.id === id)?.body;

describe("customer insights: subscriptions", () => {
  it("one subscription renews (the verb agrees with the count)", () => {
    const w = makeWindow({ subscriptions: { recurring_merchant_count: 1, monthly_recurring_spend_cents: 999, streams: [sub("Netflix")] } });
    expect(body("subscriptions", w, null)).toMatch(/^You have 1 subscription that renews on a schedule, about \$9\.99 a month together \(Netflix\)\./);
  });

  it("names every counted merchant, or counts the ones past the first four", () => {
    const names = ["ClassPass", "OpenAI", "Dropbox", "YouTube Premium", "Hulu", "Spotify"];
    const six = makeWindow({ subscriptions: { recurring_merchant_count: 6, monthly_recurring_spend_cents: 5_994, streams: names.map((n) => sub(n)) } });
    expect(body("subscriptions", six, null)).toContain("You have 6 subscriptions that renew on a schedule, about $59.94 a month together (ClassPass, OpenAI, Dropbox, YouTube Premium, and 2 more).");
    const three = makeWindow({ subscriptions: { recurring_merchant_count: 3, streams: names.slice(0, 3).map((n) => sub(n)) } });
    expect(body("subscriptions", three, null)).toContain("(ClassPass, OpenAI, and Dropbox)");
  });

  it("a merchant with two plans is named once; streams the window does not count are not named", () => {
    const streams = [sub("Apple", "apple"), { ...sub("Apple", "apple"), stream_id: "outflow:apple:299" }, { ...sub("Hulu"), meets_recurring_rule: false }];
    const w = makeWindow({ subscriptions: { recurring_merchant_count: 1, streams } });
    expect(body("subscriptions", w, null)).toContain("(Apple)");
  });
});

describe("customer insights: windows named honestly", () => {
  const fees = { overdraft_fee_count: 1, overdraft_fee_cents: 3_500 };
  const card = makeCard({ balance_cents: 100_000, interest_charged_cents: 1_234 });

  it("30-day figures say 30 days; one fee reads 'was 1 ... fee'", () => {
    const w30 = makeWindow({ fees, credit: { cards: [card] } });
    expect(body("fees", w30, null)).toBe(
      "There was 1 overdraft or low-balance fee ($35) in the last 30 days. A low-balance alert from your bank can give you a heads-up before one happens.",
    );
    expect(body("interest", w30, null)).toContain("was charged in the last 30 days.");
  });

  it("without a 30-day window the 180-day figures say 180 days", () => {
    const w180 = makeWindow({ window: "180d", fees: { overdraft_fee_count: 3, overdraft_fee_cents: 10_500 }, credit: { cards: [card] } });
    expect(body("fees", null, w180)).toContain("There were 3 overdraft or low-balance fees ($105) in the last 180 days.");
    expect(body("interest", null, w180)).toContain("in the last 180 days.");
  });

  it("savings read the 180-day window, else the 30-day one, and say which", () => {
    const savings = { monthly_net_inflow_cents: 30_000, emergency_fund_months: 2.5 };
    const w30 = makeWindow({ savings });
    const w180 = makeWindow({ window: "180d", savings: { ...savings, monthly_net_inflow_cents: 20_000 } });
    expect(body("savings", w30, w180)).toBe("Over the last 180 days you've added about $200 a month to savings. Nice progress. Your savings would cover about 2.5 months of usual spending.");
    expect(body("savings", w30, null)).toContain("Over the last 30 days you've added about $300 a month");
  });
});

describe("customer insights: cards, pay, cushion", () => {
  it("a card at or above the utilization target gets the target named; one under it reads comfortable", () => {
    const high = makeWindow({ credit: { cards: [makeCard({ balance_cents: 1_125_000, limit_cents: 500_000 })] } });
    expect(body("card-acc-card-1", high, null)).toBe(
      "The balance is $11,250 of a $5,000 limit, so 225% of the limit is in use. Keeping that share under 30% is one of the things that can help a credit score over time.",
    );
    const low = makeWindow({ credit: { cards: [makeCard({ balance_cents: 13_500, limit_cents: 500_000 })] } });
    expect(body("card-acc-card-1", low, null)).toContain("so 2.7% of the limit is in use. That's a comfortable share of the limit.");
  });

  it("cushion coverage: less than a week, about N months, more than a year", () => {
    const at = (m: number) => body("buffer", makeWindow({ income: { cash_flow_buffer_months: m } }), null);
    expect(at(0.1)).toBe("Your checking balance would cover less than a week of your usual spending.");
    expect(at(1)).toBe("Your checking balance would cover about 1 month of your usual spending.");
    expect(at(30)).toBe("Your checking balance would cover more than a year of your usual spending.");
  });

  it("nothing without signals", () => {
    expect(customerInsights(null, null)).toEqual([]);
  });
});

describe("customer insights: tone", () => {
  it("checkCopy catches shaming and directive wording", () => {
    expect(checkCopy("Stop wasting money on subscriptions.").ok).toBe(false);
    expect(checkCopy("You must open a savings account.").ok).toBe(false);
    expect(checkCopy("A quick look through them now and then makes it easy to keep the ones you enjoy.").ok).toBe(true);
  });

  it("every sentence a busy window produces passes it, so none is withheld", () => {
    const w30 = makeWindow({
      subscriptions: { recurring_merchant_count: 2, streams: [sub("Netflix"), sub("Hulu")] },
      credit: { cards: [makeCard({ balance_cents: 450_000, interest_charged_cents: 8_700 })] },
      fees: { overdraft_fee_count: 2, overdraft_fee_cents: 7_000 },
      income: { cash_flow_buffer_months: 0.4 },
    });
    const drafts = draftInsights(w30, makeWindow({ window: "180d", savings: { monthly_net_inflow_cents: 9_000 } }));
    expect(drafts.map((i) => i.id)).toEqual(["subscriptions", "card-acc-card-1", "interest", "income", "buffer", "savings", "fees"]);
    for (const i of drafts) expect(checkCopy(`${i.title}\n${i.body}`)).toEqual({ ok: true, violations: [] });
    expect(customerInsights(w30, null).length).toBe(draftInsights(w30, null).length);
  });
});
