import { describe, expect, it } from "vitest";
import { subscriptionsResult } from "../../core/chat/tools";
import { richWindow } from "../../core/chat/testkit";
import { catalogProducts } from "../phrase";
import { checkChatText, dateGrounded, emptyGround, parseWrittenDate, subsetSums, type ChatGround } from "./checks";
import { addToGround } from "./tools";

function ground(): ChatGround {
  const g = emptyGround();
  addToGround(g, subscriptionsResult(richWindow()));
  return g;
}
const failures = (text: string, g = ground()) =>
  checkChatText(text, g, catalogProducts())
    .filter((c) => !c.passed)
    .flatMap((c) => c.found.map((f) => `${c.name}: ${f}`));

describe("chat checks", () => {
  it("grounds the tools' figures, in any spelling", () => {
    expect(failures("You have 3 subscriptions, $65.98 a month, 2.6% of spending. Netflix is $15.99.")).toEqual([]);
    expect(failures("Spotify costs 9.99 dollars every month.")).toEqual([]);
  });

  it("grounds a sum of one result's dollar amounts, not a made-up one", () => {
    expect(failures("Netflix and Spotify come to $25.98.")).toEqual([]);
    expect(failures("Netflix and the gym come to $55.99.")).toEqual([]);
    expect(failures("That is $25.99 together.")).toEqual(["UNGROUNDED_NUMBER: $25.99"]);
    expect(failures("That is 68% of your spending.")).toEqual(["UNGROUNDED_NUMBER: 68%"]);
  });

  it("grounds a date a tool returned, in any spelling; not another date", () => {
    expect(failures("Netflix renews on July 10, Spotify on 14 July and the gym on 2025-07-02.")).toEqual([]);
    expect(failures("Netflix renews on Jul 10th, 2025.")).toEqual([]);
    expect(failures("Netflix renews on July 11.")).toEqual(["UNGROUNDED_DATE: July 11"]);
    expect(failures("Netflix renews on July 10, 2024.")).toEqual(["UNGROUNDED_DATE: July 10, 2024"]);
  });

  it("reads digits inside returned names as names", () => {
    const g = ground();
    g.names.push("24 Hour Fitness");
    expect(failures("24 Hour Fitness is one of them.", g)).toEqual([]);
    expect(failures("24 hours later.", g)).toEqual(["UNGROUNDED_NUMBER: 24 hours"]);
  });

  it("never lets an email address through, and keeps the rationale checks", () => {
    expect(failures("Ask alice@example.com about it.")).toEqual(["IDENTIFIER: alice@example.com"]);
    expect(failures("You are so irresponsible.")).toEqual(["TONE: irresponsible"]);
    expect(failures("This is not financial advice.")).toEqual(["DISCLOSURE: not financial advice"]);
  });

  it("enumerates subset sums of two or more values, within its cap", () => {
    expect([...subsetSums([100, 200, 400])].sort((a, b) => a - b)).toEqual([300, 500, 600, 700]);
    const big = subsetSums(Array.from({ length: 40 }, (_, i) => 1000 + i * 7));
    expect(big.size).toBeLessThan(200_000);
  });

  it("reads written dates", () => {
    expect(parseWrittenDate("November 10th, 2026")).toEqual({ month: 11, day: 10, year: 2026 });
    expect(parseWrittenDate("10 Nov")).toEqual({ month: 11, day: 10, year: null });
    expect(parseWrittenDate("11/10/26")).toEqual({ month: 11, day: 10, year: 2026 });
    expect(parseWrittenDate("2026-11-10")).toEqual({ month: 11, day: 10, year: 2026 });
    expect(dateGrounded("Nov. 10", [{ key: "k", label: "l", date: "2026-11-10" }])).toBe(true);
  });
});
