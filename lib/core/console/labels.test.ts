import { describe, expect, it } from "vitest";
import { codeLabel, describeLoggedAction, signalPathLabel, FREQUENCY_LABELS, frequencyLabel } from "./labels";
import { CADENCE_BANDS } from "../signals/constants";

describe("console labels", () => {
  it("names every frequency the signal engine produces in words", () => {
    for (const f of Object.keys(CADENCE_BANDS)) expect(FREQUENCY_LABELS[f as keyof typeof FREQUENCY_LABELS], f).toMatch(/^[A-Z][a-z ]+$/);
    expect(frequencyLabel("SEMI_MONTHLY")).toBe("Twice a month");
    expect(frequencyLabel("BIWEEKLY")).toBe("Every two weeks");
    expect(frequencyLabel(null)).toBe("n/a");
  });

  it("turns categories, rule constants, signal paths and trace fields into words", () => {
    expect(codeLabel("debt_payment")).toBe("Debt payment");
    expect(codeLabel("FOOD_AND_DRINK_COFFEE")).toBe("Food and drink coffee");
    expect(codeLabel("HIGH_UTILIZATION_MIN_APR")).toBe("High utilization min APR");
    expect(codeLabel("credit.max_utilization")).toBe("Credit: max utilization");
    // An account named by its id in a signal path: its name when known, never the id.
    expect(signalPathLabel("credit.cards[vmyM9WDb3M5f].utilization", { vmyM9WDb3M5f: "Blue Cash Everyday ••6090" })).toBe("Credit: cards (Blue Cash Everyday ••6090): utilization");
    expect(codeLabel("credit.cards[acc.with.dots].balance_cents")).toBe("Credit: cards (an account): balance cents");
    expect(codeLabel("payout_considered")).toBe("Partner payout considered");
    expect(codeLabel("generated_at")).toBe("Written at");
    for (const code of ["SEMI_MONTHLY", "SUBSCRIPTION_MIN_RECURRING", "savings.growth_rate"]) expect(codeLabel(code)).not.toMatch(/_|[A-Z]{3,}(?<!APR)/);
  });

  it("describes an action-log entry by its item's title and the status change, or the persona override", () => {
    const item = { item_id: "edu_emergency_fund", title: "Build an emergency fund", window: "30d", as_of: "2026-11-01" };
    expect(describeLoggedAction({ ...item, status: "pending" }, { ...item, status: "approved" }, (p) => p ?? "none")).toBe(
      "“Build an emergency fund” (30-day window, as of 2026-11-01): pending → approved",
    );
    const names = (p: string | null) => (p === "high_utilization" ? "High Utilization" : "no persona");
    expect(describeLoggedAction({ window: "180d", as_of: "2026-11-01", primary: "high_utilization" }, { window: "180d", as_of: "2026-11-01", primary: null }, names)).toBe(
      "Persona (180-day window, as of 2026-11-01): High Utilization → no persona",
    );
  });
});
