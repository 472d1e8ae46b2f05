import { describe, expect, it } from "vitest";
import { describeReviewFilter, parseReviewQuery, reviewQueryParams } from "./review-query";

describe("review queue query", () => {
  it("reads search params with defaults, the last of a repeated one, empty ones as unset", () => {
    expect(parseReviewQuery({})).toEqual({ ok: true, query: { status: "pending", sort: "oldest" } });
    expect(parseReviewQuery({ kind: ["education", "offer"], window: "", persona: "none", user: " u1 " })).toEqual({
      ok: true,
      query: { status: "pending", sort: "oldest", kind: "offer", persona: "none", user: "u1" },
    });
  });

  it("names each bad parameter and why", () => {
    const r = parseReviewQuery({ status: "done", sort: "random", persona: "rich", after: "x".repeat(700) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('status: "done" is not one of pending, flagged, approved, rejected');
    expect(r.error).toContain('sort: "random" is not one of oldest, newest, user');
    expect(r.error).toContain('persona: "rich" is not one of');
    expect(r.error).toContain("after: is not a page position");
  });

  it("writes a query back as short, canonical params (defaults left out) and describes a filter in words", () => {
    expect(reviewQueryParams({ status: "pending", sort: "oldest", kind: "offer" }).toString()).toBe("kind=offer");
    expect(reviewQueryParams({ status: "flagged", sort: "user", user: "u 1", after: "abc" }).toString()).toBe("status=flagged&user=u+1&sort=user&after=abc");
    expect(describeReviewFilter({ status: "pending" })).toBe("every pending item in the queue");
    expect(describeReviewFilter({ status: "pending", kind: "offer", window: "30d", persona: "savings_builder", user: "u1" }, { persona: () => "Savings Builder", user: "Ana" })).toBe(
      "offers, 30-day window, persona Savings Builder, customer Ana",
    );
  });
});
