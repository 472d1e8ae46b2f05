/**
 * Plaid access tokens at rest: AES-256-GCM under PLAID_TOKEN_KEY, a fresh 12-byte IV each time, the
 * Item id as additional authenticated data (a ciphertext copied onto another Item's row does not
 * decrypt). Stored as "v1:" + base64(iv | tag | ciphertext); the token itself is never stored.
 */
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptToken(token: string, key: Buffer, itemId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(itemId, "utf8"));
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** Throws when the key, the Item id or the stored text is not the one it was encrypted with. */
export function decryptToken(stored: string, key: Buffer, itemId: string): string {
  if (!stored.startsWith(VERSION)) throw new Error("unknown access token format");
  const raw = Buffer.from(stored.slice(VERSION.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(itemId, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
