import { describe, expect, it } from "vitest";
import { checkAdviceLanguage, checkTone } from "./tone";

/** Shaming or judgmental phrasings that must be caught. */
const MUST_CATCH = [
  "You're bad with money.",
  "You are terrible with money",
  "Honestly, you’re bad with money", // curly apostrophe
  "This was irresponsible.",
  "You spent irresponsibly last month.",
  "That's reckless spending.",
  "You've been spending recklessly.",
  "Those are wasteful subscriptions.",
  "Stop wasting money on takeout.",
  "You wasted money on fees.",
  "You should be ashamed of this balance.",
  "Shame on you.",
  "You should feel guilty about this.",
  "That's a careless mistake.",
  "You were careless with your card.",
  "You failed to pay on time.",
  "You've failed at budgeting.",
  "You made poor choices this month.",
  "These are poor financial decisions.",
  "Bad spending habits add up.",
  "You have an overspending problem.",
  "Your spending problem is growing.",
  "You're a shopaholic.",
  "Don't be lazy about your budget.",
  "That was foolish.",
  "A foolishly large purchase.",
  "You can't manage money.",
  "You cannot handle credit.",
  "You don't know how to budget.",
  "You can’t seem to save anything.",
  "You lack self-discipline.",
  "Your spending is out of control.",
  "Your finances are a mess.",
  "You are living beyond your means.",
  "You're so impulsive.",
  "You always overspend on weekends.",
  "It's your own fault.",
  "Subscription addiction is real.",
  "That's embarrassing.",
  "A stupid purchase.",
];

/** Kind or neutral phrasings that must pass, including tricky near-misses. */
const MUST_PASS = [
  "Bringing this below 30% could improve your credit score.",
  "You're doing well: your savings grew this month.",
  "You're building a solid habit.",
  "There's no shame in asking your bank for help.",
  "Free trials can go to waste if you forget them.",
  "A failed payment can trigger a fee.",
  "If a payment fails, your bank will usually tell you.",
  "Keep some guilt-free spending money in your plan.",
  "Don't be fooled by messages that create urgency.",
  "Review your statement carefully.",
  "Being careful with due dates helps.",
  "Pick a responsible next step that fits your week.",
  "You can manage this one step at a time.",
  "You can handle a surprise bill more easily with a cushion.",
  "It's easy to overspend on subscriptions you forget about.",
  "Many people find budgeting hard at first.",
  "Paying only the minimum keeps the account in good standing.",
  "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of $5,000 limit).",
  "Choosing a plan you're likely to stick with matters most.",
  "Waste-free packaging", // "waste" alone is not judgmental
  "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.",
];

describe("checkTone", () => {
  it.each(MUST_CATCH)("catches %j", (text) => {
    const r = checkTone(text);
    expect(r.ok).toBe(false);
    expect(r.violations.length).toBeGreaterThan(0);
    expect(r.violations[0].phrase.length).toBeGreaterThan(0);
    expect(r.violations[0].reason.length).toBeGreaterThan(0);
  });

  it.each(MUST_PASS)("passes %j", (text) => {
    expect(checkTone(text)).toEqual({ ok: true, violations: [] });
  });

  it("reports the matched phrase", () => {
    const r = checkTone("Honestly, that was Reckless.");
    expect(r.violations).toEqual([expect.objectContaining({ phrase: "Reckless" })]);
  });
});

describe("checkAdviceLanguage", () => {
  it.each([
    "This will improve your credit score.",
    "A guaranteed way to save.",
    "You should invest in index funds.",
    "You must open this account today.",
    "Buy stocks now.",
  ])("catches %j", (text) => expect(checkAdviceLanguage(text).ok).toBe(false));

  it.each([
    "Bringing this below 30% could improve your credit score.",
    "It's one option to compare; take your time and read the terms.",
    "FDIC insured.",
  ])("passes %j", (text) => expect(checkAdviceLanguage(text).ok).toBe(true));
});
