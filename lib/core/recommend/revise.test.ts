import { describe, expect, it } from "vitest";
import { reviseRationale } from "./revise";
import { highUtilizationDrafts } from "./test-catalog";

const edu = () => highUtilizationDrafts().find((d) => d.kind === "education")!;

describe("reviseRationale (model rewrites)", () => {
  it("records the model and re-runs the guardrails", () => {
    const d = edu();
    const ok = reviseRationale(d, {
      rationale: "Your Visa ending in 4523 is at 68% of its $5,000 limit; getting it under 30% could help your score.",
      generator: "gpt-4o-mini-2024-07-18",
      generated_at: "2025-06-30T12:00:05Z",
    });
    expect(ok.trace.generator).toBe("gpt-4o-mini-2024-07-18");
    expect(ok.trace.generated_at).toBe("2025-06-30T12:00:05Z");
    expect(ok.trace.guardrails?.passed).toBe(true);
    const bad = reviseRationale(d, { rationale: "Your Visa is at 72%.", generator: "m", generated_at: "t" });
    expect(bad.trace.guardrails?.passed).toBe(false);
    expect(bad.trace.guardrails?.grounding.ungrounded).toEqual(["72%"]);
  });
});
