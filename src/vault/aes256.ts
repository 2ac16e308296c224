// The AES256 vault cipher: PBKDF2-HMAC-SHA256 (10000 rounds) turns password and a random salt into an
// AES key, an HMAC key and a counter block; the PKCS#7-padded plaintext is encrypted with AES-256-CTR and
// authenticated with HMAC-SHA256 over the ciphertext. The body is hex(hex(salt) \n hex(hmac) \n hex(ciphertext)).
import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { VaultFormatError } from './envelope.js';

const ROUNDS = 10000;
const KEY_BYTES = 32;
const BLOCK_BYTES = 16;
const SALT_BYTES = 32;

interface DerivedKeys {
  cipherKey: Buffer;
  hmacKey: Buffer;
  counter: Buffer;
}

function deriveKeys(password: Buffer, salt: Buffer): DerivedKeys {
  const derived = pbkdf2Sync(password, salt, ROUNDS, 2 * KEY_BYTES + BLOCK_BYTES, 'sha256');
  return { cipherKey: derived.subarray(0, KEY_BYTES), hmacKey: derived.subarray(KEY_BYTES, 2 * KEY_BYTES), counter: derived.subarray(2 * KEY_BYTES) };
}

/** CTR needs no padding, but the format pads anyway (the receiving side strips it). */
function pad(data: Buffer): Buffer {
  const n = BLOCK_BYTES - (data.length % BLOCK_BYTES);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

function unpad(data: Buffer): Buffer {
  const n = data.length === 0 ? 0 : data[data.length - 1]!;
  if (n < 1 || n > BLOCK_BYTES || n > data.length || !data.subarray(data.length - n).every((b) => b === n)) {
    throw new VaultFormatError('the decrypted data has invalid padding');
  }
  return data.subarray(0, data.length - n);
}

function ctr(keys: DerivedKeys, data: Buffer, encrypt: boolean): Buffer {
  const c = encrypt ? createCipheriv('aes-256-ctr', keys.cipherKey, keys.counter) : createDecipheriv('aes-256-ctr', keys.cipherKey, keys.counter);
  return Buffer.concat([c.update(data), c.final()]);
}

const hmacOf = (keys: DerivedKeys, data: Buffer): Buffer => createHmac('sha256', keys.hmacKey).update(data).digest();

/** The hex body for `plaintext`; `salt` only for tests (a fresh random one otherwise). */
export function encryptAes256(plaintext: Buffer, password: Buffer, salt: Buffer = randomBytes(SALT_BYTES)): string {
  const keys = deriveKeys(password, salt);
  const ciphertext = ctr(keys, pad(plaintext), true);
  const inner = [salt.toString('hex'), hmacOf(keys, ciphertext).toString('hex'), ciphertext.toString('hex')].join('\n');
  return Buffer.from(inner, 'latin1').toString('hex');
}

function unhex(text: string, what: string): Buffer {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw new VaultFormatError(`the ${what} is not hexadecimal`);
  return Buffer.from(text, 'hex');
}

/** The plaintext, or undefined when `password` is not the one it was encrypted with (the HMAC differs). */
export function decryptAes256(body: string, password: Buffer): Buffer | undefined {
  const parts = unhex(body, 'vault body').toString('latin1').split('\n');
  if (parts.length < 3) throw new VaultFormatError('the vault body does not hold salt, HMAC and ciphertext');
  const [saltHex, hmacHex] = parts as [string, string];
  const ciphertext = unhex(parts.slice(2).join('\n'), 'ciphertext');
  const keys = deriveKeys(password, unhex(saltHex, 'salt'));
  const expected = unhex(hmacHex, 'HMAC');
  const actual = hmacOf(keys, ciphertext);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return unpad(ctr(keys, ciphertext, false));
}
