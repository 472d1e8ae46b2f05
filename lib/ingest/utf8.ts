/**
 * UTF-8 checks for the byte scanner: a bundle must be UTF-8, and a byte sequence that is not is an
 * error at its offset (never silently replaced by U+FFFD). Chunks may split a character: the
 * scanner validates the longest complete prefix and keeps the rest for the next chunk.
 */
import { isUtf8 } from "node:buffer";

/** End of the longest prefix of buf[0, end) that does not stop inside a multi-byte character. */
export function completeUtf8Prefix(buf: Uint8Array, end = buf.length): number {
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const b = buf[i];
    if (b < 0x80) return end;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return end - i >= need ? end : i;
    }
  }
  return end;
}

/** Offset of the first byte of buf[from, to) that starts an invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= to) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (buf[i + 1] < lo || buf[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** -1 when buf[from, to) is valid UTF-8, else the offset of the first bad byte. */
export function checkUtf8(buf: Uint8Array, from: number, to: number): number {
  if (to <= from || isUtf8(buf.subarray(from, to))) return -1;
  const at = firstInvalidUtf8(buf, from, to);
  return at === -1 ? from : at;
}
