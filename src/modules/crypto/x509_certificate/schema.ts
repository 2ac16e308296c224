// x509_certificate's arguments: community.crypto's names for the selfsigned and ownca providers.
import type { ArgsSchema } from '../../types.js';
import { cryptoFileProperties, type CryptoFileArgs } from '../file-args.js';

export type SubjectKeyIdentifierMode = 'create_if_not_provided' | 'always_create' | 'never_create';

/** What the certificate is made of and who signs it (x509_certificate and x509_certificate_pipe). */
export interface CertificateContentArgs {
  provider?: 'selfsigned' | 'ownca' | 'acme' | 'entrust';
  csr_path?: string;
  privatekey_path?: string;
  privatekey_passphrase?: string;
  ignore_timestamps?: boolean;
  selfsigned_digest?: string;
  selfsigned_not_before?: string;
  selfsigned_not_after?: string;
  selfsigned_version?: number;
  selfsigned_create_subject_key_identifier?: SubjectKeyIdentifierMode;
  ownca_path?: string;
  ownca_privatekey_path?: string;
  ownca_privatekey_passphrase?: string;
  ownca_digest?: string;
  ownca_not_before?: string;
  ownca_not_after?: string;
  ownca_version?: number;
  ownca_create_subject_key_identifier?: SubjectKeyIdentifierMode;
  ownca_create_authority_key_identifier?: boolean;
  select_crypto_backend?: string;
}

export type CertificateArgs = CertificateContentArgs & CryptoFileArgs;

const text = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...extra });
const ski = (who: string) => ({
  type: 'string',
  enum: ['create_if_not_provided', 'always_create', 'never_create'],
  default: 'create_if_not_provided',
  description: `Whether ${who} certificate gets a subject key identifier (from the public key), unless the CSR has one.`,
});

export const certificateContentProperties = {
  provider: { type: 'string', enum: ['selfsigned', 'ownca', 'acme', 'entrust'], description: 'Who signs: selfsigned or ownca (acme and entrust are refused by ha-run).' },
  csr_path: text('The CSR on the target the certificate is made from.'),
  privatekey_path: text("The certificate's private key on the target (signs a self-signed certificate)."),
  privatekey_passphrase: text('Its passphrase (given to openssl on stdin).'),
  ignore_timestamps: { type: 'boolean', default: true, description: 'false: also make the certificate again when its validity period is not the one asked.' },
  selfsigned_digest: text('The signature digest.', { default: 'sha256' }),
  selfsigned_not_before: text('Start of validity: +/-NNw/d/h/m/s from now, or an ASN.1 time.', { default: '+0s' }),
  selfsigned_not_after: text('End of validity: +/-NNw/d/h/m/s from now, or an ASN.1 time.', { default: '+3650d' }),
  selfsigned_version: { type: 'integer', enum: [3], default: 3, description: 'The certificate version (3).' },
  selfsigned_create_subject_key_identifier: ski('a self-signed'),
  ownca_path: text('The CA certificate on the target.'),
  ownca_privatekey_path: text("The CA's private key on the target."),
  ownca_privatekey_passphrase: text('Its passphrase (given to openssl on stdin).'),
  ownca_digest: text('The signature digest.', { default: 'sha256' }),
  ownca_not_before: text('Start of validity: +/-NNw/d/h/m/s from now, or an ASN.1 time.', { default: '+0s' }),
  ownca_not_after: text('End of validity: +/-NNw/d/h/m/s from now, or an ASN.1 time.', { default: '+3650d' }),
  ownca_version: { type: 'integer', enum: [3], default: 3, description: 'The certificate version (3).' },
  ownca_create_subject_key_identifier: ski('the'),
  ownca_create_authority_key_identifier: { type: 'boolean', default: true, description: "Add an authority key identifier naming the CA's key." },
  select_crypto_backend: cryptoFileProperties.select_crypto_backend,
};

export const certificateSchema: ArgsSchema = {
  type: 'object',
  description: "Issues an X.509 certificate on the target with its openssl: self-signed, or signed by your own CA.",
  additionalProperties: false,
  required: ['path'],
  properties: {
    ...cryptoFileProperties,
    ...certificateContentProperties,
    path: text('The certificate file on the target.'),
    return_content: { type: 'boolean', default: false, description: 'Return the certificate (PEM) as `certificate`.' },
  },
};
