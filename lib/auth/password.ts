/** Password hashing with scrypt (node:crypto): "scrypt$N$r$p$salt$hash", constant-time verify. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

/** scrypt cost parameters (N = 2^14: ~16 MB, tens of ms per hash). */
export const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

/** Bytes of random salt per hash: every password, even a shared demo one, gets its own. */
export const SALT_BYTES = 16;

export async function hashPassword(password: string, salt: Buffer = randomBytes(SALT_BYTES)): Promise<string> {
  const key = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/**
 * True when `password` matches `stored`. With no usable stored hash (unknown email, account
 * without a password) it still runs one scrypt at the current cost and answers false, so the time
 * taken does not tell a known email from an unknown one.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = (stored ?? "").split("$");
  if (alg !== "scrypt" || !salt || !hash) {
    await scrypt(password, randomBytes(SALT_BYTES), SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
    return false;
  }
  const expected = Buffer.from(hash, "base64");
  const key = await scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
