// "Unknown is never zero" end to end (issue 11): the case the issue names, a checking balance Plaid
// did not send, gives no paycheck-to-paycheck persona and no rationale citing a $0 balance.
import { describe, expect, it } from "vitest";
import { computeUser } from "@/lib/pipeline";
import { account, everyNDays, monthlyDates, pfc, tx, user } from "@/lib/core/signals/testkit";

const AS_OF = "2025-06-30";
const rows = [
  ...monthlyDates("2025-01-05", 6).map((d) => tx(d, 150_000, "OAKWOOD APARTMENTS", pfc("RENT_AND_UTILITIES_RENT"))),
  ...everyNDays("2025-06-03", 7, 3).map((d) => tx(d, 3_500, "OVERDRAFT FEE", pfc("BANK_FEES_OVERDRAFT_FEES"))),
];

function texts(checkingCents: number | null) {
  const c = computeUser(user([account("chk", { current_cents: checkingCents, mask: "1234", name: "Checking" })], rows), AS_OF, `${AS_OF}T12:00:00.000Z`);
  const w = c.recommendations["30d"];
  return { persona: c.personas["30d"].primary, rationale: w.drafts.map((d) => d.rationale).join("\n"), facts: w.drafts.flatMap((d) => d.facts ?? []) };
}

describe("a checking balance the bank did not send (computeUser)", () => {
  it("with a real $0 balance the buffer is cited; with none sent no persona reads it and no rationale states it", () => {
    const zero = texts(0);
    expect(zero.persona).toBe("paycheck_to_paycheck");
    expect(zero.rationale).toMatch(/checking balance of \$0/i);

    const unknown = texts(null);
    expect(unknown.persona).not.toBe("paycheck_to_paycheck");
    expect(unknown.rationale).not.toMatch(/checking balance/i);
    expect(unknown.facts.map((f: { key: string }) => f.key)).not.toContain("income.checking_balance");
  });
});
