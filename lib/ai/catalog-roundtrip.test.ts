/**
 * Every rationale the recommender really writes (over varied users, both windows) passes the AI
 * output checks unchanged: the local provider never falls back, and the checks are not so strict
 * that a model repeating the template would be rejected.
 */
import { describe, expect, it } from "vitest";
import { assignPersonas } from "../core/personas/assign";
import { makeCard, makeWindow, type WindowOverrides } from "../core/personas/test-helpers";
import { recommend } from "../core/recommend";
import { getCatalog } from "../content";
import { createLocalTemplateModel } from "./local-model";
import { phraseRationale } from "./phrase";

const USERS: Record<string, WindowOverrides> = {
  plain: {},
  high_utilization: {
    credit: { cards: [makeCard({ balance_cents: 340_000, limit_cents: 500_000, interest_charged_cents: 8_723, minimum_payment_only: true, overdue: true })] },
  },
  subscriptions: { subscriptions: { recurring_merchant_count: 6, monthly_recurring_spend_cents: 12_345, share_of_spend: 0.14 } },
  variable_income: { income: { median_pay_gap_days: 52, pay_variability: 0.35, cash_flow_buffer_months: 0.05, frequency: null } },
  saver: { savings: { growth_rate: 0.06, monthly_net_inflow_cents: 40_000, emergency_fund_months: 4.2, start_balance_cents: 1_000_000, end_balance_cents: 1_060_000 } },
  fees: { fees: { overdraft_fee_count: 3, overdraft_fee_cents: 10_500 }, income: { cash_flow_buffer_months: 0.2 } },
};

describe("real template rationales round-trip through the checks", () => {
  for (const [name, o] of Object.entries(USERS)) {
    for (const window of ["30d", "180d"] as const) {
      it(`${name} ${window}`, async () => {
        const w = makeWindow({ ...o, window });
        const drafts = recommend({ user_id: "u1", window: w, personas: assignPersonas(w), accounts: [], catalog: getCatalog() });
        expect(drafts.length).toBeGreaterThan(0);
        for (const d of drafts) {
          const r = await phraseRationale({ draft: d, eligibleTitles: [d.title], model: createLocalTemplateModel() });
          expect({ item: d.item_id, reason: r.reason ?? null, text: r.text }).toEqual({ item: d.item_id, reason: null, text: d.rationale });
        }
      });
    }
  }
});
