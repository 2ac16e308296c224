// The AES256 vault cipher against files ansible-vault wrote (test/fixtures/vault, password `hunter2pw`):
// they open, and encrypting their plaintext again with their salt gives the same bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptAes256, encryptAes256 } from '../../../src/vault/aes256.js';
import { formatEnvelope, parseEnvelope } from '../../../src/vault/envelope.js';

const fixtures = join(import.meta.dirname, '../../fixtures/vault');
const PASSWORD = Buffer.from('hunter2pw');
const PLAINTEXT = 'made by ansible-vault\nline two\n';

/** The salt a vault body was made with (the first of its three hex lines). */
const saltOf = (body: string): Buffer => Buffer.from(Buffer.from(body, 'hex').toString('latin1').split('\n')[0]!, 'hex');

describe('AES256 vault cipher', () => {
  for (const [file, vaultId] of [
    ['made-by-ansible-vault-1.1.txt', 'default'],
    ['made-by-ansible-vault-1.2-ops.txt', 'ops'],
  ] as const) {
    it(`opens ${file} and writes it again byte for byte from the same salt`, () => {
      const text = readFileSync(join(fixtures, file), 'utf8');
      const envelope = parseEnvelope(text);
      expect(decryptAes256(envelope.body, PASSWORD)?.toString('utf8')).toBe(PLAINTEXT);
      expect(formatEnvelope(encryptAes256(Buffer.from(PLAINTEXT), PASSWORD, saltOf(envelope.body)), vaultId)).toBe(text);
    });
  }

  it('round-trips empty, block-sized, binary and non-ASCII plaintexts', () => {
    for (const plaintext of [Buffer.alloc(0), Buffer.alloc(16, 7), Buffer.from([0, 255, 10, 13]), Buffer.from('pässwörd ✓', 'utf8'), Buffer.alloc(5000, 'x')]) {
      const body = encryptAes256(plaintext, PASSWORD);
      expect(decryptAes256(body, PASSWORD)).toEqual(plaintext);
    }
  });

  it('a fresh salt each time: the same plaintext never gives the same text', () => {
    expect(encryptAes256(Buffer.from('same'), PASSWORD)).not.toBe(encryptAes256(Buffer.from('same'), PASSWORD));
  });

  it('another password, or a changed ciphertext byte, fails the HMAC: no plaintext', () => {
    const body = encryptAes256(Buffer.from('secret'), PASSWORD);
    expect(decryptAes256(body, Buffer.from('hunter3pw'))).toBeUndefined();
    const inner = Buffer.from(body, 'hex').toString('latin1');
    const flipped = inner.slice(0, -1) + (inner.endsWith('0') ? '1' : '0');
    expect(decryptAes256(Buffer.from(flipped, 'latin1').toString('hex'), PASSWORD)).toBeUndefined();
  });

  it('a body that is not the vault layout is a format error, not a crash', () => {
    expect(() => decryptAes256('zz', PASSWORD)).toThrow(/not hexadecimal/);
    expect(() => decryptAes256(Buffer.from('only-one-part').toString('hex'), PASSWORD)).toThrow(/salt, HMAC and ciphertext/);
  });
});
