// crypt(3) password hashes as /etc/shadow stores them: SHA-512 and SHA-256 crypt (Ulrich Drepper's
// specification, `$6$` and `$5$`) and MD5 crypt (`$1$`). Written from the published algorithms so the
// controller needs neither Python's passlib nor a native module; checked against `openssl passwd`.
import { createHash } from 'node:crypto';

/** The alphabet crypt encodes with (not base64's order). */
const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const CRYPT_SALT_CHARS = /^[./0-9A-Za-z]*$/;

/** `count` characters for the 24 bits b2:b1:b0, least significant six bits first. */
function encode24(b2: number, b1: number, b0: number, count: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let i = 0; i < count; i++) {
    out += ITOA64[w & 0x3f];
    w >>= 6;
  }
  return out;
}

/** Byte triples of the final digest, in the order each scheme writes them. */
const SHA512_ORDER: readonly [number, number, number][] = [
  [0, 21, 42], [22, 43, 1], [44, 2, 23], [3, 24, 45], [25, 46, 4], [47, 5, 26], [6, 27, 48], [28, 49, 7], [50, 8, 29], [9, 30, 51], [31, 52, 10],
  [53, 11, 32], [12, 33, 54], [34, 55, 13], [56, 14, 35], [15, 36, 57], [37, 58, 16], [59, 17, 38], [18, 39, 60], [40, 61, 19], [62, 20, 41],
];
const SHA256_ORDER: readonly [number, number, number][] = [
  [0, 10, 20], [21, 1, 11], [12, 22, 2], [3, 13, 23], [24, 4, 14], [15, 25, 5], [6, 16, 26], [27, 7, 17], [18, 28, 8], [9, 19, 29],
];

function digest(algorithm: string, ...parts: Buffer[]): Buffer {
  const h = createHash(algorithm);
  for (const part of parts) h.update(part);
  return h.digest();
}

/** `len` bytes of `block` repeated. */
function repeated(block: Buffer, len: number): Buffer {
  const out = Buffer.alloc(len);
  for (let i = 0; i < len; i += block.length) block.copy(out, i, 0, Math.min(block.length, len - i));
  return out;
}

/**
 * `$6$` (sha512) or `$5$` (sha256) crypt. `rounds` undefined means the scheme's implicit 5000, not written
 * in the hash; another number is written as `rounds=N$` (clamped to 1000..999999999 as the specification says).
 */
export function shaCrypt(algorithm: 'sha512' | 'sha256', password: string, salt: string, rounds?: number): string {
  const key = Buffer.from(password, 'utf8');
  const saltBytes = Buffer.from(salt.slice(0, 16), 'utf8');
  const n = rounds === undefined ? 5000 : Math.min(999_999_999, Math.max(1000, Math.floor(rounds)));
  const size = algorithm === 'sha512' ? 64 : 32;

  const b = digest(algorithm, key, saltBytes, key);
  const a = createHash(algorithm).update(key).update(saltBytes).update(repeated(b, key.length));
  for (let len = key.length; len > 0; len >>= 1) a.update(len & 1 ? b : key);
  let c: Buffer = a.digest();

  const dp = createHash(algorithm);
  for (let i = 0; i < key.length; i++) dp.update(key);
  const p = repeated(dp.digest(), key.length);
  const ds = createHash(algorithm);
  for (let i = 0; i < 16 + c[0]!; i++) ds.update(saltBytes);
  const s = repeated(ds.digest(), saltBytes.length);

  for (let i = 0; i < n; i++) c = digest(algorithm, i & 1 ? p : c, ...(i % 3 ? [s] : []), ...(i % 7 ? [p] : []), i & 1 ? c : p);

  let encoded = '';
  for (const [x, y, z] of algorithm === 'sha512' ? SHA512_ORDER : SHA256_ORDER) encoded += encode24(c[x]!, c[y]!, c[z]!, 4);
  encoded += size === 64 ? encode24(0, 0, c[63]!, 2) : encode24(0, c[31]!, c[30]!, 3);
  const prefix = algorithm === 'sha512' ? '$6$' : '$5$';
  // The implicit 5000 is never written (as passlib writes hashes).
  return `${prefix}${n === 5000 ? '' : `rounds=${n}$`}${saltBytes.toString('utf8')}$${encoded}`;
}

/** `$1$` MD5 crypt (Poul-Henning Kamp's), salt of up to 8 characters. */
export function md5Crypt(password: string, salt: string): string {
  const pw = Buffer.from(password, 'utf8');
  const saltBytes = Buffer.from(salt.slice(0, 8), 'utf8');
  const magic = Buffer.from('$1$');
  const ctx = createHash('md5').update(pw).update(magic).update(saltBytes);
  const alternate = digest('md5', pw, saltBytes, pw);
  for (let len = pw.length; len > 0; len -= 16) ctx.update(alternate.subarray(0, Math.min(len, 16)));
  for (let len = pw.length; len > 0; len >>= 1) ctx.update(len & 1 ? Buffer.from([0]) : pw.subarray(0, 1));
  let f: Buffer = ctx.digest();
  for (let i = 0; i < 1000; i++) {
    f = digest('md5', i & 1 ? pw : f, ...(i % 3 ? [saltBytes] : []), ...(i % 7 ? [pw] : []), i & 1 ? f : pw);
  }
  const encoded =
    encode24(f[0]!, f[6]!, f[12]!, 4) + encode24(f[1]!, f[7]!, f[13]!, 4) + encode24(f[2]!, f[8]!, f[14]!, 4) + encode24(f[3]!, f[9]!, f[15]!, 4) + encode24(f[4]!, f[10]!, f[5]!, 4) + encode24(0, 0, f[11]!, 2);
  return `$1$${saltBytes.toString('utf8')}$${encoded}`;
}
