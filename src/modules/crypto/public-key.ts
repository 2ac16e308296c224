// A public key (PEM, as openssl printed it on the target) described the way community.crypto
// describes keys: type (RSA, ECC, Ed25519, ...), size in bits, curve, and fingerprints of its
// DER SubjectPublicKeyInfo. Only public material is ever looked at here.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

export type KeyType = 'RSA' | 'DSA' | 'ECC' | 'Ed25519' | 'Ed448' | 'X25519' | 'X448';

export interface PublicKeyInfo {
  type: KeyType | string;
  size: number;
  /** community.crypto's curve name (secp256r1, secp384r1, ...), for ECC keys. */
  curve?: string;
  /** The DER bytes, base64: equal keys have equal DER. */
  der: string;
}

// Node names curves as OpenSSL does (prime256v1); community.crypto uses the SEC names.
const CURVES: Record<string, { name: string; size: number }> = {
  prime256v1: { name: 'secp256r1', size: 256 },
  'P-256': { name: 'secp256r1', size: 256 },
  secp384r1: { name: 'secp384r1', size: 384 },
  'P-384': { name: 'secp384r1', size: 384 },
  secp521r1: { name: 'secp521r1', size: 521 },
  'P-521': { name: 'secp521r1', size: 521 },
  secp224r1: { name: 'secp224r1', size: 224 },
  secp256k1: { name: 'secp256k1', size: 256 },
  brainpoolP256r1: { name: 'brainpoolP256r1', size: 256 },
  brainpoolP384r1: { name: 'brainpoolP384r1', size: 384 },
  brainpoolP512r1: { name: 'brainpoolP512r1', size: 512 },
};

const OTHER: Record<string, { type: KeyType; size: number }> = {
  ed25519: { type: 'Ed25519', size: 256 },
  ed448: { type: 'Ed448', size: 456 },
  x25519: { type: 'X25519', size: 256 },
  x448: { type: 'X448', size: 448 },
};

export function describePublicKey(pem: string): PublicKeyInfo {
  const key = createPublicKey(pem);
  const der = (key.export({ type: 'spki', format: 'der' }) as Buffer).toString('base64');
  const kind = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (kind === 'rsa' || kind === 'rsa-pss') return { type: 'RSA', size: details.modulusLength ?? 0, der };
  if (kind === 'dsa') return { type: 'DSA', size: details.modulusLength ?? 0, der };
  if (kind === 'ec') {
    const curve = CURVES[details.namedCurve ?? ''] ?? { name: details.namedCurve ?? 'unknown', size: 0 };
    return { type: 'ECC', size: curve.size, curve: curve.name, der };
  }
  const other = OTHER[kind];
  return { type: other?.type ?? kind, size: other?.size ?? 0, der };
}

/** Accepted curve spellings -> community.crypto's name (for comparing with what the key has). */
export function curveName(curve: string): string {
  return CURVES[curve]?.name ?? curve;
}

/** The openssl name to generate a curve with. */
export function opensslCurve(curve: string): string {
  const sec = curveName(curve);
  return sec === 'secp256r1' ? 'prime256v1' : sec;
}

// Python's hashlib.algorithms_guaranteed, which community.crypto fingerprints with (shake with 32 bytes).
const FINGERPRINT_HASHES: [name: string, node: string, length?: number][] = [
  ['blake2b', 'blake2b512'],
  ['blake2s', 'blake2s256'],
  ['md5', 'md5'],
  ['sha1', 'sha1'],
  ['sha224', 'sha224'],
  ['sha256', 'sha256'],
  ['sha384', 'sha384'],
  ['sha3_224', 'sha3-224'],
  ['sha3_256', 'sha3-256'],
  ['sha3_384', 'sha3-384'],
  ['sha3_512', 'sha3-512'],
  ['sha512', 'sha512'],
  ['shake_128', 'shake128', 32],
  ['shake_256', 'shake256', 32],
];

export function fingerprints(derBase64: string): Record<string, string> {
  const der = Buffer.from(derBase64, 'base64');
  const out: Record<string, string> = {};
  for (const [name, algo, length] of FINGERPRINT_HASHES) {
    try {
      const hex = createHash(algo, length ? { outputLength: length } : undefined).update(der).digest('hex');
      out[name] = hex.match(/../g)!.join(':');
    } catch {
      // a hash this Node build lacks is left out, as community.crypto leaves out what hashlib lacks
    }
  }
  return out;
}

export function publicKeyObject(pem: string): KeyObject {
  return createPublicKey(pem);
}
