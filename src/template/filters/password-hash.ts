// password_hash: a crypt(3) hash for /etc/shadow (the user module's `password`), written as Ansible
// writes it with passlib: sha512 and sha256 with passlib's default rounds spelled out in the hash, md5
// crypt without. A fixed salt gives the same hash on every run (and the same as Ansible's), so a user
// task stays unchanged; without one the salt is random, as in Ansible.
import { randomInt } from 'node:crypto';
import { CRYPT_SALT_CHARS, md5Crypt, shaCrypt } from '../../util/crypt.js';
import { TemplateError } from '../errors.js';
import { pyStr } from '../python.js';
import type { FilterDef } from '../types.js';

const SALT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

interface Scheme {
  hash(password: string, salt: string, rounds?: number): string;
  saltSize: number;
  /** passlib's default, written into the hash; undefined for a scheme without rounds. */
  rounds?: number;
}

const SCHEMES: Record<string, Scheme> = {
  sha512: { hash: (pw, salt, rounds) => shaCrypt('sha512', pw, salt, rounds), saltSize: 16, rounds: 656000 },
  sha256: { hash: (pw, salt, rounds) => shaCrypt('sha256', pw, salt, rounds), saltSize: 16, rounds: 535000 },
  md5: { hash: (pw, salt) => md5Crypt(pw, salt), saltSize: 8 },
};

/** Hashes with a given salt, kept: the default rounds cost the controller a second or two each, and a
 *  template that hashes one password for 50 hosts asks the same question 50 times. */
const known = new Map<string, string>();
const KEPT = 256;

function fail(message: string): never {
  throw new TemplateError('template-error', `password_hash: ${message}`);
}

function randomSalt(size: number): string {
  let salt = '';
  for (let i = 0; i < size; i++) salt += SALT_ALPHABET[randomInt(SALT_ALPHABET.length)];
  return salt;
}

function wholeNumber(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail(`${what} must be a positive whole number, got ${pyStr(value)}`);
  return n;
}

export function passwordHash(value: unknown, hashtype: unknown = 'sha512', salt?: unknown, saltSize?: unknown, rounds?: unknown): string {
  const type = pyStr(hashtype ?? 'sha512').replace(/_crypt$/, '');
  const scheme = SCHEMES[type] ?? fail(`${pyStr(hashtype)} is not a hash type ha-run knows (sha512, sha256, md5)`);
  const givenRounds = wholeNumber(rounds, 'rounds');
  if (givenRounds !== undefined && scheme.rounds === undefined) fail(`${type} takes no rounds`);
  let saltText: string;
  if (salt === undefined || salt === null) saltText = randomSalt(wholeNumber(saltSize, 'salt_size') ?? scheme.saltSize);
  else {
    saltText = pyStr(salt);
    if (!CRYPT_SALT_CHARS.test(saltText)) fail('a salt may only contain the characters ./0-9A-Za-z');
  }
  // As Ansible (passlib): a number is not a password; quote it.
  if (typeof value !== 'string') fail(`the password must be a string, not ${value === null || value === undefined ? 'None' : typeof value === 'number' ? 'a number' : typeof value}`);
  const password = value;
  const n = givenRounds ?? scheme.rounds;
  const key = JSON.stringify([type, password, saltText, n]);
  const kept = known.get(key);
  if (kept !== undefined) return kept;
  const hashed = scheme.hash(password, saltText, n);
  if (salt !== undefined && salt !== null) {
    if (known.size >= KEPT) known.delete(known.keys().next().value!);
    known.set(key, hashed);
  }
  return hashed;
}

export const passwordHashFilters: Record<string, FilterDef> = {
  password_hash: { fn: (v, [hashtype, salt, saltSize, rounds], kw) => passwordHash(v, kw.hashtype ?? hashtype, kw.salt ?? salt, kw.salt_size ?? saltSize, kw.rounds ?? rounds) },
};
