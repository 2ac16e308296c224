// openssl_privatekey's arguments: community.crypto's names.
import type { ArgsSchema } from '../../types.js';
import { cryptoFileProperties, type CryptoFileArgs } from '../file-args.js';

export interface PrivateKeyArgs extends CryptoFileArgs {
  type?: 'RSA' | 'DSA' | 'ECC' | 'Ed25519' | 'Ed448' | 'X25519' | 'X448';
  size?: number;
  curve?: string;
  passphrase?: string;
  cipher?: string;
  format?: 'auto' | 'auto_ignore' | 'pkcs1' | 'pkcs8' | 'raw';
  format_mismatch?: 'regenerate' | 'convert';
  regenerate?: 'never' | 'fail' | 'partial_idempotence' | 'full_idempotence' | 'always';
}

export const privateKeySchema: ArgsSchema = {
  type: 'object',
  description: "Generates a private key on the target with its openssl (the key never leaves the host).",
  additionalProperties: false,
  required: ['path'],
  properties: {
    ...cryptoFileProperties,
    path: { type: 'string', description: 'The key file on the target (mode 0600 unless mode says otherwise).' },
    type: { type: 'string', enum: ['RSA', 'DSA', 'ECC', 'Ed25519', 'Ed448', 'X25519', 'X448'], default: 'RSA', description: 'The key algorithm (DSA is refused by ha-run).' },
    size: { type: 'integer', default: 4096, description: 'Bits of an RSA key.' },
    curve: {
      type: 'string',
      description: 'The curve of an ECC key: secp256r1, secp384r1, secp521r1, secp224r1, secp256k1, brainpoolP256r1, ...',
    },
    passphrase: { type: 'string', description: 'Encrypt the key with this passphrase (given to openssl on stdin).' },
    cipher: { type: 'string', description: "The cipher for the passphrase: 'auto' (AES-256) or an openssl cipher name." },
    format: { type: 'string', enum: ['auto', 'auto_ignore', 'pkcs1', 'pkcs8', 'raw'], default: 'auto_ignore', description: 'PKCS#1 (traditional) or PKCS#8; auto picks PKCS#1 where the key type has it.' },
    format_mismatch: { type: 'string', enum: ['regenerate', 'convert'], default: 'regenerate', description: 'A key in the wrong format: make a new one, or convert it.' },
    regenerate: {
      type: 'string',
      enum: ['never', 'fail', 'partial_idempotence', 'full_idempotence', 'always'],
      default: 'full_idempotence',
      description: 'When an existing key is replaced: never, fail on a mismatch, on a type/size mismatch, also on a passphrase mismatch, or always.',
    },
    return_content: { type: 'boolean', default: false, description: 'Return the key (PEM) as `privatekey`; it is masked in output like a password.' },
  },
};
