// The arguments that say what a CSR holds, shared by openssl_csr and openssl_csr_pipe (community.crypto's names).
import type { ArgsSchema } from '../../types.js';

export interface CsrContentArgs {
  privatekey_path?: string;
  privatekey_content?: string;
  privatekey_passphrase?: string;
  digest?: string;
  version?: number;
  subject?: Record<string, string | string[]>;
  country_name?: string;
  state_or_province_name?: string;
  locality_name?: string;
  organization_name?: string;
  organizational_unit_name?: string;
  common_name?: string;
  email_address?: string;
  subject_alt_name?: string[];
  subject_alt_name_critical?: boolean;
  use_common_name_for_san?: boolean;
  key_usage?: string[];
  key_usage_critical?: boolean;
  extended_key_usage?: string[];
  extended_key_usage_critical?: boolean;
  basic_constraints?: string[];
  basic_constraints_critical?: boolean;
  create_subject_key_identifier?: boolean;
  select_crypto_backend?: string;
}

const list = (description: string) => ({ type: 'array', items: { type: 'string' }, description });
const flag = (description: string) => ({ type: 'boolean', default: false, description });
const text = (description: string) => ({ type: 'string', description });

export const csrContentProperties: ArgsSchema = {
  privatekey_path: text('The private key on the target that signs the CSR.'),
  privatekey_content: text('The private key (PEM) itself, instead of privatekey_path: sent to openssl on stdin, never written to a lasting file.'),
  privatekey_passphrase: text('Its passphrase (given to openssl on stdin).'),
  digest: { type: 'string', default: 'sha256', description: 'The signature digest (not used with Ed25519/Ed448 keys).' },
  version: { type: 'integer', enum: [1], default: 1, description: 'The CSR version (always 1).' },
  subject: {
    type: 'object',
    additionalProperties: { type: ['string', 'array'], items: { type: 'string' } },
    description: 'Subject attributes (CN, O, commonName, ...); a list value repeats the attribute.',
  },
  country_name: text('C of the subject.'),
  state_or_province_name: text('ST of the subject.'),
  locality_name: text('L of the subject.'),
  organization_name: text('O of the subject.'),
  organizational_unit_name: text('OU of the subject.'),
  common_name: text('CN of the subject.'),
  email_address: text('emailAddress of the subject.'),
  subject_alt_name: list('Subject alternative names: DNS:name, IP:address, email:..., URI:...'),
  subject_alt_name_critical: flag('Mark subjectAltName critical.'),
  use_common_name_for_san: { type: 'boolean', default: true, description: 'Without subject_alt_name, use DNS:<common name>.' },
  key_usage: list('Key usages: digitalSignature, keyEncipherment, keyCertSign, cRLSign, ... (or their long names).'),
  key_usage_critical: flag('Mark keyUsage critical.'),
  extended_key_usage: list('Extended key usages: serverAuth, clientAuth, ... or OIDs.'),
  extended_key_usage_critical: flag('Mark extendedKeyUsage critical.'),
  basic_constraints: list("Basic constraints: ['CA:TRUE'] for a CA, ['CA:FALSE'], 'pathlen:0'."),
  basic_constraints_critical: flag('Mark basicConstraints critical.'),
  create_subject_key_identifier: flag('Add a subject key identifier derived from the public key.'),
  select_crypto_backend: { type: 'string', enum: ['auto', 'cryptography', 'openssl'], default: 'auto', description: "Accepted for compatibility: ha-run uses the target's openssl binary." },
};
