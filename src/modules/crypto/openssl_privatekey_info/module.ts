// openssl_privatekey_info (community.crypto): what a private key on the target (or given as content)
// is, read by the target's openssl, with community.crypto's return values. It never changes anything.
import { createPublicKey } from 'node:crypto';
import { probeOf } from '../../kit/probe.js';
import { missingNow, ModuleFailure } from '../../failure.js';
import type { DeclarativeModule } from '../../types.js';
import { exactlyOne } from '../../schema-rules.js';
import { describePublicKey, fingerprints } from '../public-key.js';
import { keyInfoFact, type KeyInfoFile } from './fact.js';

export interface PrivateKeyInfoArgs {
  path?: string;
  content?: string;
  passphrase?: string;
  return_private_key_data?: boolean;
  check_consistency?: boolean;
  select_crypto_backend?: string;
}

export interface PrivateKeyInfoFacts {
  key: KeyInfoFile;
}

// X25519 and X448 keys cannot sign: community.crypto has no consistency test for them (None).
const UNCHECKABLE = new Set(['X25519', 'X448']);

/**
 * community.crypto's public_data: size for RSA and DSA (with RSA's public exponent), curve and
 * exponent_size for ECC. The big numbers (modulus, x, y, p, q, g) are left out: they do not fit
 * the numbers a result can hold exactly.
 */
export function publicData(publicKeyPem: string): Record<string, unknown> {
  const info = describePublicKey(publicKeyPem);
  if (info.type === 'RSA') {
    const e = createPublicKey(publicKeyPem).export({ format: 'jwk' }).e ?? '';
    return { size: info.size, exponent: Number(BigInt(`0x${Buffer.from(e, 'base64url').toString('hex') || '0'}`)) };
  }
  if (info.type === 'DSA') return { size: info.size };
  if (info.type === 'ECC') return { curve: info.curve, exponent_size: info.size };
  return {};
}

/** The result community.crypto gives, or the failure it fails with (carrying the same keys). */
export function keyInfo(args: PrivateKeyInfoArgs, key: KeyInfoFile): Record<string, unknown> {
  if (args.return_private_key_data) throw new ModuleFailure('return_private_key_data is not supported by ha-run: the private numbers never leave the host');
  const base = { can_load_key: key.exists, can_parse_key: false, key_is_consistent: null };
  if (!key.exists) throw missingNow(`Error while reading private key file from disk: [Errno 2] No such file or directory: '${args.path}'`, base);
  if (!key.publicKey) throw new ModuleFailure(`Error while loading private key: ${key.readError}`, { ...base, can_load_key: true });
  const info = describePublicKey(key.publicKey);
  const consistent = !args.check_consistency || UNCHECKABLE.has(info.type) ? null : (key.check?.ok ?? null);
  const result = {
    can_load_key: true,
    can_parse_key: true,
    key_is_consistent: consistent,
    public_key: key.publicKey,
    public_key_fingerprints: fingerprints(info.der),
    type: info.type,
    public_data: publicData(key.publicKey),
  };
  if (consistent === false) {
    throw new ModuleFailure(`Private key is not consistent! (openssl: ${key.check?.error ?? 'check failed'})`, result);
  }
  return result;
}

export const privateKeyInfoModule: DeclarativeModule<PrivateKeyInfoArgs, PrivateKeyInfoFacts> = {
  kind: 'declarative',
  name: 'openssl_privatekey_info',
  collection: 'community.crypto',
  schema: {
    type: 'object',
    description: "Reads a private key on the target (or given as content) with its openssl: type, size, public key, fingerprints, consistency.",
    additionalProperties: false,
    properties: {
      path: { type: 'string', description: 'The private key file on the target.' },
      content: { type: 'string', description: 'The private key (PEM) itself, instead of path: sent to openssl on stdin.' },
      passphrase: { type: 'string', description: 'Its passphrase (given to openssl on stdin).' },
      return_private_key_data: { type: 'boolean', default: false, description: 'Not supported by ha-run (the private numbers never leave the host): true fails.' },
      check_consistency: { type: 'boolean', default: false, description: "Check the key with openssl pkey -check; key_is_consistent says the result (null for X25519/X448)." },
      select_crypto_backend: { type: 'string', enum: ['auto', 'cryptography'], default: 'auto', description: "Accepted for compatibility: ha-run uses the target's openssl binary." },
    },
    allOf: exactlyOne('path', 'content'),
  },
  secretArgs: ['content', 'passphrase'],
  async gather(ctx, args) {
    const ask = { path: args.path, content: args.content, passphrase: args.passphrase, checkConsistency: args.check_consistency === true };
    return { key: await probeOf(ctx.conn).get(keyInfoFact, ask) };
  },
  plan(args, facts) {
    keyInfo(args, facts.key); // an unreadable or inconsistent key fails the task
    return [];
  },
  result: (args, facts) => keyInfo(args, facts.key),
};
