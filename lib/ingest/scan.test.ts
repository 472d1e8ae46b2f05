import { describe, expect, it } from "vitest";
import { BundleScanner, BundleShapeError, BundleSyntaxError, BundleTooLarge, scanBundle, type ScannedItem } from "./scan";
import { firstInvalidUtf8 } from "./utf8";

function scanAll(text: string, chunk = 7): ScannedItem[] {
  const items: ScannedItem[] = [];
  const s = new BundleScanner((i) => items.push(i));
  for (let i = 0; i < text.length; i += chunk) s.feed(text.slice(i, i + chunk));
  s.end();
  return items;
}

const bundle = {
  users: [{ user_id: "u1", name: "A \"quoted\" [name] {x}", email: "a@example.com" }],
  extra: { ignored: [1, 2, { deep: "]" }] },
  accounts: [{ account_id: "a1", user_id: "u1", balances: { current: 1.5 } }],
  transactions: [
    { transaction_id: "t1", amount: 12.34, name: "NETFLIX.COM \\ 866" },
    { transaction_id: "t2", amount: -5, name: "ünïcødé ✓" },
  ],
  liabilities: { credit: [{ account_id: "a1", aprs: [] }], student: null, mortgage: [] },
};

describe("BundleScanner", () => {
  it("yields every element of every section, in order, whatever the chunking", () => {
    const text = JSON.stringify(bundle, null, 2);
    for (const chunk of [1, 3, 7, 64, 100000]) {
      const items = scanAll(text, chunk);
      expect(items.map((i) => `${i.section}[${i.index}]`)).toEqual([
        "users[0]",
        "accounts[0]",
        "transactions[0]",
        "transactions[1]",
        "credit[0]",
      ]);
      expect(items[0].value).toEqual(bundle.users[0]);
      expect(items[3].value).toEqual(bundle.transactions[1]);
    }
  });

  it("accepts empty sections and an empty object", () => {
    expect(scanAll('{"users":[],"transactions":[ ]}')).toEqual([]);
    expect(scanAll("{}")).toEqual([]);
  });

  it("hands scalar elements through for validation to reject", () => {
    const items = scanAll('{"users":[1,"x",null]}', 2);
    expect(items.map((i) => i.value)).toEqual([1, "x", null]);
  });

  it("reports malformed JSON with an offset", () => {
    expect(() => scanAll('{"users":[{"a":1}')).toThrow(BundleSyntaxError);
    expect(() => scanAll('{"users":[{"a":1},]}')).toThrow(/Invalid JSON value|Expected/);
    expect(() => scanAll("[1,2]")).toThrow(/JSON object/);
    expect(() => scanAll("")).toThrow(/Empty body/);
    expect(() => scanAll('{"users":[]} x')).toThrow(/after the bundle/);
    expect(() => scanAll('{"users":[{"a":tru}]}')).toThrow(BundleSyntaxError);
  });

  it("names a section that is not an array", () => {
    expect(() => scanAll('{"transactions":{"a":1}}')).toThrow(BundleShapeError);
    try {
      scanAll('{"transactions":5}');
    } catch (e) {
      expect((e as BundleShapeError).path).toBe("transactions");
    }
  });

  it("stops at the element limit", () => {
    const s = new BundleScanner(() => {}, 3);
    expect(() => s.feed('{"users":[{},{},{},{}]}')).toThrow(BundleTooLarge);
    const fits = new BundleScanner(() => {}, 4);
    fits.feed('{"users":[{},{}],"accounts":[{},{}]}');
    fits.end();
  });

  it("marks the elements whose text holds a \\u escape", () => {
    const items = scanAll('{"users":[{"a":"x"},{"a":"\\u00fc"},{"a":"\\\\"}]}', 4);
    expect(items.map((i) => i.escaped ?? false)).toEqual([false, true, false]);
  });
});

describe("BundleScanner and UTF-8", () => {
  it("streams bytes with multi-byte characters split across chunks", async () => {
    const bytes = Buffer.from(JSON.stringify(bundle));
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
    }
    const all: ScannedItem[] = [];
    for await (const batch of scanBundle(chunks(), 2)) all.push(...batch);
    expect(all).toHaveLength(5);
    expect((all[3].value as { name: string }).name).toBe("ünïcødé ✓");
  });

  it("rejects bytes that are not UTF-8 at their byte offset, whatever the chunking; accepts every valid character split anywhere", () => {
    const good = Buffer.from(JSON.stringify({ users: [{ name: "ü ✓ 😀 ﬀ" }] }));
    const at = good.indexOf("ü");
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    const truncated = Buffer.concat([good.subarray(0, at), Buffer.from([0xe2, 0x9c]), Buffer.from('"}]}')]);
    for (const chunk of [1, 2, 3, 5, 1000]) {
      const feedAll = (b: Buffer) => {
        const items: ScannedItem[] = [];
        const s = new BundleScanner((i) => items.push(i));
        for (let i = 0; i < b.length; i += chunk) s.feed(b.subarray(i, i + chunk));
        s.end();
        return items;
      };
      expect((feedAll(good)[0].value as { name: string }).name).toBe("ü ✓ 😀 ﬀ");
      expect(() => feedAll(bad)).toThrow(`Invalid UTF-8 (the bundle must be UTF-8 encoded) at byte ${at}`);
      expect(() => feedAll(truncated)).toThrow(/Invalid UTF-8/);
    }
  });

  it("finds the first invalid UTF-8 sequence: stray continuation, overlong, surrogate, beyond U+10FFFF, truncated", () => {
    for (const bytes of [[0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98]]) {
      expect(firstInvalidUtf8(Uint8Array.from([0x61, ...bytes]), 0, bytes.length + 1)).toBe(1);
    }
    const ok = Buffer.from("a ü ✓ 😀");
    expect(firstInvalidUtf8(ok, 0, ok.length)).toBe(-1);
  });
});
